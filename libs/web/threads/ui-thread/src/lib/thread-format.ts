import type { MessageDto } from '@passerelle/shared/dto';
import { formatCount, formatDate, formatDateTime, PARIS_TIME_ZONE } from '@passerelle/web/shared/util-format';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A first-response time in words, to the two largest units: `93_600` → `1 jour 2 heures`, `4_500` → `1 heure
 * 15 minutes`. Words rather than `1 j 2 h`, which screen readers spell out letter by letter.
 */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  if (total < MINUTE) {
    return 'moins d’une minute';
  }
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  const parts =
    days > 0
      ? [formatCount(days, 'jour'), hours > 0 ? formatCount(hours, 'heure') : '']
      : hours > 0
        ? [formatCount(hours, 'heure'), minutes > 0 ? formatCount(minutes, 'minute') : '']
        : [formatCount(minutes, 'minute')];
  return parts.filter(Boolean).join(' ');
}

/** The current user may still change this message: the API said so and the window has not closed since. */
export function isEditable(message: Pick<MessageDto, 'editableUntil'>, now: number): boolean {
  return message.editableUntil !== null && Date.parse(message.editableUntil) > now;
}

/** "Département" or the commune's name: who a message speaks for, whatever the person's name. */
export function sideLabel(message: Pick<MessageDto, 'author'>, communeName: string): string {
  return message.author.side === 'DEPARTEMENT' ? 'Département' : communeName;
}

const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS_TIME_ZONE, timeStyle: 'short' });

/** `2026-03-10T09:20:00Z` → `10:20` (Paris time), for the end of an edit window that is minutes away. */
export function formatTime(value: string): string {
  return timeFormat.format(new Date(value));
}

const clockFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * A response deadline as people say it: one that falls at midnight (Paris time) is the end of the day before,
 * `2026-11-27T23:00:00Z` → `27 novembre 2026`; any other keeps its time.
 */
export function formatDeadline(value: string): string {
  const date = new Date(value);
  return clockFormat.format(date) === '00:00' ? formatDate(date.getTime() - 1) : formatDateTime(date);
}
