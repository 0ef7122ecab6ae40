import { type EffortScore, type OfficeSpan, type SatisfactionScore, THREAD_LIMITS, type ThreadCategory, type ThreadState } from '@passerelle/shared/dto';
import { nextDay, parisDay, parisInstant, parisMidnight, type WorkingCalendar } from '../common/calendar/working-calendar';
import { type Clock as ThreadClock, clockAfter, firstResponseMs, type Side, stateAfterMessage } from '../threads/thread-workflow';
import { DEMO_ACCOUNTS } from './demo-accounts';
import {
  DEMO_AFTER_DOCUMENTS,
  DEMO_DOCUMENTS_SENT,
  DEMO_FOLLOW_UP_ANSWERS,
  DEMO_FOLLOW_UPS,
  DEMO_NOTES,
  DEMO_QUESTION_TEXTS,
  DEMO_REOPENING_ANSWERS,
  DEMO_REOPENINGS,
  DEMO_SATISFACTION_COMMENTS,
  DEMO_THANKS,
  DEMO_WAITING_REQUESTS,
  type DemoQuestionText,
} from './demo-year-texts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The communes that ask, small ones in six cantons of the Val-d'Oise: the three with demo accounts ask
 * most, the communes of the published demo projects next, a few others now and then. Domont's two communes ask
 * too little to be shown apart on 30 days (« autres cantons »).
 */
export const DEMO_YEAR_COMMUNES: readonly { insee: string; weight: number }[] = [
  // Pontoise
  { insee: '95002', weight: 3 },
  { insee: '95625', weight: 3 },
  { insee: '95102', weight: 1.5 },
  { insee: '95584', weight: 1.5 },
  { insee: '95627', weight: 1.5 },
  // Vauréal
  { insee: '95651', weight: 3 },
  { insee: '95150', weight: 1.5 },
  { insee: '95270', weight: 1.5 },
  { insee: '95462', weight: 1.5 },
  { insee: '95610', weight: 1.5 },
  // Saint-Ouen-l'Aumône
  { insee: '95258', weight: 1.5 },
  { insee: '95304', weight: 1.5 },
  { insee: '95328', weight: 1.5 },
  { insee: '95446', weight: 1.5 },
  // Fosses
  { insee: '95055', weight: 1 },
  { insee: '95331', weight: 1 },
  { insee: '95365', weight: 1 },
  { insee: '95594', weight: 1 },
  // L'Isle-Adam
  { insee: '95445', weight: 1 },
  { insee: '95452', weight: 1 },
  { insee: '95678', weight: 1 },
  // Domont
  { insee: '95061', weight: 1 },
  { insee: '95151', weight: 1 },
];

const COMMUNE_WEIGHTS = DEMO_YEAR_COMMUNES.map((c) => [c.insee, c.weight] as const);

const CATEGORY_WEIGHTS: readonly [ThreadCategory, number][] = [
  ['FUNDING', 0.32],
  ['REGULATION', 0.22],
  ['NEXT_STEPS', 0.2],
  ['CONTACTS', 0.14],
  ['OTHER', 0.12],
];

const VOIRIE = 'agent.voirie@valdoise.example';
const FINANCEMENTS = 'agent.financements@valdoise.example';
const ADMIN = 'admin@valdoise.example';

/** Who answers each category (the routing rules send funding to the funding agent; the admin helps out). */
const AGENTS: Record<ThreadCategory, readonly [string, number][]> = {
  FUNDING: [
    [FINANCEMENTS, 0.8],
    [ADMIN, 0.12],
    [VOIRIE, 0.08],
  ],
  REGULATION: [
    [VOIRIE, 0.75],
    [FINANCEMENTS, 0.1],
    [ADMIN, 0.15],
  ],
  NEXT_STEPS: [
    [VOIRIE, 0.5],
    [FINANCEMENTS, 0.35],
    [ADMIN, 0.15],
  ],
  CONTACTS: [
    [VOIRIE, 0.6],
    [FINANCEMENTS, 0.25],
    [ADMIN, 0.15],
  ],
  OTHER: [
    [VOIRIE, 0.5],
    [FINANCEMENTS, 0.3],
    [ADMIN, 0.2],
  ],
};

