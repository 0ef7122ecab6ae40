/**
 * Every date the portal shows is read in Paris time, whatever the browser's zone (an agent abroad, a CI runner in UTC).
 * Angular's DatePipe only understands fixed offsets such as `+0100`, which is wrong half of the year, so formatting goes
 * through Intl with the IANA zone, which follows the summer-time changes.
 */
export const PARIS_TIME_ZONE = 'Europe/Paris';

const dateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS_TIME_ZONE, dateStyle: 'long' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS_TIME_ZONE,
  dateStyle: 'long',
  timeStyle: 'short',
});

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

/** `2025-07-14T10:00:00Z` → `14 juillet 2025`. */
export function formatDate(value: Date | string | number): string {
  return dateFormat.format(toDate(value));
}

/** `2025-07-14T10:00:00Z` → `14 juillet 2025 à 12:00` (Paris time). */
export function formatDateTime(value: Date | string | number): string {
  return dateTimeFormat.format(toDate(value));
}

const calendarDayFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', dateStyle: 'long' });
const shortCalendarDayFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', dateStyle: 'short' });

/**
 * `2026-03-15` → `15 mars 2026`. A calendar day has no time zone: read as UTC midnight and shown in UTC, it is the
 * same day wherever the browser is (through Paris time it would still be right, but not west of Greenwich).
 */
export function formatCalendarDay(day: string): string {
  return calendarDayFormat.format(new Date(`${day}T00:00:00Z`));
}

/** `2026-03-15` → `15/03/2026`, for tables. */
export function formatShortCalendarDay(day: string): string {
  return shortCalendarDayFormat.format(new Date(`${day}T00:00:00Z`));
}
