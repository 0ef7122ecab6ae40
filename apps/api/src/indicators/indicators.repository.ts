import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IndicatorGroup, OfficeSpan, ProjectStatus, ProjectTheme, ThreadCategory, ThreadState } from '@passerelle/shared/dto';
import type { DataSource } from 'typeorm';
import { SqlParams } from '../common/sql/sql-params';
import type { TimeSpan } from './office-clock';

/** A period as instants: `[start, end)`. */
export interface Span {
  start: Date;
  end: Date;
}

/** The aggregates of one group (or of the whole département when `key` is null and no group was asked). */
export interface SummaryRow {
  key: string | null;
  questions: number;
  communes: number;
  answered: number;
  fr_working_p50: number | null;
  fr_working_p90: number | null;
  fr_elapsed_p50: number | null;
  fr_elapsed_p90: number | null;
  within_target: number;
  closed: number;
  resolution_p50: number | null;
  resolution_p90: number | null;
  reopened_closed: number;
  satisfaction_count: number;
  satisfaction_average: number | null;
  effort_count: number;
  effort_average: number | null;
  created: number;
}

export interface WaitingRow {
  thread_id: string;
  key: string | null;
  created_at: Date;
  state: ThreadState;
  waiting_spans: TimeSpan[];
}

export interface WeekRow {
  week: string;
  created: number;
  answered: number;
  closed: number;
  reopened: number;
}

export interface GroupSizeRow {
  key: string | null;
  communes: number;
}

export interface DrillRow {
  thread_id: string;
  subject: string;
  commune_insee: string;
  commune_name: string;
  category: ThreadCategory;
  created_at: Date;
  first_response_at: Date | null;
  first_response_working_ms: string | null;
  closed_at: Date | null;
  satisfaction_score: number | null;
  effort_score: number | null;
}

export interface ExportThreadRow {
  thread_id: string;
  commune_insee: string;
  commune_name: string;
  canton_name: string | null;
  category: ThreadCategory;
  created_at: Date;
  first_response_at: Date | null;
  first_response_working_ms: string | null;
  first_response_elapsed_ms: string | null;
  within_target: boolean | null;
  closed_at: Date | null;
  reopened: number;
  resolution_working_ms: string | null;
  satisfaction_score: number | null;
  effort_score: number | null;
  first_responder_id: string | null;
  agent_name: string | null;
}

/** What a breakdown groups by, in SQL over `thread_fact f` joined to its `commune c`. */
interface GroupSql {
  key: string;
  join: string;
}

const POPULATION_BAND_SQL = `CASE WHEN c.population < 500 THEN 'UNDER_500' WHEN c.population < 1000 THEN 'FROM_500_TO_999'
  WHEN c.population < 2000 THEN 'FROM_1000_TO_1999' WHEN c.population < 5000 THEN 'FROM_2000_TO_4999' ELSE 'FROM_5000' END`;

const GROUPS: Record<IndicatorGroup, GroupSql> = {
  canton: { key: 'c.canton_code', join: '' },
  category: { key: 'f.category', join: '' },
  sizeBand: { key: POPULATION_BAND_SQL, join: '' },
  // A question with several labels counts in each; one without any in the group « sans étiquette » (key null).
  label: { key: 'tl.label_id::text', join: 'LEFT JOIN thread_label tl ON tl.thread_id = f.thread_id' },
  agent: { key: 'f.first_responder_id::text', join: '' },
};

/**
 * The indicators' SQL, over `thread_fact`. Percentiles are computed by PostgreSQL over the questions of each cell
 * (`percentile_cont`), never averaged between groups; a group's « autres » is computed from its own questions.
 */
