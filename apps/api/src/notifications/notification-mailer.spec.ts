import { lastDigestTime } from './notification-mailer';

describe(lastDigestTime.name, () => {
  it('is this morning at 8:00 Paris time once it has passed', () => {
    expect(lastDigestTime(new Date('2026-11-20T10:00:00Z')).toISOString()).toBe('2026-11-20T07:00:00.000Z');
    expect(lastDigestTime(new Date('2026-07-20T06:00:00Z')).toISOString()).toBe('2026-07-20T06:00:00.000Z');
  });

  it('is yesterday morning before 8:00', () => {
    expect(lastDigestTime(new Date('2026-11-20T06:59:00Z')).toISOString()).toBe('2026-11-19T07:00:00.000Z');
  });

  it('stays at 8:00 on the days the clocks change', () => {
    expect(lastDigestTime(new Date('2026-03-29T12:00:00Z')).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(lastDigestTime(new Date('2026-10-25T12:00:00Z')).toISOString()).toBe('2026-10-25T07:00:00.000Z');
  });
});
