/** What a mail is for; admins see it next to a mail that could not be delivered. */
export const MAIL_KINDS = ['NOTIFICATION', 'DIGEST', 'INVITATION', 'PASSWORD_RESET', 'OTHER'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const MAIL_KIND_LABELS: Record<MailKind, string> = {
  NOTIFICATION: 'Notification',
  DIGEST: 'Récapitulatif',
  INVITATION: 'Invitation',
  PASSWORD_RESET: 'Changement de mot de passe',
  OTHER: 'Autre',
};

/**
 * A mail that the SMTP server refused on every try (`GET /api/admin/mails/failed`, admins of the recipient's
 * département). Its content is not part of it: it may hold a sign-in link.
 */
export interface FailedMailDto {
  id: string;
  kind: MailKind;
  to: string;
  subject: string;
  /** Tries made, the first one included. */
  attempts: number;
  /** The SMTP server's last answer (or the network error), shortened; never the mail's content. */
  lastError: string | null;
  createdAt: string;
  failedAt: string;
}

/** Mail counts in `GET /api/health` (numbers only: the answer is public). */
export interface MailHealthDto {
  /** Waiting for their first try or for a retry. */
  pending: number;
  /** Given up after the last retry, waiting for an admin to send them again. */
  failed: number;
}
