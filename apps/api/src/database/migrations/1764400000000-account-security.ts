import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account hygiene: attempt counters shared by every API instance (failed sign-ins per account, per address and per
 * second-factor challenge; reset and invitation mails per target address) and the temporary sign-in locks; reset
 * links that a newer link, a reset or a password change make useless; one open invitation per address and
 * workspace (not per address across Passerelle: refusing a second commune's invitation told it that someone
 * else had invited the address).
 */
export class AccountSecurity1764400000000 implements MigrationInterface {
  name = 'AccountSecurity1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // A fixed-window counter per key. Keys are SHA-256 digests of "kind:subject" (the subject being an e-mail
    // address, a client address or a challenge id): the table names nobody. A row whose window has ended is dead
    // and is purged; a lock keeps its row alive until it ends. `locked_until` is only set on per-account sign-in
    // counters.
    await q.query(`
      CREATE TABLE attempt_counter (
        key text PRIMARY KEY,
        hits integer NOT NULL CHECK (hits >= 0),
        window_ends_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    await q.query(`CREATE INDEX attempt_counter_window_idx ON attempt_counter (window_ends_at)`);
    await q.query(`ALTER TABLE password_reset ADD COLUMN revoked_at timestamptz`);
    await q.query(`CREATE INDEX password_reset_user_open_idx ON password_reset (user_id) WHERE used_at IS NULL AND revoked_at IS NULL`);
    await q.query(`DROP INDEX invitation_open_email_idx`);
    await q.query(
      `CREATE UNIQUE INDEX invitation_open_email_idx ON invitation (email, departement_code, coalesce(commune_insee, ''))
        WHERE accepted_at IS NULL AND revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Back to one open invitation per address: the most recent one stays open.
    await q.query(`
      UPDATE invitation i SET revoked_at = now()
       WHERE i.accepted_at IS NULL AND i.revoked_at IS NULL
         AND EXISTS (SELECT 1 FROM invitation o WHERE o.email = i.email AND o.accepted_at IS NULL AND o.revoked_at IS NULL
                        AND (o.created_at, o.id) > (i.created_at, i.id))`);
    await q.query(`DROP INDEX invitation_open_email_idx`);
    await q.query(`CREATE UNIQUE INDEX invitation_open_email_idx ON invitation (email) WHERE accepted_at IS NULL AND revoked_at IS NULL`);
    await q.query(`DROP INDEX password_reset_user_open_idx`);
    await q.query(`ALTER TABLE password_reset DROP COLUMN revoked_at`);
    await q.query(`DROP TABLE attempt_counter`);
  }
}
