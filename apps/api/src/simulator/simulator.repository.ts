import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { changedRows } from '../database/changed-rows';
import type {
  AidDestination,
  AidKind,
  AidSchemeLink,
  AidSchemeRuleFields,
  AidSchemeTestExpectation,
  Funder,
  ProjectTheme,
  SimulationInput,
  SimulationResult,
  TypicalRate,
} from '@passerelle/shared/dto';
import type { AuthUser } from '../common/access/auth-user';
import { communeVisibleTo } from '../common/access/tenancy';
import { SqlParams } from '../common/sql/sql-params';

export interface AidSchemeRow {
  id: string;
  departement_code: string | null;
  code: string;
  name: string;
  funder: Funder;
  kind: AidKind;
  destination: AidDestination;
  description: string;
  audiences: string[];
  recurrence: string;
  call_for_projects: boolean;
  links: AidSchemeLink[];
  version: number;
  updated_at: Date;
}

export interface AidSchemeVersionRow {
  id: string;
  scheme_id: string;
  valid_from: string;
  valid_to: string | null;
  rule: AidSchemeRuleFields;
  created_at: Date;
}

/** What the engine reads of a scheme, beside its version's rule. */
export type SchemeIdentity = Pick<AidSchemeRow, 'id' | 'departement_code' | 'code' | 'name' | 'funder' | 'kind' | 'destination'>;

/** A version with its scheme's identity. */
export type SchemeVersionRow = AidSchemeVersionRow & { scheme: SchemeIdentity };

export interface AidSchemeTestCaseRow {
  id: string;
  scheme_id: string;
  name: string;
  input: SimulationInput;
  expected: AidSchemeTestExpectation;
  created_at: Date;
}

export interface CommuneRow {
  insee: string;
  departement_code: string;
  population: number;
}

export interface SimulationRow {
  id: string;
  commune_insee: string;
  project_id: string | null;
  created_at: Date;
  created_by_name: string | null;
  input: SimulationInput;
  result: SimulationResult;
  version_ids: string[];
}

/** The descriptive columns of a scheme, as written by the API or the demo seeder. */
export interface AidSchemeFields {
  code: string;
  name: string;
  funder: Funder;
  kind: AidKind;
  destination: AidDestination;
  description: string;
  audiences: string[];
  recurrence: string;
  callForProjects: boolean;
  links: AidSchemeLink[];
}

const SCHEME_COLUMNS = `s.id, s.departement_code, s.code, s.name, s.funder, s.kind, s.destination, s.description, s.audiences,
  s.recurrence, s.call_for_projects, s.links, s.version, s.updated_at`;

const VERSION_COLUMNS = `v.id, v.scheme_id, to_char(v.valid_from, 'YYYY-MM-DD') AS valid_from,
  to_char(v.valid_to, 'YYYY-MM-DD') AS valid_to, v.rule, v.created_at`;

/** The schemes a département sees: the national ones of the installation and its own (alias `s`). */
function schemeVisibleTo(departementCode: string, params: SqlParams): string {
  return `(s.departement_code IS NULL OR s.departement_code = ${params.add(departementCode)})`;
}

type Db = DataSource | EntityManager;

const SIMULATION_SELECT = `SELECT s.id, s.commune_insee, s.project_id, s.created_at, u.display_name AS created_by_name, s.input, s.result,
              s.version_ids::text[] AS version_ids
         FROM simulation s LEFT JOIN app_user u ON u.id = s.created_by`;

