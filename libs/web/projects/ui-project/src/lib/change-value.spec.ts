import { formatChangeValue } from './change-value';

describe('formatChangeValue', () => {
  it('reads amounts in euros, codes by their label and days in French', () => {
    expect(formatChangeValue('forecastCostCents', 1_234_567)).toBe('12\u202f345,67\u00a0€');
    expect(formatChangeValue('status', 'IN_PROGRESS')).toBe('En cours');
    expect(formatChangeValue('theme', 'VOIRIE')).toBe('Voirie');
    expect(formatChangeValue('startDate', '2026-04-01')).toBe('01/04/2026');
    expect(formatChangeValue('progress', 25)).toBe('25\u00a0%');
  });

  it('shows a dash for nothing and counts lists', () => {
    expect(formatChangeValue('finalCostCents', null)).toBe('—');
    expect(formatChangeValue('fundingLines', [{}, {}])).toBe('2 lignes');
  });
});
