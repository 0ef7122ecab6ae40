import {
  type EmailMode,
  NOTIFICATION_KIND_LABELS,
  type NotificationDto,
  type NotificationKind,
  type NotificationPreferenceDto,
} from '@passerelle/shared/dto';
import type { NotificationRow } from './notifications.repository';

export function mapNotification(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    excerpt: row.excerpt,
    link: row.link,
    threadId: row.thread_id,
    projectId: row.project_id,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

/** A kind's e-mail mode: what the user chose, or at once when they never chose. */
export function mapPreference(kind: NotificationKind, chosen: EmailMode | null | undefined): NotificationPreferenceDto {
  return { kind, label: NOTIFICATION_KIND_LABELS[kind], email: chosen ?? 'IMMEDIATE' };
}
