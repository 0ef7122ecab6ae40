import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'AGENT_REPLY', 'THREAD_CLOSED', 'THREAD_CREATED', 'COMMUNE_REPLY', 'THREAD_ASSIGNED'`;
const KINDS = `${KINDS_BEFORE}, 'PUBLICATION_TO_CONSENT', 'PUBLICATION_TO_REVIEW', 'PUBLICATION_DECIDED'`;

/**
 * Publication of completed projects with the mayor's consent. The workflow state lives on the project; what the
 * public sees is a separate row, `project_publication`, holding the snapshot an agent reviewed (and the columns the
 * public lists filter on): it is written or deleted in the same transaction as the state, so the public never sees
 * a half-published project, and later edits of the fiche change nothing online until a new review.
 */
export class Publication1764200000000 implements MigrationInterface {
  name = 'Publication1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project ADD COLUMN publication_state text NOT NULL DEFAULT 'PRIVATE'
      CHECK (publication_state IN ('PRIVATE', 'AWAITING_CONSENT', 'AWAITING_REVIEW', 'PUBLISHED'))`);
    await q.query(`ALTER TABLE project ADD COLUMN publication_choices jsonb NOT NULL DEFAULT '{"documentIds": [], "showFunding": false}'`);
    await q.query(`ALTER TABLE project ADD COLUMN publication_rejection text`);
    await q.query(`CREATE INDEX project_publication_queue_idx ON project (publication_state) WHERE publication_state = 'AWAITING_REVIEW'`);

    await q.query(`
      CREATE TABLE project_publication (
        project_id uuid PRIMARY KEY REFERENCES project (id) ON DELETE CASCADE,
        slug text NOT NULL UNIQUE,
        departement_code varchar(3) NOT NULL REFERENCES departement (code),
        commune_insee varchar(5) NOT NULL REFERENCES commune (insee),
        canton_code varchar(5),
        theme text NOT NULL,
        status text NOT NULL,
        year smallint,
        latitude double precision,
        longitude double precision,
        snapshot jsonb NOT NULL,
        project_version integer NOT NULL,
        published_at timestamptz NOT NULL,
        reviewed_at timestamptz NOT NULL,
        reviewed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        search tsvector GENERATED ALWAYS AS (to_tsvector('public.french_unaccent',
          coalesce(snapshot ->> 'title', '') || ' ' || coalesce(snapshot ->> 'summary', '') || ' ' ||
          coalesce(snapshot ->> 'description', '') || ' ' || coalesce(snapshot -> 'commune' ->> 'name', '') || ' ' ||
          coalesce(snapshot -> 'lessons' ->> 'problems', '') || ' ' || coalesce(snapshot -> 'lessons' ->> 'advice', ''))) STORED
      )`);
    await q.query(`CREATE INDEX project_publication_search_idx ON project_publication USING gin (search)`);
    await q.query(`CREATE INDEX project_publication_list_idx ON project_publication (departement_code, published_at DESC)`);

    await q.query(`
      CREATE TABLE publication_event (
        id bigserial PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES project (id),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        action text NOT NULL CHECK (action IN ('request', 'consent', 'approve', 'reject', 'withdraw')),
        from_state text NOT NULL,
        to_state text NOT NULL,
        reason text
      )`);
    await q.query(`CREATE INDEX publication_event_project_idx ON publication_event (project_id, at DESC)`);

    await q.query(`ALTER TABLE notification ADD COLUMN project_id uuid REFERENCES project (id) ON DELETE CASCADE`);
    for (const table of ['notification', 'notification_preference']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_kind_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_kind_check CHECK (kind IN (${KINDS}))`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind LIKE 'PUBLICATION%'`);
    await q.query(`DELETE FROM notification_preference WHERE kind LIKE 'PUBLICATION%'`);
    for (const table of ['notification', 'notification_preference']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_kind_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_kind_check CHECK (kind IN (${KINDS_BEFORE}))`);
    }
    await q.query(`ALTER TABLE notification DROP COLUMN project_id`);
    await q.query(`DROP TABLE publication_event`);
    await q.query(`DROP TABLE project_publication`);
    await q.query(`DROP INDEX project_publication_queue_idx`);
    for (const column of ['publication_rejection', 'publication_choices', 'publication_state']) {
      await q.query(`ALTER TABLE project DROP COLUMN ${column}`);
    }
  }
}
