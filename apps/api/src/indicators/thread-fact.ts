import type { ThreadCategory, ThreadState } from '@passerelle/shared/dto';
import type { OfficeClock, TimeSpan } from './office-clock';

/** What a question's fact is computed from: the thread, its changes of state in order, and its first public answer. */
export interface ThreadHistory {
  threadId: string;
  departementCode: string;
  communeInsee: string;
  category: ThreadCategory;
  state: ThreadState;
  createdAt: Date;
  /** The first message of the département that the commune could read; `null` while there is none. */
  firstAnswer: { at: Date; authorId: string | null } | null;
  /** Every change of state, oldest first. */
  changes: { at: Date; from: ThreadState | null; to: ThreadState | null }[];
  satisfactionScore: number | null;
  effortScore: number | null;
}

/** One row of `thread_fact`. */
export interface ThreadFact {
  threadId: string;
  departementCode: string;
  communeInsee: string;
  category: ThreadCategory;
  createdAt: Date;
  firstResponseAt: Date | null;
  firstResponderId: string | null;
  firstResponseElapsedMs: number | null;
  firstResponseWorkingMs: number | null;
  withinTarget: boolean | null;
  state: ThreadState;
  /** The last closing while the question is closed; `null` when it is open (again). */
  closedAt: Date | null;
  closedAts: Date[];
  reopenedAts: Date[];
  resolutionWorkingMs: number | null;
  waitingSpans: TimeSpan[];
  satisfactionScore: number | null;
  effortScore: number | null;
}

/**
 * A question's fact, as the indicators define it:
 * - the first response is the first message of the département the commune could read; its delay counts the office
 *   time from the question to it, minus the office time spent waiting for the commune (`WAITING_COMMUNE`);
 * - it is within the target when that delay is at most the target's working days of office time;
 * - the resolution counts the same way up to the last closing, for a question closed now;
 * - each closing and each reopening (a change out of `CLOSED`) is kept with its date, for the weekly volumes.
 * A pause still running ends `now`.
 */
export function threadFact(history: ThreadHistory, clock: OfficeClock, targetDays: number, now: Date): ThreadFact {
  const waitingSpans = pausesOf(history.changes, now);
  const created = history.createdAt.getTime();
  const answer = history.firstAnswer;
  const firstResponseWorkingMs = answer ? clock.workingMs(created, answer.at.getTime(), waitingSpans) : null;
  const closedAts = history.changes.filter((c) => c.to === 'CLOSED').map((c) => c.at);
  const reopenedAts = history.changes.filter((c) => c.from === 'CLOSED' && c.to !== 'CLOSED').map((c) => c.at);
  const closedAt = history.state === 'CLOSED' && closedAts.length > 0 ? closedAts[closedAts.length - 1] : null;
  return {
    threadId: history.threadId,
    departementCode: history.departementCode,
    communeInsee: history.communeInsee,
    category: history.category,
    createdAt: history.createdAt,
    firstResponseAt: answer?.at ?? null,
    firstResponderId: answer?.authorId ?? null,
    firstResponseElapsedMs: answer ? Math.max(0, answer.at.getTime() - created) : null,
    firstResponseWorkingMs,
    withinTarget: firstResponseWorkingMs === null ? null : firstResponseWorkingMs <= targetDays * clock.dayMs,
    state: history.state,
    closedAt,
    closedAts,
    reopenedAts,
    resolutionWorkingMs: closedAt ? clock.workingMs(created, closedAt.getTime(), waitingSpans) : null,
    waitingSpans,
    satisfactionScore: history.satisfactionScore,
    effortScore: history.effortScore,
  };
}

/** The spans the question waited for the commune: from each change into `WAITING_COMMUNE` to the next change out. */
export function pausesOf(changes: ThreadHistory['changes'], now: Date): TimeSpan[] {
  const spans: TimeSpan[] = [];
  let since: number | null = null;
  for (const change of changes) {
    if (change.to === 'WAITING_COMMUNE' && since === null) {
      since = change.at.getTime();
    } else if (change.to !== 'WAITING_COMMUNE' && since !== null) {
      spans.push({ start: since, end: change.at.getTime() });
      since = null;
    }
  }
  if (since !== null) {
    spans.push({ start: since, end: Math.max(since, now.getTime()) });
  }
  return spans;
}

/** The working age of a question still waiting for its first answer, in working days of office time. */
export function backlogAgeDays(fact: Pick<ThreadFact, 'createdAt' | 'waitingSpans'>, clock: OfficeClock, now: Date): number {
  return clock.workingMs(fact.createdAt.getTime(), now.getTime(), fact.waitingSpans) / clock.dayMs;
}
