import Holidays from 'date-holidays';

const TIME_ZONE = 'Europe/Paris';
/** A bound on the day-by-day walks: ten years of days, far beyond any first-response target. */
const MAX_DAYS = 3_660;

/** Départements with public holidays of their own, as `date-holidays` names them (Alsace-Moselle, overseas). */
const REGIONS: Record<string, string> = {
  '57': '57',
  '67': '67',
  '68': '68',
  '971': 'GP',
  '972': 'MQ',
  '973': 'GF',
  '974': 'RE',
  '976': 'YT',
};

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });

/** `YYYY-MM-DD` of an instant, in Paris. */
export function parisDay(instant: number): string {
  return dayFormat.format(instant);
}

/** Offset of Paris from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function parisOffset(instant: number): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
}

/** The instant a Paris calendar day starts (midnight is never skipped by French daylight saving time). */
export function parisMidnight(day: string): number {
  return parisInstant(day, 0);
}

/**
 * The instant of a Paris wall-clock time on a day, `minutes` after midnight. Office hours are never in the hour that
 * daylight saving time skips or repeats (2:00–3:00 at night).
 */
export function parisInstant(day: string, minutes: number): number {
  const [y, m, d] = day.split('-').map(Number);
  const utc = Date.UTC(y, m - 1, d, 0, minutes);
  const guess = utc - parisOffset(utc);
  return utc - parisOffset(guess);
}

export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * Working days of a département: Monday to Friday, French public holidays excluded (from the maintained
 * `date-holidays` data, with Alsace-Moselle's and the overseas départements' own days), in Paris time.
 *
 * Durations are counted in working days: a whole working day counts 1 whatever its length in hours (daylight saving
 * days last 23 or 25 hours), a partial day its elapsed fraction; weekends and holidays count 0. So "5 working days"
 * from a Friday 15:00 ends the next Friday at 15:00, and from a Saturday it ends at the end of the next Friday.
 */
export class WorkingCalendar {
  private readonly holidays: Holidays;
  private readonly holidayDays = new Map<number, Set<string>>();

  constructor(departementCode: string) {
    const region = REGIONS[departementCode];
    this.holidays = region ? new Holidays('FR', region) : new Holidays('FR');
  }

  isWorkingDay(day: string): boolean {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.holidaysOf(Number(day.slice(0, 4))).has(day);
  }

  /** The instant when `days` working days have elapsed after `from`. */
  addWorkingDays(from: Date, days: number): Date {
    let remaining = Math.max(0, days);
    let day = parisDay(from.getTime());
    let start = parisMidnight(day);
    let cursor = from.getTime();
    for (let i = 0; i < MAX_DAYS; i++) {
      const next = nextDay(day);
      const end = parisMidnight(next);
      if (this.isWorkingDay(day)) {
        const length = end - start;
        const left = (end - cursor) / length;
        if (remaining <= left) {
          return new Date(Math.round(cursor + remaining * length));
        }
        remaining -= left;
      }
      day = next;
      start = end;
      cursor = end;
    }
    throw new Error(`${days} working days after ${from.toISOString()} is beyond the calendar`);
  }

  /** Working days elapsed between two instants; negative when `to` is before `from`. */
  workingDaysBetween(from: Date, to: Date): number {
    if (to < from) {
      return -this.workingDaysBetween(to, from);
    }
    let total = 0;
    let day = parisDay(from.getTime());
    let start = parisMidnight(day);
    const stop = to.getTime();
    for (let i = 0; i < MAX_DAYS && start < stop; i++) {
      const next = nextDay(day);
      const end = parisMidnight(next);
      if (this.isWorkingDay(day)) {
        const a = Math.max(start, from.getTime());
        const b = Math.min(end, stop);
        total += Math.max(0, b - a) / (end - start);
      }
      day = next;
      start = end;
    }
    return total;
  }

  private holidaysOf(year: number): Set<string> {
    let days = this.holidayDays.get(year);
    if (!days) {
      days = new Set(
        this.holidays
          .getHolidays(year)
          .filter((h) => h.type === 'public')
          .map((h) => h.date.slice(0, 10)),
      );
      this.holidayDays.set(year, days);
    }
    return days;
  }
}

/** Calendars are built once per département (holiday tables are computed per year, then kept). */
const calendars = new Map<string, WorkingCalendar>();

export function workingCalendar(departementCode: string): WorkingCalendar {
  let calendar = calendars.get(departementCode);
  if (!calendar) {
    calendar = new WorkingCalendar(departementCode);
    calendars.set(departementCode, calendar);
  }
  return calendar;
}
