import type { OfficeSpan } from '@passerelle/shared/dto';
import { nextDay, parisDay, parisInstant, type WorkingCalendar } from '../common/calendar/working-calendar';

/** A half-open span of time `[start, end)`, in epoch milliseconds. */
export interface TimeSpan {
  start: number;
  end: number;
}

/** `HH:MM` → minutes after midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/**
 * The département's working time: its office hours (Paris wall clock) on its working days (weekdays, French public
 * holidays excluded). A duration in working time counts only the office minutes it covers, so a question asked on a
 * Friday at 17:00 and answered on Monday at 10:00 waited 1 h 30 with the default hours (17:00–17:30, then 9:00–10:00).
 */
export class OfficeClock {
  private readonly spans: { start: number; end: number }[];
  /** Each day met so far, as instants: the time-zone arithmetic costs more than the rest of a walk (see `dayOf`). */
  private readonly days = new Map<string, OfficeDay>();
  /** The office time of one working day. */
  readonly dayMs: number;

  constructor(
    private readonly calendar: WorkingCalendar,
    spans: readonly OfficeSpan[],
  ) {
    this.spans = spans.map((span) => ({ start: minutesOf(span.start), end: minutesOf(span.end) })).sort((a, b) => a.start - b.start);
    this.dayMs = this.spans.reduce((total, span) => total + (span.end - span.start) * 60_000, 0);
  }

  /** Office time between two instants (0 when `to` is not after `from`). */
  officeMs(from: number, to: number): number {
    if (!(to > from)) {
      return 0;
    }
    let total = 0;
    for (let day = this.dayOf(parisDay(from)); day.midnight < to; day = this.dayOf(day.next)) {
      for (const span of day.spans) {
        total += Math.max(0, Math.min(to, span.end) - Math.max(from, span.start));
      }
    }
    return total;
  }

  /**
   * A day's start and office spans as instants (none on a day off), computed once per day for this clock: the
   * dashboard walks the same days for every question of its backlog, and the nightly rebuild for every question.
   */
  private dayOf(day: string): OfficeDay {
    let office = this.days.get(day);
    if (!office) {
      const spans = this.calendar.isWorkingDay(day) ? this.spans.map((span) => ({ start: parisInstant(day, span.start), end: parisInstant(day, span.end) })) : [];
      office = { midnight: parisInstant(day, 0), next: nextDay(day), spans };
      this.days.set(day, office);
    }
    return office;
  }

  /** Office time between two instants, minus the office time of the pauses (waiting for the commune) inside it. */
  workingMs(from: number, to: number, pauses: readonly TimeSpan[] = []): number {
    let paused = 0;
    for (const pause of merged(pauses)) {
      paused += this.officeMs(Math.max(from, pause.start), Math.min(to, pause.end));
    }
    return Math.max(0, this.officeMs(from, to) - paused);
  }
}

interface OfficeDay {
  /** The instant the day starts. */
  midnight: number;
  next: string;
  spans: TimeSpan[];
}

/** Overlapping or touching spans joined, so that no office minute is subtracted twice. */
function merged(spans: readonly TimeSpan[]): TimeSpan[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: TimeSpan[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
    } else {
      out.push({ ...span });
    }
  }
  return out;
}