/** The simulator's SQL: the catalogue (national and per département), its test cases, the saved simulations. */
@Injectable()
export class SimulatorRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The national schemes and the département's, national first then by code. */
  listSchemes(departementCode: string): Promise<AidSchemeRow[]> {
    const params = new SqlParams();
    return this.db.query(
      `SELECT ${SCHEME_COLUMNS} FROM aid_scheme s WHERE ${schemeVisibleTo(departementCode, params)}
        ORDER BY s.departement_code NULLS FIRST, s.code`,
      params.values,
    );
  }

  /** A scheme the département sees; `lock` holds it for the transaction's change. */
  async findScheme(db: Db, departementCode: string, id: string, lock = false): Promise<AidSchemeRow | undefined> {
    const params = new SqlParams();
    const rows: AidSchemeRow[] = await db.query(
      `SELECT ${SCHEME_COLUMNS} FROM aid_scheme s WHERE s.id = ${params.add(id)} AND ${schemeVisibleTo(departementCode, params)}
        ${lock ? 'FOR UPDATE' : ''}`,
      params.values,
    );
    return rows[0];
  }

  /** The versions of these schemes, newest first. */
  versionsOf(db: Db, schemeIds: readonly string[]): Promise<AidSchemeVersionRow[]> {
    const params = new SqlParams();
    return db.query(
      `SELECT ${VERSION_COLUMNS} FROM aid_scheme_version v WHERE v.scheme_id = ${params.any(schemeIds, 'uuid[]')}
        ORDER BY v.scheme_id, v.valid_from DESC, v.created_at DESC`,
      params.values,
    );
  }

  /**
   * The versions in force on `date` of the schemes a département sees (`departementCode` null: the national ones
   * only), each with its scheme.
   */
  async versionsInForce(db: Db, departementCode: string | null, date: string): Promise<SchemeVersionRow[]> {
    const params = new SqlParams();
    const rows: SchemeVersionRow[] = await db.query(
      `SELECT ${VERSION_COLUMNS},
              jsonb_build_object('id', s.id, 'departement_code', s.departement_code, 'code', s.code, 'name', s.name,
                                 'funder', s.funder, 'kind', s.kind, 'destination', s.destination) AS scheme
         FROM aid_scheme_version v JOIN aid_scheme s ON s.id = v.scheme_id
        WHERE (s.departement_code IS NULL OR s.departement_code = ${params.add(departementCode)})
          AND v.valid_from <= ${params.add(date)}::date AND (v.valid_to IS NULL OR v.valid_to >= ${params.add(date)}::date)
        ORDER BY s.departement_code NULLS FIRST, s.code`,
      params.values,
    );
    return rows;
  }

  /** Whether another scheme the département would see together with this one already has the code. */
  /**
   * Whether another scheme a simulation could meet with it already has the code (case aside): a national one or the
   * département's; for a national scheme (`departementCode` null), any scheme of any département.
   */
  async codeTaken(db: Db, departementCode: string | null, code: string, exceptId: string | null): Promise<boolean> {
    const params = new SqlParams();
    const rows: unknown[] = await db.query(
      `SELECT 1 FROM aid_scheme s
        WHERE lower(s.code) = lower(${params.add(code)}) AND ${departementCode === null ? 'TRUE' : schemeVisibleTo(departementCode, params)}
          AND (${params.add(exceptId)}::uuid IS NULL OR s.id <> ${params.add(exceptId)}::uuid)
        LIMIT 1`,
      params.values,
    );
    return rows.length > 0;
  }

  async insertScheme(db: Db, departementCode: string | null, fields: AidSchemeFields): Promise<string> {
    const params = new SqlParams();
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO aid_scheme (departement_code, code, name, funder, kind, destination, description, audiences, recurrence,
                               call_for_projects, links)
       VALUES (${params.add(departementCode)}, ${params.add(fields.code)}, ${params.add(fields.name)}, ${params.add(fields.funder)},
               ${params.add(fields.kind)}, ${params.add(fields.destination)}, ${params.add(fields.description)},
               ${params.add(fields.audiences)}::text[], ${params.add(fields.recurrence)}, ${params.add(fields.callForProjects)},
               ${params.add(JSON.stringify(fields.links))}::jsonb)
       RETURNING id`,
      params.values,
    );
    return row.id;
  }

  /** Saves new descriptive fields on the version read; false when someone changed the scheme meanwhile. */
  async updateScheme(db: Db, id: string, version: number, fields: AidSchemeFields, at: Date): Promise<boolean> {
    const params = new SqlParams();
    const rows = await changedRows(
      db,
      `UPDATE aid_scheme SET code = ${params.add(fields.code)}, name = ${params.add(fields.name)}, funder = ${params.add(fields.funder)},
              kind = ${params.add(fields.kind)}, destination = ${params.add(fields.destination)},
              description = ${params.add(fields.description)}, audiences = ${params.add(fields.audiences)}::text[],
              recurrence = ${params.add(fields.recurrence)}, call_for_projects = ${params.add(fields.callForProjects)},
              links = ${params.add(JSON.stringify(fields.links))}::jsonb, updated_at = ${params.add(at)}, version = version + 1
        WHERE id = ${params.add(id)} AND version = ${params.add(version)}
        RETURNING id`,
      params.values,
    );
    return rows.length > 0;
  }

  async insertVersion(
    db: Db,
    schemeId: string,
    version: { validFrom: string; validTo: string | null; rule: AidSchemeRuleFields },
    createdBy: string | null,
  ): Promise<string> {
    const params = new SqlParams();
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO aid_scheme_version (scheme_id, valid_from, valid_to, rule, created_by)
       VALUES (${params.add(schemeId)}, ${params.add(version.validFrom)}::date, ${params.add(version.validTo)}::date,
               ${params.add(JSON.stringify(version.rule))}::jsonb, ${params.add(createdBy)})
       RETURNING id`,
      params.values,
    );
    return row.id;
  }

  /** Ends the day before `validFrom` the versions still running then: a new version takes over from that day. */
  async endVersionsBefore(db: Db, schemeId: string, validFrom: string): Promise<void> {
    const params = new SqlParams();
    const from = params.add(validFrom);
    await db.query(
      `UPDATE aid_scheme_version SET valid_to = ${from}::date - 1
        WHERE scheme_id = ${params.add(schemeId)} AND valid_from < ${from}::date AND (valid_to IS NULL OR valid_to >= ${from}::date)`,
      params.values,
    );
  }

  testCasesOf(db: Db, schemeId: string): Promise<AidSchemeTestCaseRow[]> {
    return db.query(
      `SELECT id, scheme_id, name, input, expected, created_at FROM aid_scheme_test_case WHERE scheme_id = $1 ORDER BY created_at, id`,
      [schemeId],
    );
  }

  async updateTestCaseExpectation(db: Db, id: string, expected: AidSchemeTestExpectation): Promise<void> {
    await db.query(`UPDATE aid_scheme_test_case SET expected = $2::jsonb WHERE id = $1`, [id, JSON.stringify(expected)]);
  }

  async insertTestCase(
    db: Db,
    schemeId: string,
    name: string,
    input: SimulationInput,
    expected: AidSchemeTestExpectation,
    createdBy: string,
  ): Promise<AidSchemeTestCaseRow> {
    const params = new SqlParams();
    const [row]: AidSchemeTestCaseRow[] = await db.query(
      `INSERT INTO aid_scheme_test_case (scheme_id, name, input, expected, created_by)
       VALUES (${params.add(schemeId)}, ${params.add(name)}, ${params.add(JSON.stringify(input))}::jsonb,
               ${params.add(JSON.stringify(expected))}::jsonb, ${params.add(createdBy)})
       RETURNING id, scheme_id, name, input, expected, created_at`,
      params.values,
    );
    return row;
  }

  async findCommune(insee: string): Promise<CommuneRow | undefined> {
    const rows: CommuneRow[] = await this.db.query(`SELECT insee, departement_code, population FROM commune WHERE insee = $1`, [insee]);
    return rows[0];
  }

  /** Whether the project exists, is not deleted and belongs to the commune. */
  async projectOfCommune(projectId: string, insee: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM project WHERE id = $1 AND commune_insee = $2 AND deleted_at IS NULL`,
      [projectId, insee],
    );
    return rows.length > 0;
  }

  /** A project the user may see (its commune's members, its département's staff), not deleted. */
  async visibleProject(user: AuthUser, id: string): Promise<{ id: string; commune_insee: string } | undefined> {
    const params = new SqlParams();
    const rows: { id: string; commune_insee: string }[] = await this.db.query(
      `SELECT p.id, p.commune_insee FROM project p JOIN commune c ON c.insee = p.commune_insee
        WHERE p.id = ${params.add(id)} AND p.deleted_at IS NULL AND ${communeVisibleTo('c', user, params)}`,
      params.values,
    );
    return rows[0];
  }

  /**
   * The rates granted in the département's past projects of a theme, per scheme: the amount obtained over the
   * project's cost (final, else forecast), for the funding lines obtained or paid whose scheme names a scheme's
   * code; and the DETR / DSIL grants of the State's open data imported by the département, grant over cost HT, the
   * dotation matched to the scheme's code like a funding line's. Quartiles in basis points over both together; the
   * engine hides them under `TYPICAL_RATE_MIN_COUNT` cases.
   */
  async typicalRates(departementCode: string, theme: ProjectTheme): Promise<TypicalRate[]> {
    const params = new SqlParams();
    const departement = params.add(departementCode);
    const projectTheme = params.add(theme);
    const rows: { scheme_id: string; count: number; p25: number; p50: number; p75: number }[] = await this.db.query(
      `WITH granted AS (
         SELECT lower(btrim(l->>'scheme')) AS code,
                (l->>'amountObtainedCents')::numeric * 10000 / coalesce(p.final_cost_cents, p.forecast_cost_cents) AS bp
           FROM project p
           JOIN commune c ON c.insee = p.commune_insee
          CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(p.funding_lines) = 'array' THEN p.funding_lines ELSE '[]' END) l
          WHERE c.departement_code = ${departement} AND p.deleted_at IS NULL AND p.theme = ${projectTheme}
            AND l->>'state' IN ('OBTAINED', 'PAID') AND jsonb_typeof(l->'amountObtainedCents') = 'number'
            AND jsonb_typeof(l->'scheme') = 'string'
            AND coalesce(p.final_cost_cents, p.forecast_cost_cents) > 0
         UNION ALL
         -- An imported grant whose label matched no theme has a NULL theme: it counts for none.
         SELECT lower(r.scheme), r.grant_cents::numeric * 10000 / r.cost_ht_cents
           FROM aid_grant_record r
          WHERE r.departement_code = ${departement} AND r.theme = ${projectTheme}
       )
       SELECT s.id AS scheme_id, count(*)::int AS count,
              round(percentile_cont(0.25) WITHIN GROUP (ORDER BY g.bp))::int AS p25,
              round(percentile_cont(0.5) WITHIN GROUP (ORDER BY g.bp))::int AS p50,
              round(percentile_cont(0.75) WITHIN GROUP (ORDER BY g.bp))::int AS p75
         FROM granted g
         JOIN aid_scheme s ON lower(s.code) = g.code AND (s.departement_code IS NULL OR s.departement_code = ${departement})
        WHERE g.bp BETWEEN 0 AND 10000
        GROUP BY s.id`,
      params.values,
    );
    return rows.map((row) => ({ schemeId: row.scheme_id, count: row.count, p25Bp: row.p25, p50Bp: row.p50, p75Bp: row.p75 }));
  }

  async insertSimulation(
    simulation: { communeInsee: string; projectId: string | null; createdBy: string; input: SimulationInput; result: SimulationResult; versionIds: string[] },
  ): Promise<string> {
    const params = new SqlParams();
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO simulation (commune_insee, project_id, created_by, input, result, version_ids)
       VALUES (${params.add(simulation.communeInsee)}, ${params.add(simulation.projectId)}, ${params.add(simulation.createdBy)},
               ${params.add(JSON.stringify(simulation.input))}::jsonb, ${params.add(JSON.stringify(simulation.result))}::jsonb,
               ${params.add(simulation.versionIds)}::uuid[])
       RETURNING id`,
      params.values,
    );
    return row.id;
  }

  /** One saved simulation of the project (`undefined` for another project's). */
  async simulationOfProject(id: string, projectId: string): Promise<SimulationRow | undefined> {
    const rows: SimulationRow[] = await this.db.query(
      `${SIMULATION_SELECT}
        WHERE s.id = $1 AND s.project_id = $2`,
      [id, projectId],
    );
    return rows[0];
  }

  /** A project's saved simulations, newest first (bounded: a project has a handful). */
  simulationsOfProject(projectId: string, limit: number): Promise<SimulationRow[]> {
    return this.db.query(
      `${SIMULATION_SELECT}
        WHERE s.project_id = $1
        ORDER BY s.created_at DESC, s.id DESC
        LIMIT $2`,
      [projectId, limit],
    );
  }
}
