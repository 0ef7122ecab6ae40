import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The notification kinds before this migration (1764470000000-faq-suggestions). */
const NOTIFICATION_KINDS = `'AGENT_REPLY', 'THREAD_CLOSED', 'THREAD_CREATED', 'COMMUNE_REPLY', 'THREAD_ASSIGNED', 'PUBLICATION_TO_CONSENT', 'PUBLICATION_TO_REVIEW', 'PUBLICATION_DECIDED', 'FAQ_FROM_QUESTION', 'FAQ_TO_REVIEW'`;

/**
 * Personal data (RGPD).
 * - `app_user`: a deletion asked (by the user or by an admin on their request) disables the account at once and is
 *   carried out at `deletion_due_at`; signing in before cancels it. `deleted_at`: the account was deleted — its row
 *   stays, emptied of everything personal, so that what it wrote keeps an author shown as a pseudonym.
 *   `inactivity_warnings`: how many of the two warnings before an inactive account's deletion were sent (30 and 7
 *   days before), and `inactivity_warned_at` the last one; both reset by signing in.
 * - `data_export`: the user's « Télécharger mes données » zips, built in the background, downloadable by their owner
 *   for 7 days; at most one being built per user; the notification kind `DATA_EXPORT_READY` tells them it is ready.
 * - `thread.authors_pseudonymised_at`: a question closed long ago whose authors were replaced by pseudonyms.
 * - `retention_run`: every run of the retention job, real or dry, with what each rule did.
 */
export class Privacy1764520000000 implements MigrationInterface {
  name = 'Privacy1764520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user
        ADD COLUMN deletion_requested_at timestamptz,
        ADD COLUMN deletion_due_at timestamptz,
        ADD COLUMN deletion_requested_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        ADD COLUMN deleted_at timestamptz,
        ADD COLUMN inactivity_warnings smallint NOT NULL DEFAULT 0 CHECK (inactivity_warnings BETWEEN 0 AND 2),
        ADD COLUMN inactivity_warned_at timestamptz,
        ADD CONSTRAINT app_user_deletion_dates CHECK ((deletion_requested_at IS NULL) = (deletion_due_at IS NULL))`);
    await q.query(`CREATE INDEX app_user_deletion_due_idx ON app_user (deletion_due_at) WHERE deletion_due_at IS NOT NULL AND deleted_at IS NULL`);
    await q.query(`
      CREATE TABLE data_export (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'READY', 'FAILED', 'EXPIRED')),
        requested_at timestamptz NOT NULL DEFAULT now(),
        ready_at timestamptz,
        expires_at timestamptz,
        storage_key text,
        size_bytes bigint,
        error text
      )`);
    await q.query(`CREATE INDEX data_export_user_idx ON data_export (user_id, requested_at DESC)`);
    await q.query(`CREATE INDEX data_export_expiry_idx ON data_export (expires_at) WHERE status = 'READY'`);
    // One export being built per user at a time, whatever the number of API instances asked at once.
    await q.query(`CREATE UNIQUE INDEX data_export_one_pending_idx ON data_export (user_id) WHERE status = 'PENDING'`);
    // The user is told in the app (and by e-mail, as they chose) when their export is ready.
    for (const table of ['notification', 'notification_preference']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_kind_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_kind_check CHECK (kind IN (${NOTIFICATION_KINDS}, 'DATA_EXPORT_READY'))`);
    }
    await q.query(`ALTER TABLE thread ADD COLUMN authors_pseudonymised_at timestamptz`);
    await q.query(`
      CREATE TABLE retention_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        dry_run boolean NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('SCHEDULE', 'ADMIN', 'CLI')),
        actor_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        results jsonb NOT NULL DEFAULT '[]',
        error text
      )`);
    await q.query(`CREATE INDEX retention_run_started_idx ON retention_run (started_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE retention_run`);
    await q.query(`ALTER TABLE thread DROP COLUMN authors_pseudonymised_at`);
    await q.query(`DELETE FROM notification WHERE kind = 'DATA_EXPORT_READY'`);
    await q.query(`DELETE FROM notification_preference WHERE kind = 'DATA_EXPORT_READY'`);
    for (const table of ['notification', 'notification_preference']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_kind_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_kind_check CHECK (kind IN (${NOTIFICATION_KINDS}))`);
    }
    await q.query(`DROP TABLE data_export`);
    await q.query(`
      ALTER TABLE app_user DROP CONSTRAINT app_user_deletion_dates, DROP COLUMN inactivity_warned_at, DROP COLUMN inactivity_warnings, DROP COLUMN deleted_at,
        DROP COLUMN deletion_requested_by, DROP COLUMN deletion_due_at, DROP COLUMN deletion_requested_at`);
  }
}
