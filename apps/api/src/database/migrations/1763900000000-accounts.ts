import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, sessions, second factor, commune workspaces and invitations, audit log.
 * The seat rule (1 mayor + 3 collaborators, pending invitations included) is enforced by locking the
 * workspace row while seats are counted and taken (see WorkspacesService), so it holds under concurrency.
 */
export class Accounts1763900000000 implements MigrationInterface {
  name = 'Accounts1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE user_role AS ENUM ('ADMIN', 'AGENT', 'MAYOR', 'COLLABORATOR')`);
    await q.query(`CREATE TYPE user_state AS ENUM ('ACTIVE', 'DISABLED')`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
        role user_role NOT NULL,
        state user_state NOT NULL DEFAULT 'ACTIVE',
        departement_code varchar(3) NOT NULL REFERENCES departement (code),
        commune_insee varchar(5) REFERENCES commune (insee),
        password_hash text,
        totp_secret text,
        totp_pending_secret text,
        totp_enabled_at timestamptz,
        totp_last_step bigint,
        totp_exempt boolean NOT NULL DEFAULT false,
        last_sign_in_at timestamptz,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT app_user_commune_role CHECK (
          (role IN ('MAYOR', 'COLLABORATOR')) = (commune_insee IS NOT NULL)
        )
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_idx ON app_user (email)`);
    await q.query(`CREATE INDEX app_user_commune_idx ON app_user (commune_insee) WHERE commune_insee IS NOT NULL`);
    await q.query(`CREATE INDEX app_user_departement_idx ON app_user (departement_code, role)`);
    // At most one active mayor per commune, whatever the code does.
    await q.query(
      `CREATE UNIQUE INDEX app_user_one_mayor_idx ON app_user (commune_insee) WHERE role = 'MAYOR' AND state = 'ACTIVE'`,
    );

    await q.query(`
      CREATE TABLE recovery_code (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz,
        PRIMARY KEY (user_id, code_hash)
      )`);

    await q.query(`
      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        user_agent text,
        ip text
      )`);
    await q.query(`CREATE INDEX user_session_user_idx ON user_session (user_id) WHERE revoked_at IS NULL`);
    await q.query(`
      CREATE TABLE refresh_token (
        token_hash text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES user_session (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX refresh_token_session_idx ON refresh_token (session_id)`);

    await q.query(`
      CREATE TABLE password_reset (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);

    await q.query(`
      CREATE TABLE commune_workspace (
        commune_insee varchar(5) PRIMARY KEY REFERENCES commune (insee),
        opened_at timestamptz NOT NULL DEFAULT now(),
        opened_by uuid REFERENCES app_user (id) ON DELETE SET NULL
      )`);

    await q.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        email text NOT NULL CHECK (email = lower(email)),
        role user_role NOT NULL,
        departement_code varchar(3) NOT NULL REFERENCES departement (code),
        commune_insee varchar(5) REFERENCES commune_workspace (commune_insee),
        invited_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT invitation_commune_role CHECK ((role IN ('MAYOR', 'COLLABORATOR')) = (commune_insee IS NOT NULL))
      )`);
    // One open invitation per address at a time (expired ones are revoked before a new one is made).
    await q.query(
      `CREATE UNIQUE INDEX invitation_open_email_idx ON invitation (email) WHERE accepted_at IS NULL AND revoked_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX invitation_commune_idx ON invitation (commune_insee) WHERE accepted_at IS NULL AND revoked_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        action text NOT NULL,
        target_type text,
        target_id text,
        departement_code varchar(3),
        commune_insee varchar(5),
        request_id text,
        ip text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, at DESC)`);
    await q.query(`CREATE INDEX audit_event_departement_idx ON audit_event (departement_code, at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_event', 'invitation', 'commune_workspace', 'password_reset', 'refresh_token', 'user_session', 'recovery_code', 'app_user']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP TYPE user_state`);
    await q.query(`DROP TYPE user_role`);
  }
}