/** Funding and regulation take longer to answer; contacts are quick. */
const CATEGORY_PACE: Record<ThreadCategory, number> = { FUNDING: 1.2, REGULATION: 1.1, NEXT_STEPS: 1, CONTACTS: 0.7, OTHER: 0.8 };

/** Questions asked per month (January first): budgets and grant calendars in winter, quiet in August. */
const SEASON = [1.3, 1.3, 1.2, 1, 0.9, 1, 0.8, 0.45, 1.1, 1.1, 1.1, 0.8];
/** Questions asked on an ordinary working day, before the season. */
const PER_WORKING_DAY = 3;

export interface DemoYearMessage {
  authorEmail: string | null;
  side: Side;
  body: string;
  internal: boolean;
  at: Date;
}

export interface DemoYearEvent {
  at: Date;
  actorEmail: string | null;
  from: ThreadState;
  to: ThreadState;
}

/** A question of the year with its whole history, as the threads' service would have left it at `now`. */
export interface DemoYearThread {
  communeInsee: string;
  subject: string;
  category: ThreadCategory;
  labels: string[];
  state: ThreadState;
  assigneeEmail: string | null;
  createdByEmail: string | null;
  createdAt: Date;
  lastActivityAt: Date;
  lastPublicActivityAt: Date;
  clock: ThreadClock;
  firstResponseAt: Date | null;
  firstResponseMs: number | null;
  closedAt: Date | null;
  closedByEmail: string | null;
  satisfaction: { score: SatisfactionScore; comment: string | null; byEmail: string | null; at: Date; effort: EffortScore | null } | null;
  version: number;
  messages: DemoYearMessage[];
  events: DemoYearEvent[];
}

export interface DemoYearOptions {
  /** The seeding's clock: the year ends here, nothing happens after it. */
  now: Date;
  calendar: WorkingCalendar;
  officeHours: readonly OfficeSpan[];
  /** The département's first-response target, in working days. */
  targetDays: number;
  seed?: number;
}

/**
 * About a year of questions of the demo communes, before `now`: most answered within one to three working days, in
 * office hours, a tail of late ones, some paused while the agent waits for the commune's documents, most closed,
 * a few reopened, satisfaction on about half of the closed ones and effort on a third, the newest still waiting.
 * Deterministic: the same options give the same questions (a seeded generator, no `Math.random`). The states and
 * the first-response clock follow the threads' own workflow (`stateAfterMessage`, `clockAfter`).
 */
export function demoYear(options: DemoYearOptions): DemoYearThread[] {
  const random = seededRandom(options.seed ?? 95_2026);
  const office = new OfficeTime(options.calendar, options.officeHours);
  const until = options.now.getTime();
  return askedTimes(random, options.calendar, until).map((createdAt) => story(random, office, options, createdAt));
}

/** When the questions are asked: every day of the year before `until`, more on working days and in winter. */
function askedTimes(random: Random, calendar: WorkingCalendar, until: number): number[] {
  const times: number[] = [];
  for (let day = parisDay(until - 365 * DAY); day <= parisDay(until); day = nextDay(day)) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const working = calendar.isWorkingDay(day);
    const rate = PER_WORKING_DAY * SEASON[Number(day.slice(5, 7)) - 1] * (working ? 1 : weekday === 6 ? 0.25 : 0.1);
    const asked: number[] = [];
    for (let i = poisson(random, rate); i > 0; i--) {
      // Secretaries write in office hours, mayors often in the evening; at weekends, in the day.
      const minutes = working ? (random() < 0.8 ? between(random, 8.5 * 60, 18.5 * 60) : between(random, 18.5 * 60, 22.5 * 60)) : between(random, 9 * 60, 20 * 60);
      asked.push(Math.round(parisInstant(day, minutes) / MINUTE) * MINUTE);
    }
    times.push(...asked.filter((t) => t < until - 5 * MINUTE).sort((a, b) => a - b));
  }
  return times;
}

