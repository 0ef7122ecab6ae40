import { DEFAULT_OFFICE_HOURS } from '@passerelle/shared/dto';
import { describeOfficeHours, formatTimeOfDay } from './format-office-hours';

/** No-break spaces made visible, for readable failures. */
const shown = (text: string) => text.replace(/\u00a0/g, '·');

describe('formatTimeOfDay', () => {
  it('writes a time the French way, without the leading zero nor « 00 »', () => {
    expect(shown(formatTimeOfDay('09:00'))).toBe('9·h');
    expect(shown(formatTimeOfDay('12:30'))).toBe('12·h·30');
    expect(shown(formatTimeOfDay('08:05'))).toBe('8·h·05');
    expect(shown(formatTimeOfDay('17:30'))).toBe('17·h·30');
  });
});

describe('describeOfficeHours', () => {
  it('joins the spans of a working day in a sentence', () => {
    expect(shown(describeOfficeHours(DEFAULT_OFFICE_HOURS))).toBe('de 9·h à 12·h·30 et de 13·h·30 à 17·h·30');
    expect(shown(describeOfficeHours([{ start: '08:00', end: '18:00' }]))).toBe('de 8·h à 18·h');
    expect(
      shown(
        describeOfficeHours([
          { start: '08:00', end: '10:00' },
          { start: '10:30', end: '12:00' },
          { start: '14:00', end: '17:00' },
        ]),
      ),
    ).toBe('de 8·h à 10·h, de 10·h·30 à 12·h et de 14·h à 17·h');
    expect(describeOfficeHours([])).toBe('');
  });
});
