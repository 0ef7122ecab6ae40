import { DEFAULT_OFFICE_HOURS } from '@passerelle/shared/dto';
import { WorkingCalendar } from '../common/calendar/working-calendar';
import { OfficeClock } from './office-clock';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** An instant written in Paris wall-clock time with its offset, as a reader checks it by hand. */
const at = (iso: string) => Date.parse(iso);

describe('OfficeClock', () => {
  const clock = new OfficeClock(new WorkingCalendar('95'), DEFAULT_OFFICE_HOURS);

  it('counts a working day as its office hours: 9:00–12:30 and 13:30–17:30, 7 h 30', () => {
    expect(clock.dayMs).toBe(7.5 * HOUR);
    expect(clock.officeMs(at('2026-03-02T00:00:00+01:00'), at('2026-03-03T00:00:00+01:00'))).toBe(7.5 * HOUR);
  });

  it('counts only the office minutes: within a morning, across lunch, after closing', () => {
    // Monday 2 March 2026.
    expect(clock.officeMs(at('2026-03-02T10:00:00+01:00'), at('2026-03-02T11:00:00+01:00'))).toBe(HOUR);
    expect(clock.officeMs(at('2026-03-02T12:00:00+01:00'), at('2026-03-02T14:00:00+01:00'))).toBe(HOUR);
    expect(clock.officeMs(at('2026-03-02T18:00:00+01:00'), at('2026-03-02T22:00:00+01:00'))).toBe(0);
    expect(clock.officeMs(at('2026-03-02T11:00:00+01:00'), at('2026-03-02T10:00:00+01:00'))).toBe(0);
  });

  it('skips the weekend: Friday 17:00 to Monday 10:00 is 1 h 30', () => {
    expect(clock.officeMs(at('2026-03-06T17:00:00+01:00'), at('2026-03-09T10:00:00+01:00'))).toBe(1.5 * HOUR);
    // Asked on a Saturday: the clock starts on Monday at 9:00.
    expect(clock.officeMs(at('2026-03-07T10:00:00+01:00'), at('2026-03-09T10:00:00+01:00'))).toBe(HOUR);
  });

  it('skips public holidays: Friday 1 May 2026 (Fête du travail)', () => {
    // Thursday 30 April 17:00 → Monday 4 May 9:30: 30 min on Thursday, none on Friday (holiday), 30 min on Monday.
    expect(clock.officeMs(at('2026-04-30T17:00:00+02:00'), at('2026-05-04T09:30:00+02:00'))).toBe(HOUR);
  });

  it('keeps the wall clock across daylight saving time (Sunday 29 March 2026)', () => {
    // Friday 27 March 17:00 (UTC+1) → Monday 30 March 9:30 (UTC+2): 30 min + 30 min.
    expect(clock.officeMs(at('2026-03-27T17:00:00+01:00'), at('2026-03-30T09:30:00+02:00'))).toBe(HOUR);
    expect(clock.officeMs(at('2026-03-30T00:00:00+02:00'), at('2026-03-31T00:00:00+02:00'))).toBe(7.5 * HOUR);
  });

  it('subtracts the office time spent waiting for the commune, overlapping pauses once', () => {
    const monday9 = at('2026-03-02T09:00:00+01:00');
    const tuesday9 = at('2026-03-03T09:00:00+01:00');
    // Waiting from 10:00 to 14:00: 2 h 30 of the morning and 30 min of the afternoon are not counted.
    const pause = { start: at('2026-03-02T10:00:00+01:00'), end: at('2026-03-02T14:00:00+01:00') };
    expect(clock.workingMs(monday9, tuesday9, [pause])).toBe(4.5 * HOUR);
    expect(clock.workingMs(monday9, tuesday9, [pause, { start: at('2026-03-02T11:00:00+01:00'), end: at('2026-03-02T12:00:00+01:00') }])).toBe(
      4.5 * HOUR,
    );
    // A pause reaching outside the span only counts inside it: 11:00–17:30 is 5 h 30 of office, minus 11:00–11:30.
    expect(clock.workingMs(at('2026-03-02T11:00:00+01:00'), tuesday9, [{ start: monday9, end: at('2026-03-02T11:30:00+01:00') }])).toBe(
      5 * HOUR,
    );
  });

  it('follows the département’s own hours', () => {
    const mornings = new OfficeClock(new WorkingCalendar('95'), [{ start: '08:30', end: '12:00' }]);
    expect(mornings.dayMs).toBe(3.5 * HOUR);
    expect(mornings.officeMs(at('2026-03-02T11:00:00+01:00'), at('2026-03-03T09:00:00+01:00'))).toBe(HOUR + 30 * MINUTE);
  });
});