/** One question from its asking to `now`: each step happens only if its time has come. */
function story(random: Random, office: OfficeTime, options: DemoYearOptions, createdAt: number): DemoYearThread {
  const until = options.now.getTime();
  const commune = weighted(random, COMMUNE_WEIGHTS);
  const members = DEMO_ACCOUNTS.filter((a) => a.communeInsee === commune).map((a) => a.email);
  const asker = members.length > 0 ? pick(random, members) : null;
  const category = weighted(random, CATEGORY_WEIGHTS);
  const text: DemoQuestionText = pick(random, DEMO_QUESTION_TEXTS[category]);
  const agent = weighted(random, AGENTS[category]);
  const labels = [...(text.labels ?? []), ...(random() < 0.04 ? ['Urgent'] : [])];
  const thread = new ThreadStory(options, commune, text, category, labels, asker, new Date(createdAt));

  // The first answer, in office time: most within three working days, one in ten late; slower in August.
  const august = parisDay(createdAt).slice(5, 7) === '08';
  const u = random();
  const days = (u < 0.2 ? between(random, 0.03, 0.5) : u < 0.74 ? between(random, 0.5, 3) : u < 0.9 ? between(random, 3, 5) : between(random, 5.2, 14)) * CATEGORY_PACE[category] * (august ? 1.5 : 1);
  // A few recent questions are forgotten in the inbox: the backlog's late ones, which a median over answers hides.
  const forgotten = random() < 0.12 && createdAt > until - 40 * DAY && isBetween(options.calendar.workingDaysBetween(new Date(createdAt), options.now), 6, 25);
  const answerAt = forgotten ? until : office.after(createdAt, days * office.dayMs);
  if (random() < 0.12 && days > 0.2 && answerAt < until) {
    thread.message(office.after(createdAt, days * 0.4 * office.dayMs), 'DEPARTEMENT', agent, pick(random, DEMO_NOTES), true);
  }
  if (answerAt >= until) {
    // Funding questions go to the funding agent by the routing rule; the others wait to be picked up, or not.
    return thread.assignUnanswered(category === 'FUNDING' ? FINANCEMENTS : random() < 0.5 ? agent : null);
  }
  thread.assignee = agent;
  const ending = random();
  if (ending < 0.14) {
    // The agent asks for documents: the clock stops until the commune sends them (or the agent gives up and closes).
    thread.message(answerAt, 'DEPARTEMENT', agent, pick(random, DEMO_WAITING_REQUESTS), false, 'WAITING_COMMUNE');
    if (random() < 0.15) {
      const closing = office.after(answerAt + between(random, 15, 30) * DAY, between(random, 0, 0.5) * office.dayMs);
      return thread.stateAt(closing, 'CLOSED', agent) ? rate(random, thread, asker, until, days) : thread.done();
    }
    const sent = communeTime(random, options.calendar, answerAt, 12, 20 * 24);
    if (!thread.message(sent, 'COMMUNE', asker, pick(random, DEMO_DOCUMENTS_SENT))) {
      return thread.done();
    }
    const resumed = office.after(sent, between(random, 0.1, 2.5) * CATEGORY_PACE[category] * office.dayMs);
    if (!thread.message(resumed, 'DEPARTEMENT', agent, pick(random, DEMO_AFTER_DOCUMENTS))) {
      return thread.done();
    }
  } else if (ending < 0.26) {
    // A simple question: answered and closed at once.
    thread.message(answerAt, 'DEPARTEMENT', agent, text.answer, false, 'CLOSED');
    return thread.state === 'CLOSED' ? rate(random, thread, asker, until, days) : thread.done();
  } else {
    thread.message(answerAt, 'DEPARTEMENT', agent, text.answer);
  }
  if (random() < 0.22) {
    const asked = communeTime(random, options.calendar, thread.lastAt, 4, 6 * 24);
    if (!thread.message(asked, 'COMMUNE', asker, pick(random, DEMO_FOLLOW_UPS))) {
      return thread.done();
    }
    if (!thread.message(office.after(asked, between(random, 0.05, 2) * office.dayMs), 'DEPARTEMENT', agent, pick(random, DEMO_FOLLOW_UP_ANSWERS))) {
      return thread.done();
    }
  }
  if (random() < 0.07) {
    // Left answered: the commune never said more.
    return thread.done();
  }
  if (!close(random, thread, office, options.calendar, agent, asker)) {
    return thread.done();
  }
  if (random() < 0.05) {
    // Reopened within the allowed days, answered again, closed again.
    const reopened = communeTime(random, options.calendar, thread.lastAt, 24, (THREAD_LIMITS.reopenDays - 10) * 24);
    if (!thread.stateAt(reopened, 'OPEN', asker) || !thread.message(reopened + 2 * MINUTE, 'COMMUNE', asker, pick(random, DEMO_REOPENINGS))) {
      return thread.done();
    }
    if (!thread.message(office.after(reopened, between(random, 0.1, 2) * office.dayMs), 'DEPARTEMENT', agent, pick(random, DEMO_REOPENING_ANSWERS))) {
      return thread.done();
    }
    if (!close(random, thread, office, options.calendar, agent, asker)) {
      return thread.done();
    }
  }
  return rate(random, thread, asker, until, days);
}

