import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail delivered at least once: every mail is first written to `mail_outbox` (in the transaction of the action
 * that wants it, so it exists exactly when that action committed), and a worker sends it, marking it sent only once
 * the SMTP server accepted it, retrying with back-off and finally listing it as failed for the département's admins.
 * Times are the database's (`now()`): one clock for every API instance, which the leases need.
 * Notifications handed to the outbox become `QUEUED` (`SENT` stays for the rows mailed before this change).
 */
export class MailOutbox1764420000000 implements MigrationInterface {
  name = 'MailOutbox1764420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('NOTIFICATION', 'DIGEST', 'INVITATION', 'PASSWORD_RESET', 'OTHER')),
        recipient text NOT NULL CHECK (length(recipient) BETWEEN 3 AND 254),
        subject text NOT NULL,
        -- The content may hold a sign-in link: kept while it may still be sent, erased once it was.
        text_body text,
        html_body text,
        headers jsonb NOT NULL DEFAULT '{}',
        -- The recipient's département, whose admins see the mail if it cannot be delivered; NULL: none known.
        departement_code varchar(3),
        attempts integer NOT NULL DEFAULT 0,
        last_attempt_at timestamptz,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        -- Set while one API instance is sending it, so that no other instance sends it at the same time.
        locked_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        failed_at timestamptz,
        CONSTRAINT mail_outbox_one_outcome CHECK (sent_at IS NULL OR failed_at IS NULL),
        CONSTRAINT mail_outbox_content CHECK (sent_at IS NOT NULL OR (text_body IS NOT NULL AND html_body IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL`);
    await q.query(`CREATE INDEX mail_outbox_failed_idx ON mail_outbox (departement_code, failed_at DESC) WHERE failed_at IS NOT NULL`);
    await q.query(`CREATE INDEX mail_outbox_sent_idx ON mail_outbox (sent_at) WHERE sent_at IS NOT NULL`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_email_state_check`);
    await q.query(
      `ALTER TABLE notification ADD CONSTRAINT notification_email_state_check CHECK (email_state IN ('NONE', 'PENDING', 'DIGEST', 'QUEUED', 'SENT'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE notification SET email_state = 'SENT' WHERE email_state = 'QUEUED'`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_email_state_check`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_email_state_check CHECK (email_state IN ('NONE', 'PENDING', 'DIGEST', 'SENT'))`);
    await q.query(`DROP TABLE mail_outbox`);
  }
}
