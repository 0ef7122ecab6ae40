import { formatCalendarDay, formatDate, formatDateTime, formatShortCalendarDay } from './format-date';

describe('formatDateTime', () => {
  it('reads a winter instant in Paris time (UTC+1)', () => {
    expect(formatDateTime('2025-01-15T09:30:00Z')).toBe('15 janvier 2025 à 10:30');
  });

  it('follows summer time (UTC+2)', () => {
    expect(formatDateTime('2025-07-14T10:00:00Z')).toBe('14 juillet 2025 à 12:00');
  });
});

describe('formatDate', () => {
  it('gives the Paris calendar day, not the UTC one', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Paris.
    expect(formatDate(new Date('2024-12-31T23:30:00Z'))).toBe('1 janvier 2025');
  });
});

describe('formatCalendarDay', () => {
  it('keeps the calendar day whatever the zone', () => {
    expect(formatCalendarDay('2026-03-01')).toBe('1 mars 2026');
    expect(formatShortCalendarDay('2026-12-31')).toBe('31/12/2026');
  });
});
