import type { Page } from './api';

/**
 * What a notification is about. Commune members get `COMMUNE_NOTIFICATION_KINDS`, staff `STAFF_NOTIFICATION_KINDS`;
 * `DATA_EXPORT_READY` (« Télécharger mes données ») is in both.
 */
export const NOTIFICATION_KINDS = [
  'AGENT_REPLY',
  'THREAD_CLOSED',
  'PUBLICATION_TO_CONSENT',
  'PUBLICATION_DECIDED',
  'THREAD_CREATED',
  'COMMUNE_REPLY',
  'THREAD_ASSIGNED',
  'PUBLICATION_TO_REVIEW',
  'FAQ_FROM_QUESTION',
  'FAQ_TO_REVIEW',
  'DATA_EXPORT_READY',
  'DEPT_REPORT_TO_REVIEW',
  'DEPT_REPORT_DECIDED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const COMMUNE_NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'AGENT_REPLY',
  'THREAD_CLOSED',
  'PUBLICATION_TO_CONSENT',
  'PUBLICATION_DECIDED',
  'FAQ_FROM_QUESTION',
  'DATA_EXPORT_READY',
];
export const STAFF_NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'THREAD_CREATED',
  'COMMUNE_REPLY',
  'THREAD_ASSIGNED',
  'PUBLICATION_TO_REVIEW',
  'FAQ_TO_REVIEW',
  'DATA_EXPORT_READY',
  'DEPT_REPORT_TO_REVIEW',
  'DEPT_REPORT_DECIDED',
];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  AGENT_REPLY: 'Réponse du département à une question de la commune',
  THREAD_CLOSED: 'Question de la commune fermée',
  THREAD_CREATED: 'Nouvelle question d’une commune',
  COMMUNE_REPLY: 'Réponse d’une commune',
  THREAD_ASSIGNED: 'Question qui vous est attribuée',
  PUBLICATION_TO_CONSENT: 'Publication d’un projet qui attend l’accord du maire',
  PUBLICATION_DECIDED: 'Décision sur la publication d’un projet de la commune',
  PUBLICATION_TO_REVIEW: 'Projet à relire avant publication',
  FAQ_FROM_QUESTION: 'Une question de la commune devient une réponse de la FAQ',
  FAQ_TO_REVIEW: 'Réponse de la FAQ à relire',
  DATA_EXPORT_READY: 'Archive de vos données prête à télécharger',
  DEPT_REPORT_TO_REVIEW: 'Point d’avancement d’un projet du Département à relire',
  DEPT_REPORT_DECIDED: 'Décision sur votre point d’avancement',
};

/** How a kind of notification reaches the user by e-mail; it always appears in the app. */
export const EMAIL_MODES = ['IMMEDIATE', 'DIGEST', 'NONE'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export const EMAIL_MODE_LABELS: Record<EmailMode, string> = {
  IMMEDIATE: 'Un courriel à chaque fois',
  DIGEST: 'Un récapitulatif par jour',
  NONE: 'Pas de courriel',
};

/** The daily digest leaves at this hour, Europe/Paris time. */
export const DIGEST_HOUR = 8;

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  /** e.g. "Le département a répondu : « Subvention DETR »". */
  title: string;
  /** Short excerpt of a public message, or empty. Never an internal note. */
  excerpt: string;
  /** Path in the web app, e.g. `/espace/questions/<id>`. */
  link: string;
  threadId: string | null;
  projectId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPageDto extends Page<NotificationDto> {
  unread: number;
}

export interface UnreadCountDto {
  unread: number;
}

export interface NotificationPreferenceDto {
  kind: NotificationKind;
  label: string;
  email: EmailMode;
}

export interface UpdateNotificationPreferencesInput {
  preferences: { kind: NotificationKind; email: EmailMode }[];
}

/** The unsubscribe link of an e-mail carries a signed token for one user and one kind. */
export interface UnsubscribeInput {
  token: string;
}

export interface UnsubscribeResultDto {
  kind: NotificationKind;
  label: string;
  email: EmailMode;
}
