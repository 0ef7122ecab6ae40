import { THREAD_REQUESTABLE_STATES, THREAD_STATES, type ThreadState } from '@passerelle/shared/dto';
import { type Clock, clockAfter, firstResponseMs, judgeRequest, requestableStates, stateAfterMessage } from './thread-workflow';
import { WorkingCalendar, parisMidnight } from '../common/calendar/working-calendar';

function paris(day: string, time = '00:00'): Date {
  const [h, m] = time.split(':').map(Number);
  return new Date(parisMidnight(day) + (h * 60 + m) * 60_000);
}

const calendar = new WorkingCalendar('95');
const idle: Clock = { dueAt: null, pausedRemainingDays: null, waitingSince: null, waitingTotalMs: 0 };

describe('thread workflow', () => {
  const now = paris('2026-11-20', '12:00');

  it('lets each side ask only for its transitions', () => {
    const allowed = (side: 'COMMUNE' | 'DEPARTEMENT') =>
      THREAD_STATES.flatMap((from) =>
        THREAD_REQUESTABLE_STATES.filter((to) => judgeRequest(from, to, side, from === 'CLOSED' ? now : null, now) === 'ALLOWED').map((to) => `${from}>${to}`),
      );
    expect(allowed('COMMUNE')).toEqual(['NEW>CLOSED', 'ANSWERED>CLOSED', 'OPEN>CLOSED', 'WAITING_COMMUNE>CLOSED', 'CLOSED>OPEN']);
    expect(allowed('DEPARTEMENT')).toEqual([
      'NEW>WAITING_COMMUNE',
      'NEW>CLOSED',
      'ANSWERED>WAITING_COMMUNE',
      'ANSWERED>CLOSED',
      'OPEN>WAITING_COMMUNE',
      'OPEN>CLOSED',
      'WAITING_COMMUNE>OPEN',
      'WAITING_COMMUNE>CLOSED',
      'CLOSED>OPEN',
    ]);
  });

  it('refuses the same state as "already" and a late reopening as expired', () => {
    expect(judgeRequest('CLOSED', 'CLOSED', 'DEPARTEMENT', now, now)).toBe('ALREADY');
    const closed = paris('2026-11-01');
    expect(judgeRequest('CLOSED', 'OPEN', 'COMMUNE', closed, paris('2026-12-01', '00:00'))).toBe('ALLOWED');
    expect(judgeRequest('CLOSED', 'OPEN', 'COMMUNE', closed, paris('2026-12-01', '01:00'))).toBe('REOPEN_EXPIRED');
    expect(requestableStates('CLOSED', 'COMMUNE', closed, paris('2026-12-02'))).toEqual([]);
  });

  it('moves the thread with messages', () => {
    const cases: [ThreadState, 'COMMUNE' | 'DEPARTEMENT', ThreadState | null][] = [
      ['NEW', 'DEPARTEMENT', 'ANSWERED'],
      ['NEW', 'COMMUNE', 'NEW'],
      ['ANSWERED', 'COMMUNE', 'OPEN'],
      ['OPEN', 'DEPARTEMENT', 'ANSWERED'],
      ['WAITING_COMMUNE', 'COMMUNE', 'OPEN'],
      ['WAITING_COMMUNE', 'DEPARTEMENT', 'WAITING_COMMUNE'],
      ['CLOSED', 'COMMUNE', null],
      ['CLOSED', 'DEPARTEMENT', null],
    ];
    for (const [from, side, to] of cases) {
      expect([from, side, stateAfterMessage(from, side, false)]).toEqual([from, side, to]);
    }
    expect(stateAfterMessage('OPEN', 'DEPARTEMENT', false, 'WAITING_COMMUNE')).toBe('WAITING_COMMUNE');
    expect(stateAfterMessage('CLOSED', 'DEPARTEMENT', true)).toBe('CLOSED');
  });

  it('pauses the clock while waiting for the commune and resumes what was left', () => {
    const asked = paris('2026-11-16', '09:00'); // Monday
    const running = clockAfter(idle, 'CLOSED', 'NEW', asked, calendar, 5);
    expect(running.dueAt).toEqual(paris('2026-11-23', '09:00'));
    // Wednesday 09:00, 3 working days left; the agent waits for a document until Monday 09:00.
    const paused = clockAfter(running, 'NEW', 'WAITING_COMMUNE', paris('2026-11-18', '09:00'), calendar, 5);
    expect(paused.dueAt).toBeNull();
    expect(paused.pausedRemainingDays).toBeCloseTo(3);
    const resumed = clockAfter(paused, 'WAITING_COMMUNE', 'OPEN', paris('2026-11-23', '09:00'), calendar, 5);
    expect(resumed.dueAt).toEqual(paris('2026-11-26', '09:00'));
    expect(resumed.waitingTotalMs).toBe(5 * 86_400_000);
    expect(firstResponseMs(asked, paris('2026-11-24', '09:00'), resumed)).toBe(3 * 86_400_000);
  });

  it('clears the clock on an answer and starts a new one on a reply', () => {
    const running = clockAfter(idle, 'CLOSED', 'NEW', paris('2026-11-16', '09:00'), calendar, 5);
    const answered = clockAfter(running, 'NEW', 'ANSWERED', paris('2026-11-17', '09:00'), calendar, 5);
    expect(answered.dueAt).toBeNull();
    const replied = clockAfter(answered, 'ANSWERED', 'OPEN', paris('2026-11-20', '15:00'), calendar, 5);
    expect(replied.dueAt).toEqual(paris('2026-11-27', '15:00'));
  });
});
