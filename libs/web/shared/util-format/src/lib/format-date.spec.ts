import { formatCalendarDay, formatDate, formatDateTime, formatDeadlineDay, formatTime } from './format-date';

describe('formatDateTime', () => {
  it('reads a winter instant in Paris time (UTC+1)', () => {
    expect(formatDateTime('2025-01-15T09:30:00Z')).toBe('15/01/2025 à 10:30');
  });

  it('follows summer time (UTC+2)', () => {
    expect(formatDateTime('2025-07-14T10:00:00Z')).toBe('14/07/2025 à 12:00');
  });

  it('writes midnight as 00:00, never 24:00', () => {
    expect(formatDateTime('2026-12-04T23:00:00Z')).toBe('05/12/2026 à 00:00');
    expect(formatTime('2026-12-04T23:05:00Z')).toBe('00:05');
  });
});

describe('formatDate', () => {
  it('gives the Paris calendar day, not the UTC one', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Paris.
    expect(formatDate(new Date('2024-12-31T23:30:00Z'))).toBe('01/01/2025');
  });
});

describe('formatCalendarDay', () => {
  it('keeps the calendar day whatever the zone', () => {
    expect(formatCalendarDay('2026-03-01')).toBe('01/03/2026');
    expect(formatCalendarDay('2026-12-31')).toBe('31/12/2026');
  });
});

describe('formatDeadlineDay', () => {
  it('gives the Paris day of a Paris-evening deadline, which is the same UTC day', () => {
    // 22:30 UTC is 23:30 in Paris on 4 December: still the 4th.
    expect(formatDeadlineDay('2026-12-04T22:30:00Z')).toBe('04/12/2026');
  });

  it('gives the Paris day when the UTC date is the day before', () => {
    // 23:30 UTC on 4 December is 00:30 on the 5th in Paris.
    expect(formatDeadlineDay('2026-12-04T23:30:00Z')).toBe('05/12/2026');
    // Summer: 22:30 UTC on 9 July is 00:30 on the 10th in Paris.
    expect(formatDeadlineDay('2026-07-09T22:30:00Z')).toBe('10/07/2026');
  });

  it('reads a deadline at Paris midnight as the end of the day before', () => {
    // 5 working days from a Saturday end at the end of the next Friday (4 December), i.e. 5 December 00:00 in Paris.
    expect(formatDeadlineDay('2026-12-04T23:00:00Z')).toBe('04/12/2026');
    expect(formatDeadlineDay('2026-07-09T22:00:00Z')).toBe('09/07/2026');
  });

  it('keeps the day of a deadline during office hours', () => {
    expect(formatDeadlineDay('2026-12-07T09:00:00Z')).toBe('07/12/2026');
  });
});
