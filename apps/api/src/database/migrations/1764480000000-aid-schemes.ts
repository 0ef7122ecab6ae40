import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The subsidy simulator's catalogue and its saved simulations.
 * - `aid_scheme`: one aid (DETR, the département's rural aid…), national to the installation (`departement_code`
 *   NULL) or a département's own; its code names it in every simulation line, so it is unique per owner.
 * - `aid_scheme_version`: the scheme's dated rule (the engine's `AidSchemeVersionRule` fields, as jsonb): a rule
 *   that changes gets a new version rather than an edit, so that a past simulation can still say what it applied.
 * - `aid_scheme_test_case`: a simulation input saved with the scheme's line as computed then (« Tester la règle »).
 * - `simulation`: an input, its result as computed then, and the versions it used (never recomputed).
 */
export class AidSchemes1764480000000 implements MigrationInterface {
  name = 'AidSchemes1764480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE aid_scheme (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        departement_code varchar(3) REFERENCES departement (code) ON DELETE CASCADE,
        code text NOT NULL CHECK (char_length(code) BETWEEN 1 AND 40),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        funder text NOT NULL CHECK (funder IN ('ETAT', 'REGION', 'DEPARTEMENT', 'EUROPE', 'INTERCOMMUNALITE', 'AUTRE')),
        kind text NOT NULL CHECK (kind IN ('GRANT', 'LOAN', 'ENGINEERING', 'OTHER')),
        destination text NOT NULL CHECK (destination IN ('INVESTMENT', 'OPERATION')),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 5000),
        audiences text[] NOT NULL DEFAULT '{}',
        recurrence text NOT NULL DEFAULT '',
        call_for_projects boolean NOT NULL DEFAULT false,
        links jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(links) = 'array'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX aid_scheme_code_key ON aid_scheme ((coalesce(departement_code, '')), code)`);

    await q.query(`
      CREATE TABLE aid_scheme_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scheme_id uuid NOT NULL REFERENCES aid_scheme (id) ON DELETE CASCADE,
        valid_from date NOT NULL,
        valid_to date,
        rule jsonb NOT NULL CHECK (jsonb_typeof(rule) = 'object'),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        CONSTRAINT aid_scheme_version_dates CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await q.query(`CREATE INDEX aid_scheme_version_scheme_idx ON aid_scheme_version (scheme_id, valid_from DESC)`);

    await q.query(`
      CREATE TABLE aid_scheme_test_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scheme_id uuid NOT NULL REFERENCES aid_scheme (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        input jsonb NOT NULL CHECK (jsonb_typeof(input) = 'object'),
        expected jsonb NOT NULL CHECK (jsonb_typeof(expected) = 'object'),
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX aid_scheme_test_case_scheme_idx ON aid_scheme_test_case (scheme_id, created_at)`);

    await q.query(`
      CREATE TABLE simulation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commune_insee varchar(5) NOT NULL REFERENCES commune (insee),
        project_id uuid REFERENCES project (id) ON DELETE SET NULL,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        input jsonb NOT NULL CHECK (jsonb_typeof(input) = 'object'),
        result jsonb NOT NULL CHECK (jsonb_typeof(result) = 'object'),
        version_ids uuid[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX simulation_project_idx ON simulation (project_id, created_at DESC) WHERE project_id IS NOT NULL`);
    await q.query(`CREATE INDEX simulation_commune_idx ON simulation (commune_insee, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE simulation`);
    await q.query(`DROP TABLE aid_scheme_test_case`);
    await q.query(`DROP TABLE aid_scheme_version`);
    await q.query(`DROP TABLE aid_scheme`);
  }
}
