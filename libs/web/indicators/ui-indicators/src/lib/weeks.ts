import type { IndicatorPeriod, WeekVolumes } from '@passerelle/shared/dto';

const DAY_MS = 86_400_000;

/** The Monday of a calendar day's week (`YYYY-MM-DD`), as the API's weeks are named. */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  // getUTCDay: Sunday 0 … Saturday 6; Monday is 6 days back from a Sunday.
  const back = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - back * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Every week of the period, the quiet ones at zero: the API sends only the weeks that had something, and a chart that
 * skipped them would draw a busy week next to another one a month later.
 */
export function fillWeeks(weeks: readonly WeekVolumes[], period: IndicatorPeriod): WeekVolumes[] {
  const known = new Map(weeks.map((week) => [week.week, week]));
  const last = mondayOf(period.to);
  const filled: WeekVolumes[] = [];
  for (let week = mondayOf(period.from); week <= last; week = new Date(Date.parse(`${week}T00:00:00Z`) + 7 * DAY_MS).toISOString().slice(0, 10)) {
    filled.push(known.get(week) ?? { week, created: 0, answered: 0, closed: 0, reopened: 0 });
  }
  return filled;
}

/** The sums of the weeks, for a table's last row. */
export function totalOfWeeks(weeks: readonly WeekVolumes[]): Omit<WeekVolumes, 'week'> {
  return weeks.reduce(
    (sum, week) => ({
      created: sum.created + week.created,
      answered: sum.answered + week.answered,
      closed: sum.closed + week.closed,
      reopened: sum.reopened + week.reopened,
    }),
    { created: 0, answered: 0, closed: 0, reopened: 0 },
  );
}
