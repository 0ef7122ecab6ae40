/**
 * Every date the portal shows is read in Paris time, whatever the browser's zone (an agent abroad, a CI runner in UTC).
 * Angular's DatePipe only understands fixed offsets such as `+0100`, which is wrong half of the year, so formatting goes
 * through Intl with the IANA zone, which follows the summer-time changes.
 *
 * One format everywhere, in lists as on pages: `jj/mm/aaaa`, and `jj/mm/aaaa à hh:mm` where the time matters
 * (messages, notifications, logs). Several formats side by side made the same day look like different days.
 */
export const PARIS_TIME_ZONE = 'Europe/Paris';

const dayFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const utcDayFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

/** `2025-07-14T10:00:00Z` → `14/07/2025`: the Paris calendar day of an instant. */
export function formatDate(value: Date | string | number): string {
  return dayFormat.format(toDate(value));
}

/** `2025-07-14T10:00:00Z` → `12:00` (Paris time). */
export function formatTime(value: Date | string | number): string {
  return timeFormat.format(toDate(value));
}

/** `2025-07-14T10:00:00Z` → `14/07/2025 à 12:00` (Paris time). */
export function formatDateTime(value: Date | string | number): string {
  const date = toDate(value);
  return `${dayFormat.format(date)} à ${timeFormat.format(date)}`;
}

/**
 * `2026-03-15` → `15/03/2026`. A calendar day has no time zone: read as UTC midnight and shown in UTC, it is the
 * same day wherever the browser is (through Paris time it would still be right, but not west of Greenwich).
 */
export function formatCalendarDay(day: string): string {
  return utcDayFormat.format(new Date(`${day}T00:00:00Z`));
}

/**
 * The day a response is due, the same in the inbox, on the agent's page and on the commune's page: the Paris calendar
 * day of the due instant. A deadline that falls exactly at midnight (Paris) is the end of the day before — the API
 * ends "5 working days from a Saturday" at the end of the next Friday, i.e. Saturday 00:00 —, so the instant is read
 * one millisecond earlier: `2026-12-04T23:00:00Z` (5 December 00:00 in Paris) → `04/12/2026`.
 */
export function formatDeadlineDay(value: Date | string | number): string {
  return dayFormat.format(toDate(value).getTime() - 1);
}

/** Today's calendar day in Paris, `YYYY-MM-DD`, as the API reads a default date. */
export function todayInParis(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);
}
