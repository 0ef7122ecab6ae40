import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OfficeSpan, ThreadCategory, ThreadState } from '@passerelle/shared/dto';
import type { DataSource, EntityManager } from 'typeorm';
import type { ThreadFact, ThreadHistory } from './thread-fact';

type Db = DataSource | EntityManager;

interface HistoryRow {
  id: string;
  departement_code: string;
  commune_insee: string;
  category: ThreadCategory;
  state: ThreadState;
  created_at: Date;
  first_answer_at: Date | null;
  first_answer_author: string | null;
  changes: { at: string; from: ThreadState | null; to: ThreadState | null }[];
  satisfaction_score: number | null;
  effort_score: number | null;
}

/** A département's settings that the facts depend on. */
export interface FactSettings {
  code: string;
  firstResponseDays: number;
  officeHours: OfficeSpan[];
}

/** How the threads to rebuild are chosen. */
export interface FactSelection {
  departementCode: string | null;
  /** Threads with activity since then; `null`: all of them. */
  since: Date | null;
}

/**
 * The facts' SQL: a thread's history (its changes of state in order and its first public answer of the département,
 * never an internal note) and the writing of `thread_fact` rows.
 */
@Injectable()
export class ThreadFactsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async histories(db: Db, ids: string[]): Promise<ThreadHistory[]> {
    const rows: HistoryRow[] = await db.query(`${HISTORY_SELECT} WHERE t.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toHistory);
  }

  /** The next batch of threads to rebuild, by id after `afterId`. */
  async historyBatch(selection: FactSelection, afterId: string | null, limit: number): Promise<ThreadHistory[]> {
    const rows: HistoryRow[] = await this.db.query(
      `${HISTORY_SELECT}
        WHERE ($1::varchar IS NULL OR t.departement_code = $1)
          AND ($2::timestamptz IS NULL OR t.last_activity_at >= $2 OR t.state = 'WAITING_COMMUNE')
          AND ($3::uuid IS NULL OR t.id > $3)
        ORDER BY t.id
        LIMIT $4`,
      [selection.departementCode, selection.since, afterId, limit],
    );
    return rows.map(toHistory);
  }

  async settings(codes: string[], db: Db = this.db): Promise<FactSettings[]> {
    const rows: { code: string; first_response_days: number; office_hours: OfficeSpan[] }[] = await db.query(
      `SELECT code, first_response_days, office_hours FROM departement WHERE code = ANY($1::varchar[])`,
      [codes],
    );
    return rows.map((row) => ({ code: row.code, firstResponseDays: row.first_response_days, officeHours: row.office_hours }));
  }

  /** Writes the rows, replacing those of the same threads. */
  async upsert(facts: ThreadFact[], at: Date, db: Db = this.db): Promise<void> {
    if (facts.length === 0) {
      return;
    }
    await db.query(
      `INSERT INTO thread_fact (thread_id, departement_code, commune_insee, category, created_at, first_response_at, first_responder_id,
                                first_response_elapsed_ms, first_response_working_ms, within_target, state, closed_at, closed_ats,
                                reopened_ats, resolution_working_ms, waiting_spans, satisfaction_score, effort_score, refreshed_at)
       SELECT f.thread_id, f.departement_code, f.commune_insee, f.category, f.created_at, f.first_response_at, f.first_responder_id,
              f.first_response_elapsed_ms, f.first_response_working_ms, f.within_target, f.state, f.closed_at,
              ARRAY(SELECT jsonb_array_elements_text(f.closed_ats)::timestamptz),
              ARRAY(SELECT jsonb_array_elements_text(f.reopened_ats)::timestamptz),
              f.resolution_working_ms, f.waiting_spans, f.satisfaction_score, f.effort_score, $2
         FROM jsonb_to_recordset($1::jsonb) AS f(
                thread_id uuid, departement_code varchar, commune_insee varchar, category text, created_at timestamptz,
                first_response_at timestamptz, first_responder_id uuid, first_response_elapsed_ms bigint,
                first_response_working_ms bigint, within_target boolean, state text, closed_at timestamptz, closed_ats jsonb,
                reopened_ats jsonb, resolution_working_ms bigint, waiting_spans jsonb, satisfaction_score smallint,
                effort_score smallint)
       ON CONFLICT (thread_id) DO UPDATE SET
         first_response_at = EXCLUDED.first_response_at, first_responder_id = EXCLUDED.first_responder_id,
         first_response_elapsed_ms = EXCLUDED.first_response_elapsed_ms, first_response_working_ms = EXCLUDED.first_response_working_ms,
         within_target = EXCLUDED.within_target, state = EXCLUDED.state, closed_at = EXCLUDED.closed_at,
         closed_ats = EXCLUDED.closed_ats, reopened_ats = EXCLUDED.reopened_ats, resolution_working_ms = EXCLUDED.resolution_working_ms,
         waiting_spans = EXCLUDED.waiting_spans, satisfaction_score = EXCLUDED.satisfaction_score,
         effort_score = EXCLUDED.effort_score, refreshed_at = EXCLUDED.refreshed_at`,
      [JSON.stringify(facts.map(toRecord)), at],
    );
  }

  /**
   * Raises the stamp of these départements, in the transaction of the change: the dashboard's figures kept under
   * the previous stamp are then no longer used. In code order, so that two transactions never wait on each other.
   */
  async touch(codes: string[], db: Db = this.db): Promise<void> {
    if (codes.length === 0) {
      return;
    }
    await db.query(
      `INSERT INTO indicator_stamp (departement_code, version, changed_at)
       SELECT code, 1, now() FROM unnest($1::varchar[]) AS code ORDER BY code
       ON CONFLICT (departement_code) DO UPDATE SET version = indicator_stamp.version + 1, changed_at = now()`,
      [[...new Set(codes)].sort()],
    );
  }

  /** The départements with questions whose facts were never rebuilt, or must be again (their office hours changed). */
  async toRebuild(): Promise<string[]> {
    const rows: { code: string }[] = await this.db.query(
      `SELECT d.code FROM departement d
        WHERE d.indicators_rebuilt_at IS NULL AND EXISTS (SELECT 1 FROM thread t WHERE t.departement_code = d.code) ORDER BY d.code`,
    );
    return rows.map((row) => row.code);
  }

  /** The département's facts are to be rebuilt whole at the next run. */
  async markStale(code: string): Promise<void> {
    await this.db.query(`UPDATE departement SET indicators_rebuilt_at = NULL WHERE code = $1`, [code]);
  }

  async markRebuilt(codes: string[] | null, at: Date): Promise<void> {
    await this.db.query(`UPDATE departement SET indicators_rebuilt_at = $2 WHERE $1::varchar[] IS NULL OR code = ANY($1::varchar[])`, [codes, at]);
  }
}

const HISTORY_SELECT = `
  SELECT t.id, t.departement_code, t.commune_insee, t.category, t.state, t.created_at,
         fa.created_at AS first_answer_at, fa.author_id AS first_answer_author,
         coalesce(ev.changes, '[]'::json) AS changes, t.satisfaction_score, t.effort_score
    FROM thread t
    LEFT JOIN LATERAL (
      SELECT m.created_at, m.author_id FROM thread_message m
       WHERE m.thread_id = t.id AND m.author_side = 'DEPARTEMENT' AND NOT m.internal
       ORDER BY m.created_at, m.id LIMIT 1
    ) fa ON true
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('at', e.at, 'from', e.from_state, 'to', e.to_state) ORDER BY e.at, e.id) AS changes
        FROM thread_event e WHERE e.thread_id = t.id AND e.kind = 'STATE_CHANGED'
    ) ev ON true`;

function toHistory(row: HistoryRow): ThreadHistory {
  return {
    threadId: row.id,
    departementCode: row.departement_code,
    communeInsee: row.commune_insee,
    category: row.category,
    state: row.state,
    createdAt: row.created_at,
    firstAnswer: row.first_answer_at ? { at: row.first_answer_at, authorId: row.first_answer_author } : null,
    changes: row.changes.map((c) => ({ at: new Date(c.at), from: c.from, to: c.to })),
    satisfactionScore: row.satisfaction_score,
    effortScore: row.effort_score,
  };
}

function toRecord(fact: ThreadFact): Record<string, unknown> {
  return {
    thread_id: fact.threadId,
    departement_code: fact.departementCode,
    commune_insee: fact.communeInsee,
    category: fact.category,
    created_at: fact.createdAt.toISOString(),
    first_response_at: fact.firstResponseAt?.toISOString() ?? null,
    first_responder_id: fact.firstResponderId,
    first_response_elapsed_ms: fact.firstResponseElapsedMs,
    first_response_working_ms: fact.firstResponseWorkingMs,
    within_target: fact.withinTarget,
    state: fact.state,
    closed_at: fact.closedAt?.toISOString() ?? null,
    closed_ats: fact.closedAts.map((d) => d.toISOString()),
    reopened_ats: fact.reopenedAts.map((d) => d.toISOString()),
    resolution_working_ms: fact.resolutionWorkingMs,
    waiting_spans: fact.waitingSpans,
    satisfaction_score: fact.satisfactionScore,
    effort_score: fact.effortScore,
  };
}
