import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The project themes as `project.theme` stores them (copied: a migration does not follow later code). */
const THEMES = `'VOIRIE', 'BATIMENTS_COMMUNAUX', 'ECOLES_PETITE_ENFANCE', 'EAU_ASSAINISSEMENT', 'ENERGIE_CLIMAT', 'NUMERIQUE',
  'SPORT_LOISIRS', 'CULTURE_PATRIMOINE', 'ENVIRONNEMENT_BIODIVERSITE', 'MOBILITE', 'URBANISME_LOGEMENT', 'SANTE_SOCIAL',
  'SECURITE', 'AUTRE'`;

/**
 * The State's open-data files of DETR / DSIL grants, imported by a département's admins to feed the typical rates.
 * - `aid_grant_import`: one file as imported (its counts and first rejected lines, shown to the admins).
 * - `aid_grant_record`: a kept line, the département's own only. `theme` is guessed from the project's label
 *   (NULL when nothing matched: such a line counts for no theme). Importing a scheme's year again replaces its
 *   lines, so `(departement_code, scheme, year)` is indexed; the typical rates read `(departement_code, theme)`.
 */
export class AidGrantImports1764490000000 implements MigrationInterface {
  name = 'AidGrantImports1764490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE aid_grant_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        departement_code varchar(3) NOT NULL REFERENCES departement (code) ON DELETE CASCADE,
        scheme text NOT NULL CHECK (scheme IN ('DETR', 'DSIL')),
        file_name text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 255),
        years integer[] NOT NULL DEFAULT '{}',
        kept_count integer NOT NULL CHECK (kept_count >= 0),
        other_departement_count integer NOT NULL CHECK (other_departement_count >= 0),
        rejected_count integer NOT NULL CHECK (rejected_count >= 0),
        rejected jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(rejected) = 'array'),
        imported_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        imported_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX aid_grant_import_departement_idx ON aid_grant_import (departement_code, imported_at DESC)`);

    await q.query(`
      CREATE TABLE aid_grant_record (
        id bigserial PRIMARY KEY,
        import_id uuid NOT NULL REFERENCES aid_grant_import (id) ON DELETE CASCADE,
        departement_code varchar(3) NOT NULL REFERENCES departement (code) ON DELETE CASCADE,
        scheme text NOT NULL CHECK (scheme IN ('DETR', 'DSIL')),
        year integer NOT NULL CHECK (year BETWEEN 1990 AND 2200),
        project_label text NOT NULL CHECK (char_length(project_label) BETWEEN 1 AND 500),
        beneficiary text NOT NULL DEFAULT '' CHECK (char_length(beneficiary) <= 200),
        cost_ht_cents bigint NOT NULL CHECK (cost_ht_cents > 0),
        grant_cents bigint NOT NULL CHECK (grant_cents >= 0),
        theme text CHECK (theme IN (${THEMES})),
        CONSTRAINT aid_grant_record_grant_within_cost CHECK (grant_cents <= cost_ht_cents)
      )`);
    await q.query(`CREATE INDEX aid_grant_record_import_idx ON aid_grant_record (import_id)`);
    await q.query(`CREATE INDEX aid_grant_record_year_idx ON aid_grant_record (departement_code, scheme, year)`);
    await q.query(
      `CREATE INDEX aid_grant_record_rates_idx ON aid_grant_record (departement_code, theme) INCLUDE (scheme, grant_cents, cost_ht_cents)
        WHERE theme IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE aid_grant_record`);
    await q.query(`DROP TABLE aid_grant_import`);
  }
}