/** The commune closes after reading the answer (sometimes with a thank-you), or the agent closes it days later. */
function close(random: Random, thread: ThreadStory, office: OfficeTime, calendar: WorkingCalendar, agent: string, asker: string | null): boolean {
  if (random() < 0.6) {
    const at = communeTime(random, calendar, thread.lastAt, 2, 10 * 24);
    if (random() < 0.4 && !thread.message(at, 'COMMUNE', asker, pick(random, DEMO_THANKS))) {
      return false;
    }
    return thread.stateAt(at + MINUTE, 'CLOSED', asker);
  }
  return thread.stateAt(office.after(thread.lastAt + between(random, 3, 15) * DAY, between(random, 0, 0.3) * office.dayMs), 'CLOSED', agent);
}

/**
 * Half of the closed questions get a satisfaction score, two thirds of those an effort score too (a third of the
 * closed ones): better when the first answer came fast.
 */
function rate(random: Random, thread: ThreadStory, asker: string | null, until: number, firstAnswerDays: number): DemoYearThread {
  const at = thread.lastAt + between(random, 0.1, 72) * HOUR;
  if (thread.state !== 'CLOSED' || random() >= 0.5 || at >= until) {
    return thread.done();
  }
  const band = firstAnswerDays <= 2 ? 'good' : firstAnswerDays <= 5 ? 'fair' : 'poor';
  const odds: Record<typeof band, readonly [SatisfactionScore, number][]> = {
    good: [
      [5, 0.55],
      [4, 0.3],
      [3, 0.1],
      [2, 0.04],
      [1, 0.01],
    ],
    fair: [
      [5, 0.3],
      [4, 0.4],
      [3, 0.2],
      [2, 0.08],
      [1, 0.02],
    ],
    poor: [
      [5, 0.1],
      [4, 0.25],
      [3, 0.3],
      [2, 0.2],
      [1, 0.15],
    ],
  };
  const score = weighted(random, odds[band]);
  const effort = random() < 0.66 ? (Math.min(7, Math.max(1, Math.round(score * 1.4 + between(random, -1.2, 0.8)))) as EffortScore) : null;
  const mood = score >= 4 ? 'good' : score === 3 ? 'fair' : 'poor';
  const comment = random() < 0.25 ? pick(random, DEMO_SATISFACTION_COMMENTS[mood]) : null;
  thread.satisfaction = { score, comment, byEmail: asker, at: new Date(at), effort };
  return thread.done();
}

