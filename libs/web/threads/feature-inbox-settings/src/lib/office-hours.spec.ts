import { DEFAULT_OFFICE_HOURS } from '@passerelle/shared/dto';
import { officeHoursErrors } from './office-hours';

describe('officeHoursErrors', () => {
  it('accepts spans in order, one ending when the next starts', () => {
    expect(officeHoursErrors(DEFAULT_OFFICE_HOURS)).toEqual({});
    expect(officeHoursErrors([{ start: '08:00', end: '12:00' }, { start: '12:00', end: '18:00' }])).toEqual({});
  });

  it('puts an inverted span on its end, an overlap or a span out of order on its start', () => {
    expect(officeHoursErrors([{ start: '09:00', end: '09:00' }])).toEqual({
      '0.end': 'La fin de la plage 1 doit venir après son début (09:00).',
    });
    const overlap = officeHoursErrors([{ start: '09:00', end: '12:30' }, { start: '12:00', end: '17:00' }]);
    expect(Object.keys(overlap)).toEqual(['1.start']);
    expect(overlap['1.start']).toContain('commencer à 12:30 ou plus tard');
    const outOfOrder = officeHoursErrors([{ start: '13:30', end: '17:30' }, { start: '09:00', end: '12:30' }]);
    expect(Object.keys(outOfOrder)).toEqual(['1.start']);
  });

  it('leaves times not yet valid to their own field', () => {
    expect(officeHoursErrors([{ start: '09:00', end: '' }, { start: '08:00', end: '10:00' }])).toEqual({});
  });
});
