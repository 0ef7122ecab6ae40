import { parseFrenchDate } from './parse-date';

describe('parseFrenchDate', () => {
  it('reads day first, whatever a browser in English would do', () => {
    expect(parseFrenchDate('04/12/2026')).toEqual({ year: 2026, month: 12, day: 4 });
    expect(parseFrenchDate(' 4/7/2026 ')).toEqual({ year: 2026, month: 7, day: 4 });
    expect(parseFrenchDate('31.12.2026')).toEqual({ year: 2026, month: 12, day: 31 });
    expect(parseFrenchDate('01-03-2026')).toEqual({ year: 2026, month: 3, day: 1 });
  });

  it('accepts an ISO day', () => {
    expect(parseFrenchDate('2026-12-04')).toEqual({ year: 2026, month: 12, day: 4 });
  });

  it('refuses what is not a real day', () => {
    expect(parseFrenchDate('31/02/2026')).toBeNull();
    expect(parseFrenchDate('29/02/2026')).toBeNull();
    expect(parseFrenchDate('13/13/2026')).toBeNull();
    expect(parseFrenchDate('00/12/2026')).toBeNull();
    expect(parseFrenchDate('12/2026')).toBeNull();
    expect(parseFrenchDate('04/12/26')).toBeNull();
    expect(parseFrenchDate('demain')).toBeNull();
    expect(parseFrenchDate('')).toBeNull();
  });

  it('knows leap years', () => {
    expect(parseFrenchDate('29/02/2028')).toEqual({ year: 2028, month: 2, day: 29 });
  });
});
