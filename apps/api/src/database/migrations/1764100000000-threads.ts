import type { MigrationInterface, QueryRunner } from 'typeorm';

const CATEGORIES = `'NEXT_STEPS', 'FUNDING', 'CONTACTS', 'REGULATION', 'OTHER'`;
const STATES = `'NEW', 'ANSWERED', 'OPEN', 'WAITING_COMMUNE', 'CLOSED'`;
const KINDS = `'AGENT_REPLY', 'THREAD_CLOSED', 'THREAD_CREATED', 'COMMUNE_REPLY', 'THREAD_ASSIGNED'`;

/**
 * Questions of the communes to their département (threads, messages, internal notes), the agents' tools (labels,
 * routing rules, answer templates), the first-response clock and the notifications.
 *
 * Search: `thread_search` holds one document per thread, the subject and every message (internal notes included),
 * for the agents' inbox, so that a search is one GIN lookup however many messages there are. It lives beside the
 * thread table, not in it, so that the queue's scans stay small. Commune members never search it: their search goes
 * through their own public messages (`thread_message.search`).
 */
export class Threads1764100000000 implements MigrationInterface {
  name = 'Threads1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE departement ADD COLUMN first_response_days smallint NOT NULL DEFAULT 5 CHECK (first_response_days BETWEEN 1 AND 60)`,
    );

    await q.query(`
      CREATE TABLE thread (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commune_insee varchar(5) NOT NULL REFERENCES commune (insee),
        departement_code varchar(3) NOT NULL REFERENCES departement (code),
        project_id uuid REFERENCES project (id),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
        category text NOT NULL CHECK (category IN (${CATEGORIES})),
        state text NOT NULL DEFAULT 'NEW' CHECK (state IN (${STATES})),
        assignee_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        last_public_activity_at timestamptz NOT NULL DEFAULT now(),
        due_at timestamptz,
        paused_remaining_days double precision,
        waiting_since timestamptz,
        waiting_total_ms bigint NOT NULL DEFAULT 0,
        first_response_at timestamptz,
        first_response_ms bigint,
        closed_at timestamptz,
        closed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        satisfaction_score smallint CHECK (satisfaction_score BETWEEN 1 AND 5),
        satisfaction_comment text,
        satisfaction_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        satisfaction_at timestamptz,
        public_message_count integer NOT NULL DEFAULT 0,
        note_count integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        search_subject tsvector GENERATED ALWAYS AS (to_tsvector('public.french_unaccent', subject)) STORED,
        CONSTRAINT thread_closed CHECK ((state = 'CLOSED') = (closed_at IS NOT NULL)),
        CONSTRAINT thread_waiting CHECK ((state = 'WAITING_COMMUNE') = (waiting_since IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX thread_queue_due_idx ON thread (departement_code, due_at, last_activity_at DESC, id) WHERE state <> 'CLOSED'`);
    await q.query(`CREATE INDEX thread_queue_activity_idx ON thread (departement_code, last_activity_at DESC, id)`);
    await q.query(`CREATE INDEX thread_commune_idx ON thread (commune_insee, last_public_activity_at DESC)`);
    await q.query(`CREATE INDEX thread_assignee_idx ON thread (assignee_id) WHERE state <> 'CLOSED'`);
    await q.query(`CREATE INDEX thread_project_idx ON thread (project_id) WHERE project_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE thread_search (
        thread_id uuid PRIMARY KEY REFERENCES thread (id) ON DELETE CASCADE,
        active boolean NOT NULL,
        document tsvector NOT NULL
      )`);
    await q.query(`CREATE INDEX thread_search_document_idx ON thread_search USING gin (document)`);
    // The inbox searches threads in progress by default: their own index finds them without visiting closed ones.
    await q.query(`CREATE INDEX thread_search_active_idx ON thread_search USING gin (document) WHERE active`);
    await q.query(`
      CREATE FUNCTION thread_search_follow_state() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE thread_search SET active = (NEW.state <> 'CLOSED') WHERE thread_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER thread_search_follow_state AFTER UPDATE OF state ON thread
        FOR EACH ROW WHEN ((OLD.state = 'CLOSED') IS DISTINCT FROM (NEW.state = 'CLOSED')) EXECUTE FUNCTION thread_search_follow_state()`);

    await q.query(`
      CREATE TABLE thread_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES thread (id) ON DELETE CASCADE,
        author_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        author_side text NOT NULL CHECK (author_side IN ('COMMUNE', 'DEPARTEMENT')),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        internal boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        search tsvector GENERATED ALWAYS AS (to_tsvector('public.french_unaccent', body)) STORED,
        CONSTRAINT thread_message_internal CHECK (NOT internal OR author_side = 'DEPARTEMENT')
      )`);
    await q.query(`CREATE INDEX thread_message_thread_idx ON thread_message (thread_id, created_at, id)`);
    await q.query(`CREATE INDEX thread_message_author_idx ON thread_message (author_id)`);

    await q.query(`
      CREATE TABLE message_revision (
        id bigserial PRIMARY KEY,
        message_id uuid NOT NULL REFERENCES thread_message (id) ON DELETE CASCADE,
        body text NOT NULL,
        replaced_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX message_revision_message_idx ON message_revision (message_id, replaced_at)`);

    // Attachments are documents owned by a message; uploaded first, they wait with no owner until the message is sent.
    await q.query(`ALTER TABLE document ALTER COLUMN project_id DROP NOT NULL`);
    await q.query(`ALTER TABLE document ADD COLUMN message_id uuid REFERENCES thread_message (id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE document ADD CONSTRAINT document_one_owner CHECK (project_id IS NULL OR message_id IS NULL)`);
    await q.query(`CREATE INDEX document_message_idx ON document (message_id) WHERE message_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE thread_event (
        id bigserial PRIMARY KEY,
        thread_id uuid NOT NULL REFERENCES thread (id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        kind text NOT NULL CHECK (kind IN ('STATE_CHANGED', 'ASSIGNED')),
        from_state text,
        to_state text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX thread_event_thread_idx ON thread_event (thread_id, at)`);

    await q.query(`
      CREATE TABLE thread_read (
        thread_id uuid NOT NULL REFERENCES thread (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        read_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, thread_id)
      )`);

    await q.query(`
      CREATE TABLE label (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        departement_code varchar(3) NOT NULL REFERENCES departement (code),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        colour char(7) NOT NULL CHECK (colour ~ '^#[0-9a-f]{6}$'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX label_name_idx ON label (departement_code, lower(name))`);
    await q.query(`
      CREATE TABLE thread_label (
        thread_id uuid NOT NULL REFERENCES thread (id) ON DELETE CASCADE,
        label_id uuid NOT NULL REFERENCES label (id) ON DELETE CASCADE,
        PRIMARY KEY (thread_id, label_id)
      )`);
    await q.query(`CREATE INDEX thread_label_label_idx ON thread_label (label_id)`);

    await q.query(`
      CREATE TABLE routing_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        departement_code varchar(3) NOT NULL REFERENCES departement (code),
        canton_code varchar(5) REFERENCES canton (code) ON DELETE CASCADE,
        category text CHECK (category IN (${CATEGORIES})),
        agent_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT routing_rule_something CHECK (canton_code IS NOT NULL OR category IS NOT NULL),
        CONSTRAINT routing_rule_unique UNIQUE NULLS NOT DISTINCT (departement_code, canton_code, category)
      )`);

    await q.query(`
      CREATE TABLE answer_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        departement_code varchar(3) NOT NULL REFERENCES departement (code),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        updated_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX answer_template_departement_idx ON answer_template (departement_code, lower(title))`);

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        thread_id uuid REFERENCES thread (id) ON DELETE CASCADE,
        title text NOT NULL,
        excerpt text NOT NULL DEFAULT '',
        link text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        email_state text NOT NULL CHECK (email_state IN ('NONE', 'PENDING', 'DIGEST', 'SENT')),
        emailed_at timestamptz
      )`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL`);
    await q.query(`CREATE INDEX notification_outbox_idx ON notification (email_state, created_at) WHERE email_state IN ('PENDING', 'DIGEST')`);
    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        email_mode text NOT NULL CHECK (email_mode IN ('IMMEDIATE', 'DIGEST', 'NONE')),
        PRIMARY KEY (user_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['notification_preference', 'notification', 'answer_template', 'routing_rule', 'thread_label', 'label', 'thread_read', 'thread_event']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DELETE FROM document WHERE project_id IS NULL`);
    await q.query(`ALTER TABLE document DROP CONSTRAINT document_one_owner`);
    await q.query(`ALTER TABLE document DROP COLUMN message_id`);
    await q.query(`ALTER TABLE document ALTER COLUMN project_id SET NOT NULL`);
    await q.query(`DROP TRIGGER thread_search_follow_state ON thread`);
    await q.query(`DROP FUNCTION thread_search_follow_state()`);
    for (const table of ['message_revision', 'thread_message', 'thread_search', 'thread']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`ALTER TABLE departement DROP COLUMN first_response_days`);
  }
}
