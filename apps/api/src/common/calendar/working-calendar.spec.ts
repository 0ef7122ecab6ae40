import { WorkingCalendar, parisDay, parisMidnight } from './working-calendar';

/** A Paris wall-clock time as an instant. */
function paris(day: string, time = '00:00'): Date {
  const [h, m] = time.split(':').map(Number);
  return new Date(parisMidnight(day) + (h * 60 + m) * 60_000);
}

describe(WorkingCalendar.name, () => {
  const sut = new WorkingCalendar('95');

  it('knows Paris midnight in winter and in summer', () => {
    expect(new Date(parisMidnight('2026-01-15')).toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(new Date(parisMidnight('2026-07-15')).toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(parisDay(Date.parse('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
  });

  it('skips weekends and French public holidays', () => {
    expect(sut.isWorkingDay('2026-11-20')).toBe(true); // Friday
    expect(sut.isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(sut.isWorkingDay('2026-11-11')).toBe(false); // Armistice, a Wednesday
    expect(sut.isWorkingDay('2026-05-14')).toBe(false); // Ascension
    expect(sut.isWorkingDay('2026-05-25')).toBe(false); // Whit Monday
    expect(sut.isWorkingDay('2026-04-03')).toBe(true); // Good Friday is a working day in Val-d'Oise…
    expect(new WorkingCalendar('57').isWorkingDay('2026-04-03')).toBe(false); // …but not in Moselle
  });

  it('counts five working days over a weekend at the same time of day', () => {
    expect(sut.addWorkingDays(paris('2026-11-20', '15:00'), 5)).toEqual(paris('2026-11-27', '15:00'));
  });

  it('starts counting on Monday for a question asked on a Saturday', () => {
    expect(sut.addWorkingDays(paris('2026-11-21', '10:00'), 5)).toEqual(paris('2026-11-28'));
    expect(sut.workingDaysBetween(paris('2026-11-21', '10:00'), paris('2026-11-23', '12:00'))).toBeCloseTo(0.5);
  });

  it('adds a day for a public holiday in the period', () => {
    // Monday 9 November 2026 + 5 working days: Wednesday 11 is Armistice day.
    expect(sut.addWorkingDays(paris('2026-11-09', '09:00'), 5)).toEqual(paris('2026-11-17', '09:00'));
  });

  it('keeps the time of day across the change to summer time', () => {
    // Friday 27 March 2026; clocks go forward on Sunday 29 March.
    expect(sut.addWorkingDays(paris('2026-03-27', '10:00'), 5)).toEqual(paris('2026-04-03', '10:00'));
    expect(sut.workingDaysBetween(paris('2026-03-27', '10:00'), paris('2026-04-03', '10:00'))).toBeCloseTo(5);
  });

  it('measures working days between two instants, negative backwards', () => {
    expect(sut.workingDaysBetween(paris('2026-11-20', '12:00'), paris('2026-11-23', '12:00'))).toBeCloseTo(1);
    expect(sut.workingDaysBetween(paris('2026-11-23', '12:00'), paris('2026-11-20', '12:00'))).toBeCloseTo(-1);
    expect(sut.workingDaysBetween(paris('2026-11-21'), paris('2026-11-22', '23:00'))).toBe(0);
  });

  it('walks over the Christmas and New Year holidays', () => {
    // Thursday 24 December 2026: 25 (holiday), 26–27 (weekend), 1 January (holiday).
    expect(sut.addWorkingDays(paris('2026-12-24', '16:00'), 5)).toEqual(paris('2027-01-04', '16:00'));
  });
});
