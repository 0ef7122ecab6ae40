import type { MigrationInterface, QueryRunner } from 'typeorm';

const THEMES = `'VOIRIE', 'BATIMENTS_COMMUNAUX', 'ECOLES_PETITE_ENFANCE', 'EAU_ASSAINISSEMENT', 'ENERGIE_CLIMAT', 'NUMERIQUE',
  'SPORT_LOISIRS', 'CULTURE_PATRIMOINE', 'ENVIRONNEMENT_BIODIVERSITE', 'MOBILITE', 'URBANISME_LOGEMENT', 'SANTE_SOCIAL',
  'SECURITE', 'AUTRE'`;

/**
 * Projects (fiche projet) with their history and documents. Funding lines, milestones and lessons are small
 * ordered lists that only ever change with the fiche: they are kept as jsonb in the project row, validated by the API.
 */
export class Projects1764000000000 implements MigrationInterface {
  name = 'Projects1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commune_insee varchar(5) NOT NULL REFERENCES commune (insee),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 150),
        summary text NOT NULL DEFAULT '',
        description text NOT NULL DEFAULT '',
        objectives text NOT NULL DEFAULT '',
        theme text NOT NULL CHECK (theme IN (${THEMES})),
        status text NOT NULL CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'ABANDONED')),
        progress smallint NOT NULL CHECK (progress BETWEEN 0 AND 100),
        start_date date,
        end_date date,
        project_lead text NOT NULL DEFAULT '',
        partners text NOT NULL DEFAULT '',
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        address text,
        forecast_cost_cents bigint CHECK (forecast_cost_cents >= 0),
        final_cost_cents bigint CHECK (final_cost_cents >= 0),
        funding_lines jsonb NOT NULL DEFAULT '[]',
        milestones jsonb NOT NULL DEFAULT '[]',
        lessons jsonb NOT NULL DEFAULT '{"problems": "", "differently": "", "advice": ""}',
        evaluation text NOT NULL DEFAULT '',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        deleted_at timestamptz,
        deleted_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        search_key text GENERATED ALWAYS AS (public.search_key(title || ' ' || summary)) STORED,
        CONSTRAINT project_dates CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
        CONSTRAINT project_location CHECK ((latitude IS NULL) = (longitude IS NULL))
      )`);
    await q.query(`CREATE INDEX project_commune_idx ON project (commune_insee, updated_at DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX project_search_trgm_idx ON project USING gin (search_key gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE project_history (
        id bigserial PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES project (id),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        action text NOT NULL,
        changes jsonb NOT NULL DEFAULT '[]'
      )`);
    await q.query(`CREATE INDEX project_history_project_idx ON project_history (project_id, at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project (id),
        commune_insee varchar(5) NOT NULL REFERENCES commune (insee),
        kind text NOT NULL CHECK (kind IN ('PHOTO', 'DOCUMENT')),
        filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
        mime_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
        sha256 char(64) NOT NULL,
        storage_key text NOT NULL UNIQUE,
        thumbnail_key text UNIQUE,
        uploaded_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await q.query(`CREATE INDEX document_project_idx ON document (project_id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX document_commune_idx ON document (commune_insee) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document`);
    await q.query(`DROP TABLE project_history`);
    await q.query(`DROP TABLE project`);
  }
}
