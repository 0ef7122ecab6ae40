import { PROJECT_THEME_LABELS, type PublicationQueueItemDto } from '@passerelle/shared/dto';
import { formatDateTime } from '@passerelle/web/shared/util-format';

const relative = new Intl.RelativeTimeFormat('fr-FR', { numeric: 'auto' });
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * `il y a 3 jours`, `hier`, `il y a 5 heures`: how long a request has been waiting, which matters more to the
 * agent than its date (given in full in the tooltip).
 */
export function waitingSince(at: string, now: Date): string {
  const elapsed = Math.max(0, now.getTime() - new Date(at).getTime());
  if (elapsed < HOUR) {
    return 'il y a moins d’une heure';
  }
  if (elapsed < DAY) {
    return relative.format(-Math.floor(elapsed / HOUR), 'hour');
  }
  const days = Math.floor(elapsed / DAY);
  if (days < 60) {
    return relative.format(-days, 'day');
  }
  return relative.format(-Math.floor(days / 30), 'month');
}

/** A project waiting for review, every text ready for the table and the phone's cards. */
export interface QueueRow {
  id: string;
  title: string;
  link: string[];
  communeName: string;
  theme: string;
  waiting: string;
  requestedAt: string;
  /** `22/11/2026 à 12:24`, for the tooltip. */
  requestedLong: string;
  republication: boolean;
  kind: string;
}

export function queueRow(item: PublicationQueueItemDto, now: Date): QueueRow {
  return {
    id: item.projectId,
    title: item.title,
    link: ['/departement/publications', item.projectId],
    communeName: item.commune.name,
    theme: PROJECT_THEME_LABELS[item.theme],
    waiting: waitingSince(item.requestedAt, now),
    requestedAt: item.requestedAt,
    requestedLong: formatDateTime(item.requestedAt),
    republication: item.republication,
    kind: item.republication ? 'Mise à jour d’un projet publié' : 'Première publication',
  };
}