@Injectable()
export class IndicatorsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The département's rules of time, and the stamp of its facts (`'0'` before any change). */
  async settings(
    code: string,
  ): Promise<{ name: string; first_response_days: number; office_hours: OfficeSpan[]; indicators_rebuilt_at: Date | null; stamp: string } | undefined> {
    const rows = await this.db.query(
      `SELECT d.name, d.first_response_days, d.office_hours, d.indicators_rebuilt_at, coalesce(s.version, 0)::text AS stamp
         FROM departement d LEFT JOIN indicator_stamp s ON s.departement_code = d.code WHERE d.code = $1`,
      [code],
    );
    return rows[0];
  }

  /**
   * The figures of the period, for the whole département (`group` null) or per group. `merged` keys count in the
   * group « autres » (key null); `onlyKey` keeps one group (an agent reads their own row only).
   */
  async summaries(code: string, span: Span, group: IndicatorGroup | null, merged: string[] = [], onlyKey: string | null = null): Promise<SummaryRow[]> {
    const params = new SqlParams();
    const facts = periodFacts(params, code, span, group, merged, onlyKey);
    const start = params.add(span.start);
    const end = params.add(span.end);
    const answered = `first_response_at >= ${start} AND first_response_at < ${end}`;
    const closed = `closed_at >= ${start} AND closed_at < ${end}`;
    const created = `created_at >= ${start} AND created_at < ${end}`;
    return (
      await this.db.query(
        `WITH f AS (${facts})
         SELECT key, count(*)::int AS questions, count(DISTINCT commune_insee)::int AS communes,
                count(*) FILTER (WHERE ${answered})::int AS answered,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response_working_ms) FILTER (WHERE ${answered}) AS fr_working_p50,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY first_response_working_ms) FILTER (WHERE ${answered}) AS fr_working_p90,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response_elapsed_ms) FILTER (WHERE ${answered}) AS fr_elapsed_p50,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY first_response_elapsed_ms) FILTER (WHERE ${answered}) AS fr_elapsed_p90,
                count(*) FILTER (WHERE ${answered} AND within_target)::int AS within_target,
                count(*) FILTER (WHERE ${closed})::int AS closed,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY resolution_working_ms) FILTER (WHERE ${closed}) AS resolution_p50,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY resolution_working_ms) FILTER (WHERE ${closed}) AS resolution_p90,
                count(*) FILTER (WHERE ${closed} AND cardinality(reopened_ats) > 0)::int AS reopened_closed,
                count(satisfaction_score) FILTER (WHERE ${closed})::int AS satisfaction_count,
                avg(satisfaction_score) FILTER (WHERE ${closed})::float AS satisfaction_average,
                count(effort_score) FILTER (WHERE ${closed})::int AS effort_count,
                avg(effort_score) FILTER (WHERE ${closed})::float AS effort_average,
                count(*) FILTER (WHERE ${created})::int AS created
           FROM f GROUP BY key ORDER BY key NULLS LAST`,
        params.values,
      )
    ).map(numeric);
  }

  /** How many questions of the period each group has: what decides the small cells, without computing the rest. */
  async groupCounts(code: string, span: Span, group: IndicatorGroup): Promise<{ key: string | null; questions: number }[]> {
    const params = new SqlParams();
    const facts = periodFacts(params, code, span, group, [], null);
    return this.db.query(`WITH f AS (${facts}) SELECT key, count(*)::int AS questions FROM f GROUP BY key`, params.values);
  }

  /** How many of the département's communes each group has (cantons and size bands), for the small cells. */
  async groupSizes(code: string, group: 'canton' | 'sizeBand'): Promise<GroupSizeRow[]> {
    return this.db.query(
      `SELECT ${GROUPS[group].key} AS key, count(*)::int AS communes FROM commune c WHERE c.departement_code = $1 GROUP BY 1`,
      [code],
    );
  }

  /** The questions still waiting for their first answer, with what their age is computed from. */
  async waiting(code: string, group: IndicatorGroup | null): Promise<WaitingRow[]> {
    const sql = group ? GROUPS[group] : { key: 'NULL::text', join: '' };
    return this.db.query(
      `SELECT f.thread_id, ${sql.key} AS key, f.created_at, f.state, f.waiting_spans
         FROM thread_fact f JOIN commune c ON c.insee = f.commune_insee ${sql.join}
        WHERE f.departement_code = $1 AND f.first_response_at IS NULL AND f.state <> 'CLOSED'`,
      [code],
    );
  }

  /**
   * Volumes per week (Monday, Paris): created, first answered, closed, reopened. A question never reopened was closed
   * once at most, at its `closed_at` (a closed question leaves that state only by a reopening), which its index finds;
   * only the few reopened ones have their closings and reopenings unnested.
   */
  async weeks(code: string, span: Span): Promise<WeekRow[]> {
    return this.db.query(
      `WITH events AS (
         SELECT created_at AS at, 'created' AS kind FROM thread_fact WHERE departement_code = $1 AND created_at >= $2 AND created_at < $3
         UNION ALL
         SELECT first_response_at, 'answered' FROM thread_fact WHERE departement_code = $1 AND first_response_at >= $2 AND first_response_at < $3
         UNION ALL
         SELECT closed_at, 'closed' FROM thread_fact
          WHERE departement_code = $1 AND closed_at >= $2 AND closed_at < $3 AND cardinality(reopened_ats) = 0
         UNION ALL
         SELECT e.at, e.kind FROM thread_fact,
                LATERAL (SELECT x AS at, 'closed' AS kind FROM unnest(closed_ats) x UNION ALL SELECT x, 'reopened' FROM unnest(reopened_ats) x) e
          WHERE departement_code = $1 AND cardinality(reopened_ats) > 0 AND e.at >= $2 AND e.at < $3
       )
       SELECT to_char(date_trunc('week', at AT TIME ZONE 'Europe/Paris'), 'YYYY-MM-DD') AS week,
              count(*) FILTER (WHERE kind = 'created')::int AS created, count(*) FILTER (WHERE kind = 'answered')::int AS answered,
              count(*) FILTER (WHERE kind = 'closed')::int AS closed, count(*) FILTER (WHERE kind = 'reopened')::int AS reopened
         FROM events GROUP BY 1 ORDER BY 1`,
      [code, span.start, span.end],
    );
  }

  async projectsByStatus(code: string): Promise<{ key: ProjectStatus; count: number }[]> {
    return this.db.query(
      `SELECT p.status AS key, count(*)::int AS count FROM project p JOIN commune c ON c.insee = p.commune_insee
        WHERE c.departement_code = $1 AND p.deleted_at IS NULL GROUP BY 1 ORDER BY 1`,
      [code],
    );
  }

  async projectsByTheme(code: string): Promise<{ key: ProjectTheme; count: number }[]> {
    return this.db.query(
      `SELECT p.theme AS key, count(*)::int AS count FROM project p JOIN commune c ON c.insee = p.commune_insee
        WHERE c.departement_code = $1 AND p.deleted_at IS NULL GROUP BY 1 ORDER BY 2 DESC, 1`,
      [code],
    );
  }

  async projectsByCanton(code: string): Promise<{ canton_code: string | null; canton_name: string | null; count: number }[]> {
    return this.db.query(
      `SELECT c.canton_code, k.name AS canton_name, count(*)::int AS count
         FROM project p JOIN commune c ON c.insee = p.commune_insee LEFT JOIN canton k ON k.code = c.canton_code
        WHERE c.departement_code = $1 AND p.deleted_at IS NULL GROUP BY 1, 2 ORDER BY 3 DESC, 2`,
      [code],
    );
  }

  /** Projects published now, and the consultations of the département's projects during the period. */
  async publications(code: string, span: Span): Promise<{ published: number; views: number }> {
    const [row] = await this.db.query(
      `SELECT (SELECT count(*)::int FROM project_publication WHERE departement_code = $1) AS published,
              (SELECT coalesce(sum(v.count), 0)::int FROM project_view_day v JOIN project_publication pp ON pp.project_id = v.project_id
                WHERE pp.departement_code = $1 AND v.day >= ($2::timestamptz AT TIME ZONE 'Europe/Paris')::date
                  AND v.day < ($3::timestamptz AT TIME ZONE 'Europe/Paris')::date) AS views`,
      [code, span.start, span.end],
    );
    return row;
  }

  /** Names of cantons, labels and agents for the groups' keys. */
  async groupLabels(code: string, group: IndicatorGroup, keys: string[]): Promise<Map<string, string>> {
    const sql: Partial<Record<IndicatorGroup, string>> = {
      canton: `SELECT code AS key, name FROM canton WHERE departement_code = $1 AND code = ANY($2::text[])`,
      label: `SELECT id::text AS key, name FROM label WHERE departement_code = $1 AND id::text = ANY($2::text[])`,
      agent: `SELECT id::text AS key, display_name AS name FROM app_user WHERE departement_code = $1 AND id::text = ANY($2::text[])`,
    };
    const query = sql[group];
    if (!query || keys.length === 0) {
      return new Map();
    }
    const rows: { key: string; name: string }[] = await this.db.query(query, [code, keys]);
    return new Map(rows.map((r) => [r.key, r.name]));
  }

  /**
   * The questions of the period (asked, first answered or closed in it), by creation then id after `after`; with
   * `responderId`, only those this agent answered first.
   */
  async exportThreads(code: string, span: Span, after: { createdAt: Date; id: string } | null, limit: number, responderId: string | null): Promise<ExportThreadRow[]> {
    return this.db.query(
      `SELECT f.thread_id, f.commune_insee, c.name AS commune_name, k.name AS canton_name, f.category, f.created_at, f.first_response_at,
              f.first_response_working_ms, f.first_response_elapsed_ms, f.within_target, f.closed_at,
              cardinality(f.reopened_ats) AS reopened, f.resolution_working_ms, f.satisfaction_score, f.effort_score,
              f.first_responder_id, u.display_name AS agent_name
         FROM thread_fact f JOIN commune c ON c.insee = f.commune_insee LEFT JOIN canton k ON k.code = c.canton_code
         LEFT JOIN app_user u ON u.id = f.first_responder_id
        WHERE f.departement_code = $1
          AND ((f.first_response_at >= $2 AND f.first_response_at < $3) OR (f.closed_at >= $2 AND f.closed_at < $3)
            OR (f.created_at >= $2 AND f.created_at < $3))
          AND ($4::timestamptz IS NULL OR (f.created_at, f.thread_id) > ($4::timestamptz, $5::uuid))
          AND ($7::uuid IS NULL OR f.first_responder_id = $7)
        ORDER BY f.created_at, f.thread_id
        LIMIT $6`,
      [code, span.start, span.end, after?.createdAt ?? null, after?.id ?? null, limit, responderId],
    );
  }

  /** The questions behind a figure, newest first (at most `limit`). */
  async drill(code: string, span: Span, figure: string, limit: number): Promise<DrillRow[]> {
    const where: Record<string, string> = {
      firstResponse: `f.first_response_at >= $2 AND f.first_response_at < $3`,
      withinTarget: `f.first_response_at >= $2 AND f.first_response_at < $3 AND f.within_target`,
      late: `f.first_response_at >= $2 AND f.first_response_at < $3 AND NOT f.within_target`,
      backlog: `f.first_response_at IS NULL AND f.state <> 'CLOSED' AND $2::timestamptz IS NOT NULL AND $3::timestamptz IS NOT NULL`,
      reopened: `f.closed_at >= $2 AND f.closed_at < $3 AND cardinality(f.reopened_ats) > 0`,
      closed: `f.closed_at >= $2 AND f.closed_at < $3`,
      created: `f.created_at >= $2 AND f.created_at < $3`,
      satisfaction: `f.closed_at >= $2 AND f.closed_at < $3 AND f.satisfaction_score IS NOT NULL`,
      effort: `f.closed_at >= $2 AND f.closed_at < $3 AND f.effort_score IS NOT NULL`,
    };
    return this.db.query(
      `SELECT f.thread_id, t.subject, f.commune_insee, c.name AS commune_name, f.category, f.created_at, f.first_response_at,
              f.first_response_working_ms, f.closed_at, f.satisfaction_score, f.effort_score
         FROM thread_fact f JOIN thread t ON t.id = f.thread_id JOIN commune c ON c.insee = f.commune_insee
        WHERE f.departement_code = $1 AND ${where[figure]}
        ORDER BY f.created_at DESC LIMIT $4`,
      [code, span.start, span.end, limit],
    );
  }
}