/**
 * A question's history as the threads' service writes it, from the question asked: messages, changes of state with their events, the
 * first-response clock and the counters. A step whose time has not come yet (at or after `now`) is not taken.
 */
class ThreadStory {
  state: ThreadState = 'NEW';
  assignee: string | null = null;
  satisfaction: DemoYearThread['satisfaction'] = null;
  /** The time of the last step taken. */
  lastAt: number;
  private clock: ThreadClock;
  private firstResponseAt: Date | null = null;
  private firstResponseMs: number | null = null;
  private closedAt: Date | null = null;
  private closedBy: string | null = null;
  private lastPublicAt: number;
  private version = 1;
  private readonly messages: DemoYearMessage[] = [];
  private readonly events: DemoYearEvent[] = [];

  constructor(
    private readonly options: DemoYearOptions,
    private readonly communeInsee: string,
    private readonly text: DemoQuestionText,
    private readonly category: ThreadCategory,
    private readonly labels: string[],
    private readonly createdBy: string | null,
    private readonly createdAt: Date,
  ) {
    this.lastAt = createdAt.getTime();
    this.lastPublicAt = this.lastAt;
    this.clock = { dueAt: options.calendar.addWorkingDays(createdAt, options.targetDays), pausedRemainingDays: null, waitingSince: null, waitingTotalMs: 0 };
    this.messages.push({ authorEmail: createdBy, side: 'COMMUNE', body: text.question, internal: false, at: createdAt });
  }

  /** A message after the question (and the change of state it brings); false when its time has not come. */
  message(at: number, side: Side, authorEmail: string | null, body: string, internal = false, nextState?: 'WAITING_COMMUNE' | 'CLOSED'): boolean {
    const to = stateAfterMessage(this.state, side, internal, nextState);
    if (!this.due(at) || to === null) {
      return false;
    }
    if (side === 'DEPARTEMENT' && !internal && this.firstResponseAt === null) {
      this.firstResponseAt = new Date(at);
      this.firstResponseMs = firstResponseMs(this.createdAt, this.firstResponseAt, this.clock);
    }
    this.messages.push({ authorEmail, side, body, internal, at: new Date(at) });
    this.change(at, to, authorEmail);
    if (!internal) {
      this.lastPublicAt = at;
      this.version++;
    }
    return true;
  }

  /** A change of state asked for (close, reopen); false when its time has not come. */
  stateAt(at: number, to: ThreadState, actorEmail: string | null): boolean {
    if (!this.due(at)) {
      return false;
    }
    this.change(at, to, actorEmail);
    this.lastPublicAt = at;
    this.version++;
    return true;
  }

  /** Still waiting for its first answer: assigned by the routing rules or not yet. */
  assignUnanswered(assignee: string | null): DemoYearThread {
    this.assignee = assignee;
    return this.done();
  }

  done(): DemoYearThread {
    return {
      communeInsee: this.communeInsee,
      subject: this.text.subject,
      category: this.category,
      labels: this.labels,
      state: this.state,
      assigneeEmail: this.assignee,
      createdByEmail: this.createdBy,
      createdAt: this.createdAt,
      lastActivityAt: new Date(this.lastAt),
      lastPublicActivityAt: new Date(this.lastPublicAt),
      clock: this.clock,
      firstResponseAt: this.firstResponseAt,
      firstResponseMs: this.firstResponseMs,
      closedAt: this.state === 'CLOSED' ? this.closedAt : null,
      closedByEmail: this.state === 'CLOSED' ? this.closedBy : null,
      satisfaction: this.satisfaction,
      version: this.version,
      messages: this.messages,
      events: this.events,
    };
  }

