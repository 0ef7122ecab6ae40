import { THREAD_LIMITS, type ThreadRequestableState, type ThreadState } from '@passerelle/shared/dto';
import type { WorkingCalendar } from '../common/calendar/working-calendar';
import { type AuthUser, isStaff } from '../common/access/auth-user';

export type Side = 'COMMUNE' | 'DEPARTEMENT';

/** Which side of the conversation a user speaks for. */
export function sideOf(user: Pick<AuthUser, 'role'>): Side {
  return isStaff(user) ? 'DEPARTEMENT' : 'COMMUNE';
}

const DAY_MS = 86_400_000;

/**
 * The states each side may ask for, from each state (`POST /threads/:id/state`). `ANSWERED` and `OPEN` after an
 * answer follow from messages; nobody goes back to `NEW`.
 */
const REQUESTS: Record<Side, Record<ThreadState, readonly ThreadRequestableState[]>> = {
  COMMUNE: {
    NEW: ['CLOSED'],
    ANSWERED: ['CLOSED'],
    OPEN: ['CLOSED'],
    WAITING_COMMUNE: ['CLOSED'],
    CLOSED: ['OPEN'],
  },
  DEPARTEMENT: {
    NEW: ['WAITING_COMMUNE', 'CLOSED'],
    ANSWERED: ['WAITING_COMMUNE', 'CLOSED'],
    OPEN: ['WAITING_COMMUNE', 'CLOSED'],
    WAITING_COMMUNE: ['OPEN', 'CLOSED'],
    CLOSED: ['OPEN'],
  },
};

export type RequestVerdict = 'ALLOWED' | 'ALREADY' | 'FORBIDDEN' | 'REOPEN_EXPIRED';

/** Until when the author may edit a message posted at `createdAt`. */
export function editableUntil(createdAt: Date): Date {
  return new Date(createdAt.getTime() + THREAD_LIMITS.editMinutes * 60_000);
}

export function reopenableUntil(closedAt: Date | null): Date | null {
  return closedAt ? new Date(closedAt.getTime() + THREAD_LIMITS.reopenDays * DAY_MS) : null;
}

/** Whether `side` may move a thread from `current` to `target` now. */
export function judgeRequest(current: ThreadState, target: ThreadRequestableState, side: Side, closedAt: Date | null, now: Date): RequestVerdict {
  if (current === target) {
    return 'ALREADY';
  }
  if (!REQUESTS[side][current].includes(target)) {
    return 'FORBIDDEN';
  }
  const until = reopenableUntil(closedAt);
  if (current === 'CLOSED' && until && now > until) {
    return 'REOPEN_EXPIRED';
  }
  return 'ALLOWED';
}

/** The states `side` may ask for now (what the page offers). */
export function requestableStates(current: ThreadState, side: Side, closedAt: Date | null, now: Date): ThreadRequestableState[] {
  return REQUESTS[side][current].filter((target) => judgeRequest(current, target, side, closedAt, now) === 'ALLOWED');
}

/**
 * The state after a message, or `null` when the thread does not take messages (closed: reopen it first).
 * Internal notes never move the thread. An agent's answer puts the ball in the commune's court (`ANSWERED`, or
 * `WAITING_COMMUNE` / `CLOSED` when asked); a commune's reply puts it back in the département's (`OPEN`), except
 * while the first answer is still awaited (`NEW` stays `NEW`).
 */
export function stateAfterMessage(
  current: ThreadState,
  side: Side,
  internal: boolean,
  nextState?: 'WAITING_COMMUNE' | 'CLOSED',
): ThreadState | null {
  if (internal) {
    return current;
  }
  if (current === 'CLOSED') {
    return null;
  }
  if (side === 'COMMUNE') {
    return current === 'NEW' ? 'NEW' : 'OPEN';
  }
  if (nextState) {
    return nextState;
  }
  return current === 'WAITING_COMMUNE' ? 'WAITING_COMMUNE' : 'ANSWERED';
}

/** The fields of the first-response clock. */
export interface Clock {
  dueAt: Date | null;
  /** Working days that were left when the clock was paused (negative when already late). */
  pausedRemainingDays: number | null;
  waitingSince: Date | null;
  waitingTotalMs: number;
}

/**
 * The clock after a change of state. It runs while the ball is in the département's court (`NEW`, `OPEN`): the
 * target is counted from the question or the commune's reply. It stops while waiting for the commune (what was left
 * is kept and resumes when the commune answers) and is cleared by an answer or by closing.
 */
export function clockAfter(
  before: Clock,
  from: ThreadState,
  to: ThreadState,
  now: Date,
  calendar: WorkingCalendar,
  targetDays: number,
): Clock {
  if (from === to) {
    return before;
  }
  let clock = { ...before };
  if (from === 'WAITING_COMMUNE' && clock.waitingSince) {
    clock.waitingTotalMs += now.getTime() - clock.waitingSince.getTime();
    clock.waitingSince = null;
  }
  switch (to) {
    case 'WAITING_COMMUNE':
      clock = {
        ...clock,
        pausedRemainingDays: clock.dueAt ? calendar.workingDaysBetween(now, clock.dueAt) : null,
        dueAt: null,
        waitingSince: now,
      };
      break;
    case 'OPEN':
    case 'NEW': {
      const days = from === 'WAITING_COMMUNE' && clock.pausedRemainingDays !== null ? clock.pausedRemainingDays : targetDays;
      clock = { ...clock, dueAt: addSigned(calendar, now, days), pausedRemainingDays: null };
      break;
    }
    case 'ANSWERED':
    case 'CLOSED':
      clock = { ...clock, dueAt: null, pausedRemainingDays: null };
      break;
  }
  return clock;
}

/** A thread paused when already late resumes just as late (its due date stays in the past). */
function addSigned(calendar: WorkingCalendar, from: Date, days: number): Date {
  return days >= 0 ? calendar.addWorkingDays(from, days) : new Date(from.getTime() + days * DAY_MS);
}

/** First response time: from the question to the first public answer, time spent waiting for the commune excluded. */
export function firstResponseMs(createdAt: Date, now: Date, clock: Clock): number {
  const waitingNow = clock.waitingSince ? now.getTime() - clock.waitingSince.getTime() : 0;
  return Math.max(0, now.getTime() - createdAt.getTime() - clock.waitingTotalMs - waitingNow);
}
