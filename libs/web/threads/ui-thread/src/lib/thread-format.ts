import type { MessageDto } from '@passerelle/shared/dto';
import { formatCount } from '@passerelle/web/shared/util-format';

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