  private due(at: number): boolean {
    return at > this.lastAt && at < this.options.now.getTime();
  }

  private change(at: number, to: ThreadState, actorEmail: string | null): void {
    this.lastAt = at;
    if (to === this.state) {
      return;
    }
    this.clock = clockAfter(this.clock, this.state, to, new Date(at), this.options.calendar, this.options.targetDays);
    this.events.push({ at: new Date(at), actorEmail, from: this.state, to });
    if (to === 'CLOSED') {
      this.closedAt = new Date(at);
      this.closedBy = actorEmail;
    }
    this.state = to;
  }
}

/** The département's office hours on its working days, walked forward. */
class OfficeTime {
  private readonly spans: { start: number; end: number }[];
  private readonly byDay = new Map<string, { start: number; end: number }[]>();
  readonly dayMs: number;

  constructor(
    private readonly calendar: WorkingCalendar,
    hours: readonly OfficeSpan[],
  ) {
    const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
    this.spans = hours.map((h) => ({ start: minutes(h.start), end: minutes(h.end) })).sort((a, b) => a.start - b.start);
    this.dayMs = this.spans.reduce((total, s) => total + (s.end - s.start) * MINUTE, 0);
  }

  /** The office spans of a day as instants (the time-zone arithmetic is the slow part: done once per day). */
  private instants(day: string): { start: number; end: number }[] {
    let spans = this.byDay.get(day);
    if (!spans) {
      spans = this.spans.map((span) => ({ start: parisInstant(day, span.start), end: parisInstant(day, span.end) }));
      this.byDay.set(day, spans);
    }
    return spans;
  }

  /** The instant when `ms` of office time have passed after `from` (at least a few minutes, always in office hours). */
  after(from: number, ms: number): number {
    let left = Math.max(5 * MINUTE, Math.round(ms / MINUTE) * MINUTE);
    for (let day = parisDay(from); ; day = nextDay(day)) {
      if (!this.calendar.isWorkingDay(day)) {
        continue;
      }
      for (const span of this.instants(day)) {
        const start = Math.max(from, span.start);
        const end = span.end;
        if (end > start) {
          if (left <= end - start) {
            return start + left;
          }
          left -= end - start;
        }
      }
    }
  }
}

/**
 * When the commune does something, between `minHours` and `maxHours` after `from`: not at night, and mostly not at
 * the weekend (moved to the next working day).
 */
function communeTime(random: Random, calendar: WorkingCalendar, from: number, minHours: number, maxHours: number): number {
  let at = from + between(random, minHours, maxHours) * HOUR;
  let day = parisDay(at);
  const minutes = (at - parisMidnight(day)) / MINUTE;
  if (minutes < 7.5 * 60) {
    at = parisInstant(day, between(random, 8 * 60, 11 * 60));
  } else if (minutes > 22 * 60) {
    day = nextDay(day);
    at = parisInstant(day, between(random, 8 * 60, 11 * 60));
  }
  if (!calendar.isWorkingDay(day) && random() < 0.6) {
    do {
      day = nextDay(day);
    } while (!calendar.isWorkingDay(day));
    at = parisInstant(day, between(random, 8.5 * 60, 18 * 60));
  }
  return Math.round(at / MINUTE) * MINUTE;
}

type Random = () => number;

/** mulberry32: a small, fast generator of numbers in [0, 1), the same for the same seed. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function isBetween(value: number, low: number, high: number): boolean {
  return value >= low && value <= high;
}

function between(random: Random, low: number, high: number): number {
  return low + random() * (high - low);
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let u = random() * total;
  for (const [item, w] of items) {
    u -= w;
    if (u < 0) {
      return item;
    }
  }
  return items[items.length - 1][0];
}

/** Knuth's method, for the few questions of a day. */
function poisson(random: Random, rate: number): number {
  const limit = Math.exp(-rate);
  let count = 0;
  for (let p = random(); p > limit; p *= random()) {
    count++;
  }
  return count;
}
