import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The notification kinds before this migration (1764520000000-privacy). */
const NOTIFICATION_KINDS = `'AGENT_REPLY', 'THREAD_CLOSED', 'THREAD_CREATED', 'COMMUNE_REPLY', 'THREAD_ASSIGNED', 'PUBLICATION_TO_CONSENT', 'PUBLICATION_TO_REVIEW', 'PUBLICATION_DECIDED', 'FAQ_FROM_QUESTION', 'FAQ_TO_REVIEW', 'DATA_EXPORT_READY'`;

const THEMES = `'VOIRIE', 'BATIMENTS_COMMUNAUX', 'ECOLES_PETITE_ENFANCE', 'EAU_ASSAINISSEMENT', 'ENERGIE_CLIMAT', 'NUMERIQUE', 'SPORT_LOISIRS', 'CULTURE_PATRIMOINE', 'ENVIRONNEMENT_BIODIVERSITE', 'MOBILITE', 'URBANISME_LOGEMENT', 'SANTE_SOCIAL', 'SECURITE', 'AUTRE'`;

/**
 * The département's own projects (issue 19), in tables of their own so that no rule of the communes' projects
 * (tenancy by commune, the mayor's consent, completed projects only) is loosened for them.
 * - `programme_axis`: the axes of the département's programme, set by its admins.
 * - `dept_project`: the fiche, its lead (an agent), its point (optional) and the map point kept for it (its point, or
 *   the middle of its cantons' communes), `slug` and `published_at` set by the first published report.
 * - `dept_project_canton`: the cantons it covers (at least one, checked by the service).
 * - `dept_project_report`: progress reports; `published` holds the reviewed text the public sees (so an edit of a
 *   published report stays private until it is reviewed again).
 * - `dept_project_photo`: photos of reports (files in the storage, like documents), with their text alternative.
 * - `dept_project_view_day`: consultations of the public page per day, as `project_view_day`.
 * - `newsletter_subscription`: a confirmed subscription of a partner (its e-mail only); nothing before confirmation.
 * Every table the public pages read moves `public_portal_state.generation` (the trigger of the communes' side), so
 * kept public answers are dropped on their next request.
 */
