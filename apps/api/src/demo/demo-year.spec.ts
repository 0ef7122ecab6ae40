import { DEFAULT_OFFICE_HOURS, THREAD_CATEGORIES } from '@passerelle/shared/dto';
import { WorkingCalendar } from '../common/calendar/working-calendar';
import { OfficeClock } from '../indicators/office-clock';
import { DEMO_ACCOUNTS } from './demo-accounts';
import { DEMO_YEAR_COMMUNES, type DemoYearThread, demoYear } from './demo-year';

const DAY = 86_400_000;

// A Monday afternoon in December; a Sunday morning in August, when the communes ask least; New Year's Day.
describe.each(['2026-12-07T14:00:00Z', '2026-08-16T08:00:00Z', '2027-01-01T10:00:00Z'])(`${demoYear.name} on %s`, (day) => {
  const calendar = new WorkingCalendar('95');
  const clock = new OfficeClock(calendar, DEFAULT_OFFICE_HOURS);
  const now = new Date(day);
  let sut: DemoYearThread[];
  const workingDays = (from: Date, to: Date) => clock.workingMs(from.getTime(), to.getTime()) / clock.dayMs;

  beforeAll(() => {
    sut = demoYear({ now, calendar, officeHours: DEFAULT_OFFICE_HOURS, targetDays: 5 });
  });

  it('is the same every time for the same day (seeded, no Math.random)', () => {
    expect(demoYear({ now, calendar, officeHours: DEFAULT_OFFICE_HOURS, targetDays: 5 })).toEqual(sut);
  });

  it('asks 600 to 1,000 questions over the year before now, in every category, from every demo commune', () => {
    expect(sut.length).toBeGreaterThanOrEqual(600);
    expect(sut.length).toBeLessThanOrEqual(1000);
    expect(Math.min(...sut.map((t) => t.createdAt.getTime()))).toBeGreaterThanOrEqual(now.getTime() - 366 * DAY);
    expect(new Set(sut.map((t) => t.category))).toEqual(new Set(THREAD_CATEGORIES));
    expect(new Set(sut.map((t) => t.communeInsee))).toEqual(new Set(DEMO_YEAR_COMMUNES.map((c) => c.insee)));
    // A member of the commune asks, where the commune has demo accounts.
    for (const thread of sut.filter((t) => t.communeInsee === '95002')) {
      expect(DEMO_ACCOUNTS.find((a) => a.email === thread.createdByEmail)?.communeInsee).toBe('95002');
    }
  });

  it('keeps every thread consistent with the workflow: states, events, clock, first answer, nothing after now', () => {
    for (const t of sut) {
      const times = [...t.messages.map((m) => m.at), ...t.events.map((e) => e.at), ...(t.satisfaction ? [t.satisfaction.at] : [])].map((d) => d.getTime());
      expect(Math.max(...times)).toBeLessThan(now.getTime());
      expect(t.messages[0]).toMatchObject({ side: 'COMMUNE', at: t.createdAt, internal: false });
      expect(t.state === 'CLOSED').toBe(t.closedAt !== null);
      expect(t.state === 'WAITING_COMMUNE').toBe(t.clock.waitingSince !== null);
      expect(['NEW', 'OPEN'].includes(t.state)).toBe(t.clock.dueAt !== null);
      const firstAnswer = t.messages.find((m) => m.side === 'DEPARTEMENT' && !m.internal);
      expect(t.firstResponseAt).toEqual(firstAnswer?.at ?? null);
      // Each change of state starts where the previous one ended; the last one is the state.
      let state = 'NEW';
      for (const event of t.events) {
        expect(event.from).toBe(state);
        state = event.to;
      }
      expect(state).toBe(t.state);
      expect(t.satisfaction === null || t.state === 'CLOSED').toBe(true);
      expect(t.clock.waitingTotalMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('answers most questions within 1 to 3 working days, in office hours, with a tail of late ones', () => {
    const answered = sut.filter((t) => t.firstResponseAt !== null);
    const delays = answered.map((t) => workingDays(t.createdAt, t.firstResponseAt as Date)).sort((a, b) => a - b);
    const median = delays[Math.floor(delays.length / 2)];
    expect(median).toBeGreaterThan(1);
    expect(median).toBeLessThan(3);
    expect(delays.filter((d) => d <= 3).length / delays.length).toBeGreaterThan(0.6);
    const late = delays.filter((d) => d > 5).length / delays.length;
    expect(late).toBeGreaterThan(0.05);
    expect(late).toBeLessThan(0.25);
    // An answer is given in office hours: a minute later there is office time left in the same span.
    for (const t of answered) {
      const at = (t.firstResponseAt as Date).getTime();
      expect(clock.officeMs(at - 60_000, at)).toBe(60_000);
    }
    const agents = new Set(answered.map((t) => t.messages.find((m) => m.side === 'DEPARTEMENT' && !m.internal)?.authorEmail));
    expect(agents).toEqual(new Set(DEMO_ACCOUNTS.filter((a) => a.communeInsee === null).map((a) => a.email)));
  });

  it('pauses some, closes most, reopens a few; satisfaction on about half of the closed, effort on a third', () => {
    const closed = sut.filter((t) => t.state === 'CLOSED');
    const old = sut.filter((t) => t.createdAt.getTime() < now.getTime() - 60 * DAY);
    expect(old.filter((t) => t.state === 'CLOSED').length / old.length).toBeGreaterThan(0.8);
    const waited = sut.filter((t) => t.events.some((e) => e.to === 'WAITING_COMMUNE')).length / sut.length;
    expect(waited).toBeGreaterThan(0.05);
    expect(waited).toBeLessThan(0.25);
    const reopened = sut.filter((t) => t.events.some((e) => e.from === 'CLOSED'));
    expect(reopened.length).toBeGreaterThanOrEqual(5);
    expect(reopened.length / sut.length).toBeLessThan(0.1);
    expect(reopened.filter((t) => t.state === 'CLOSED').length).toBeGreaterThan(0);
    const satisfaction = closed.filter((t) => t.satisfaction !== null).length / closed.length;
    expect(satisfaction).toBeGreaterThan(0.4);
    expect(satisfaction).toBeLessThan(0.6);
    const effort = closed.filter((t) => t.satisfaction?.effort != null).length / closed.length;
    expect(effort).toBeGreaterThan(0.25);
    expect(effort).toBeLessThan(0.42);
  });

  it('leaves the newest and a few forgotten questions unanswered: a backlog with late ones', () => {
    const backlog = sut.filter((t) => t.firstResponseAt === null && t.state !== 'CLOSED');
    expect(backlog.length).toBeGreaterThanOrEqual(3);
    expect(backlog.length).toBeLessThan(40);
    expect(backlog.filter((t) => workingDays(t.createdAt, now) > 5).length).toBeGreaterThan(0);
    // Enough answers in the last 30 days for the dashboard's p50 and p90 (10 at least).
    expect(sut.filter((t) => t.firstResponseAt && t.firstResponseAt.getTime() >= now.getTime() - 30 * DAY).length).toBeGreaterThanOrEqual(20);
  });
});
