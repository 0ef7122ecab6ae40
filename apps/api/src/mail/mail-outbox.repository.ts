import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { MailKind } from '@passerelle/shared/dto';
import { changedRows } from '../database/changed-rows';

export interface NewOutboxMail {
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** `undefined`: looked up from the recipient's account or latest invitation. */
  departementCode: string | null | undefined;
}

/** A mail claimed for sending, with its content. */
export interface ClaimedMailRow {
  id: string;
  kind: MailKind;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  headers: Record<string, string>;
  attempts: number;
  locked_until: Date;
}

export interface FailedMailRow {
  id: string;
  kind: MailKind;
  recipient: string;
  subject: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  failed_at: Date;
  total: string;
}

/**
 * The SQL of `mail_outbox`. Times are the database's `now()`, not the application's clock: one clock for every API
 * instance (the leases compare them), which a test freezing the application's clock does not move.
 */
@Injectable()
export class MailOutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(mail: NewOutboxMail, manager: EntityManager = this.db.manager): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO mail_outbox (kind, recipient, subject, text_body, html_body, headers, departement_code)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::boolean THEN $8::varchar ELSE coalesce(
                 (SELECT u.departement_code FROM app_user u WHERE u.email = lower($2)),
                 (SELECT i.departement_code FROM invitation i WHERE i.email = lower($2) ORDER BY i.created_at DESC LIMIT 1)) END)
       RETURNING id`,
      [
        mail.kind,
        mail.to,
        mail.subject,
        mail.text,
        mail.html,
        JSON.stringify(mail.headers),
        mail.departementCode !== undefined,
        mail.departementCode ?? null,
      ],
    );
    return row.id;
  }

  /**
   * Takes up to `limit` due mails for this instance for `leaseMs`. One statement, so the row locks of `SKIP LOCKED`
   * last only while the lease is written; the lease then keeps other instances away during delivery, and a crashed
   * instance's mails are taken again once it has run out. The lease is kept to the millisecond so that it comes back
   * from JavaScript unchanged (it identifies this claim when the outcome is written).
   */
  claim(leaseMs: number, limit: number): Promise<ClaimedMailRow[]> {
    return changedRows<ClaimedMailRow>(
      this.db,
      `UPDATE mail_outbox m SET locked_until = date_trunc('milliseconds', now() + $1 * interval '1 millisecond')
        WHERE m.id IN (
              SELECT id FROM mail_outbox
               WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
                 AND (locked_until IS NULL OR locked_until <= now())
               ORDER BY next_attempt_at
               LIMIT $2
                 FOR UPDATE SKIP LOCKED)
      RETURNING m.id, m.kind, m.recipient, m.subject, m.text_body, m.html_body, m.headers, m.attempts, m.locked_until`,
      [leaseMs, limit],
    );
  }

  /** The server accepted it: the content (which may hold a sign-in link) is no longer needed. */
  async markSent(id: string): Promise<void> {
    await this.db.query(
      `UPDATE mail_outbox SET sent_at = now(), last_attempt_at = now(), attempts = attempts + 1, locked_until = NULL,
              last_error = NULL, text_body = NULL, html_body = NULL, headers = '{}'
        WHERE id = $1 AND sent_at IS NULL`,
      [id],
    );
  }

  /**
   * A failed try: tried again after `retryDelayMs`, or given up when it is `null`. Only while this instance still
   * holds the lease it claimed the mail with, so that a slow instance cannot overwrite another one's later outcome.
   */
  async markFailedAttempt(id: string, lease: Date, error: string, retryDelayMs: number | null): Promise<void> {
    await this.db.query(
      `UPDATE mail_outbox SET attempts = attempts + 1, last_error = $3, last_attempt_at = now(), locked_until = NULL,
              next_attempt_at = CASE WHEN $4::bigint IS NULL THEN next_attempt_at ELSE now() + $4 * interval '1 millisecond' END,
              failed_at = CASE WHEN $4::bigint IS NULL THEN now() END
        WHERE id = $1 AND locked_until = $2 AND sent_at IS NULL`,
      [id, lease, error, retryDelayMs],
    );
  }

  listFailed(departementCode: string, limit: number, offset: number): Promise<FailedMailRow[]> {
    return this.db.query(
      `SELECT id, kind, recipient, subject, attempts, last_error, created_at, failed_at, count(*) OVER () AS total
         FROM mail_outbox
        WHERE departement_code = $1 AND failed_at IS NOT NULL
        ORDER BY failed_at DESC, id
        LIMIT $2 OFFSET $3`,
      [departementCode, limit, offset],
    );
  }

  /** A failed mail of the département gets a fresh set of tries, starting now; `null` when there is none such. */
  async resend(manager: EntityManager, id: string, departementCode: string): Promise<{ id: string; kind: MailKind } | null> {
    const [row] = await changedRows<{ id: string; kind: MailKind }>(
      manager,
      `UPDATE mail_outbox SET attempts = 0, failed_at = NULL, next_attempt_at = now(), locked_until = NULL
        WHERE id = $1 AND departement_code = $2 AND failed_at IS NOT NULL
      RETURNING id, kind`,
      [id, departementCode],
    );
    return row ?? null;
  }

  async counts(): Promise<{ pending: number; failed: number }> {
    const [row] = await this.db.query<{ pending: string; failed: string }[]>(
      `SELECT count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL) AS pending,
              count(*) FILTER (WHERE failed_at IS NOT NULL) AS failed
         FROM mail_outbox`,
    );
    return { pending: Number(row.pending), failed: Number(row.failed) };
  }

  /** Forgets mails sent or given up more than `days` days ago; returns how many. */
  async purge(days: number): Promise<number> {
    const rows = await changedRows(
      this.db,
      `DELETE FROM mail_outbox WHERE sent_at < now() - $1 * interval '1 day' OR failed_at < now() - $1 * interval '1 day' RETURNING id`,
      [days],
    );
    return rows.length;
  }
}