export class DepartementProjects1764530000000 implements MigrationInterface {
  name = 'DepartementProjects1764530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE programme_axis (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        departement_code varchar(3) NOT NULL REFERENCES departement (code) ON DELETE CASCADE,
        label text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 120),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 1000),
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX programme_axis_label_idx ON programme_axis (departement_code, lower(label))`);
    await q.query(`
      CREATE TABLE dept_project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        departement_code varchar(3) NOT NULL REFERENCES departement (code),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 150),
        summary text NOT NULL DEFAULT '',
        description text NOT NULL DEFAULT '',
        objectives text NOT NULL DEFAULT '',
        resources text NOT NULL DEFAULT '',
        partners text NOT NULL DEFAULT '',
        theme text NOT NULL CHECK (theme IN (${THEMES})),
        status text NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'ABANDONED')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        start_date date,
        end_date date,
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        address text,
        map_latitude double precision CHECK (map_latitude BETWEEN -90 AND 90),
        map_longitude double precision CHECK (map_longitude BETWEEN -180 AND 180),
        axis_id uuid REFERENCES programme_axis (id) ON DELETE SET NULL,
        lead_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        forecast_cost_cents bigint CHECK (forecast_cost_cents >= 0),
        final_cost_cents bigint CHECK (final_cost_cents >= 0),
        funding_lines jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(funding_lines) = 'array'),
        milestones jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(milestones) = 'array'),
        evaluation text NOT NULL DEFAULT '',
        lessons jsonb NOT NULL DEFAULT '{"problems": "", "differently": "", "advice": ""}',
        slug text UNIQUE,
        published_at timestamptz,
        search tsvector GENERATED ALWAYS AS (
          to_tsvector('french_unaccent', title || ' ' || summary || ' ' || description || ' ' || objectives)
        ) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        deleted_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT dept_project_dates CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
        CONSTRAINT dept_project_location CHECK ((latitude IS NULL) = (longitude IS NULL)),
        CONSTRAINT dept_project_map_point CHECK ((map_latitude IS NULL) = (map_longitude IS NULL)),
        CONSTRAINT dept_project_published CHECK ((slug IS NULL) = (published_at IS NULL))
      )`);
    await q.query(`CREATE INDEX dept_project_departement_idx ON dept_project (departement_code, updated_at DESC) WHERE deleted_at IS NULL`);
    await q.query(
      `CREATE INDEX dept_project_public_idx ON dept_project (departement_code, published_at DESC) WHERE deleted_at IS NULL AND published_at IS NOT NULL`,
    );
    await q.query(`CREATE INDEX dept_project_search_idx ON dept_project USING gin (search)`);
    await q.query(`CREATE INDEX dept_project_lead_idx ON dept_project (lead_id) WHERE deleted_at IS NULL`);
    await q.query(`
      CREATE TABLE dept_project_canton (
        project_id uuid NOT NULL REFERENCES dept_project (id) ON DELETE CASCADE,
        canton_code varchar(5) NOT NULL REFERENCES canton (code),
        PRIMARY KEY (project_id, canton_code)
      )`);
    await q.query(`CREATE INDEX dept_project_canton_canton_idx ON dept_project_canton (canton_code)`);
    await q.query(`
      CREATE TABLE dept_project_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES dept_project (id) ON DELETE CASCADE,
        reported_on date NOT NULL,
        done text NOT NULL DEFAULT '' CHECK (char_length(done) <= 5000),
        difficulties text NOT NULL DEFAULT '' CHECK (char_length(difficulties) <= 5000),
        next_steps text NOT NULL DEFAULT '' CHECK (char_length(next_steps) <= 5000),
        progress smallint NOT NULL CHECK (progress BETWEEN 0 AND 100),
        milestones_reached jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(milestones_reached) = 'array'),
        videos jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(videos) = 'array'),
        state text NOT NULL DEFAULT 'DRAFT' CHECK (state IN ('DRAFT', 'AWAITING_REVIEW', 'PUBLISHED', 'REJECTED')),
        rejection_reason text CHECK (char_length(rejection_reason) <= 2000),
        published jsonb,
        author_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        submitted_at timestamptz,
        reviewed_at timestamptz,
        reviewed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT dept_project_report_published CHECK ((published IS NULL) = (published_at IS NULL))
      )`);
    await q.query(`CREATE INDEX dept_project_report_project_idx ON dept_project_report (project_id, reported_on DESC)`);
    await q.query(`CREATE INDEX dept_project_report_queue_idx ON dept_project_report (submitted_at) WHERE state = 'AWAITING_REVIEW'`);
    await q.query(`CREATE INDEX dept_project_report_published_idx ON dept_project_report (published_at DESC) WHERE published IS NOT NULL`);
    await q.query(`
      CREATE TABLE dept_project_photo (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES dept_project (id) ON DELETE CASCADE,
        report_id uuid REFERENCES dept_project_report (id) ON DELETE SET NULL,
        filename text NOT NULL CHECK (char_length(filename) BETWEEN 1 AND 255),
        alt text NOT NULL DEFAULT '' CHECK (char_length(alt) <= 300),
        mime_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
        sha256 char(64) NOT NULL,
        storage_key text NOT NULL UNIQUE,
        thumbnail_key text NOT NULL UNIQUE,
        uploaded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX dept_project_photo_report_idx ON dept_project_photo (report_id)`);
    await q.query(`CREATE INDEX dept_project_photo_project_idx ON dept_project_photo (project_id)`);
    await q.query(`
      CREATE TABLE dept_project_view_day (
        project_id uuid NOT NULL REFERENCES dept_project (id) ON DELETE CASCADE,
        day date NOT NULL,
        count integer NOT NULL DEFAULT 0 CHECK (count >= 0),
        PRIMARY KEY (project_id, day)
      )`);
    await q.query(`
      CREATE TABLE newsletter_subscription (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        departement_code varchar(3) NOT NULL REFERENCES departement (code) ON DELETE CASCADE,
        email text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
        scope_kind text NOT NULL CHECK (scope_kind IN ('DEPARTEMENT', 'CANTON', 'AXIS')),
        canton_code varchar(5) REFERENCES canton (code) ON DELETE CASCADE,
        axis_id uuid REFERENCES programme_axis (id) ON DELETE CASCADE,
        frequency text NOT NULL CHECK (frequency IN ('WEEKLY', 'MONTHLY')),
        confirmed_at timestamptz NOT NULL DEFAULT now(),
        last_sent_at timestamptz,
        CONSTRAINT newsletter_subscription_scope CHECK (
          (scope_kind = 'DEPARTEMENT' AND canton_code IS NULL AND axis_id IS NULL)
          OR (scope_kind = 'CANTON' AND canton_code IS NOT NULL AND axis_id IS NULL)
          OR (scope_kind = 'AXIS' AND axis_id IS NOT NULL AND canton_code IS NULL))
      )`);
    // One subscription per address and scope (the frequency of a second confirmation replaces the first's).
    await q.query(`
      CREATE UNIQUE INDEX newsletter_subscription_unique_idx
        ON newsletter_subscription (departement_code, lower(email), scope_kind, coalesce(canton_code, ''), coalesce(axis_id::text, ''))`);
    await q.query(`CREATE INDEX newsletter_subscription_due_idx ON newsletter_subscription (frequency, last_sent_at)`);
    for (const table of ['dept_project', 'dept_project_canton', 'dept_project_report', 'dept_project_photo', 'programme_axis']) {
      await q.query(
        `CREATE TRIGGER ${table}_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION public_portal_bump()`,
      );
    }
    for (const table of ['notification', 'notification_preference']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_kind_check`);
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_kind_check CHECK (kind IN (${NOTIFICATION_KINDS}, 'DEPT_REPORT_TO_REVIEW', 'DEPT_REPORT_DECIDED'))`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['notification', 'notification_preference']) {
      await q.query(`DELETE FROM ${table} WHERE kind IN ('DEPT_REPORT_TO_REVIEW', 'DEPT_REPORT_DECIDED')`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_kind_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_kind_check CHECK (kind IN (${NOTIFICATION_KINDS}))`);
    }
    await q.query(`DROP TABLE newsletter_subscription`);
    await q.query(`DROP TABLE dept_project_view_day`);
    await q.query(`DROP TABLE dept_project_photo`);
    await q.query(`DROP TABLE dept_project_report`);
    await q.query(`DROP TABLE dept_project_canton`);
    await q.query(`DROP TABLE dept_project`);
    await q.query(`DROP TABLE programme_axis`);
  }
}
