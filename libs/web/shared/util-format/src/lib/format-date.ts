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