/**
 * The facts of the questions the period concerns (asked, first answered or closed in it), each with its group's
 * key. The commune is joined among the département's own (a question's commune is always in its département): the
 * join then reads its communes (183 for Val-d'Oise), not the 35,000 of France.
 */
function periodFacts(params: SqlParams, code: string, span: Span, group: IndicatorGroup | null, merged: string[], onlyKey: string | null): string {
  const dep = params.add(code);
  const start = params.add(span.start);
  const end = params.add(span.end);
  const sql = group ? GROUPS[group] : { key: 'NULL::text', join: '' };
  const key = `CASE WHEN (${sql.key}) = ${params.any(merged, 'text[]')} THEN NULL ELSE (${sql.key}) END`;
  const only = onlyKey === null ? '' : `AND (${sql.key}) = ${params.add(onlyKey)}`;
  return `SELECT f.*, ${key} AS key
            FROM thread_fact f JOIN commune c ON c.insee = f.commune_insee AND c.departement_code = f.departement_code ${sql.join}
           WHERE f.departement_code = ${dep} ${only}
             AND ((f.first_response_at >= ${start} AND f.first_response_at < ${end}) OR (f.closed_at >= ${start} AND f.closed_at < ${end})
               OR (f.created_at >= ${start} AND f.created_at < ${end}))`;
}

/** PostgreSQL answers `percentile_cont` as a double: kept as numbers, rounded to the millisecond. */
function numeric(row: SummaryRow): SummaryRow {
  const round = (v: number | null) => (v === null ? null : Math.round(Number(v)));
  return {
    ...row,
    fr_working_p50: round(row.fr_working_p50),
    fr_working_p90: round(row.fr_working_p90),
    fr_elapsed_p50: round(row.fr_elapsed_p50),
    fr_elapsed_p90: round(row.fr_elapsed_p90),
    resolution_p50: round(row.resolution_p50),
    resolution_p90: round(row.resolution_p90),
  };
}
