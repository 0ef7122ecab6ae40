import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { RetentionRuleResult, RetentionTrigger } from '@passerelle/shared/dto';
import { SqlParams } from '../../common/sql/sql-params';
import { changedRows } from '../../database/changed-rows';

export interface RetentionRunRow {
  id: string;
  started_at: Date;
  finished_at: Date | null;
  dry_run: boolean;
  trigger: RetentionTrigger;
  results: RetentionRuleResult[];
  error: string | null;
}

const RUN_COLUMNS = 'id, started_at, finished_at, dry_run, trigger, results, error';

/**
 * Rows forgotten whole once they are old enough: `due` is the predicate, given the placeholder of the cutoff.
 * Internal texts only; the cutoff travels as a parameter.
 */
interface Purge {
  table: string;
  key: string;
  due: (cutoff: string) => string;
}

export const PURGES = {
  auditEvents: { table: 'audit_event', key: 'id', due: (c) => `at < ${c}` },
  notifications: { table: 'notification', key: 'id', due: (c) => `created_at < ${c}` },
  // Their refresh tokens go with them (ON DELETE CASCADE).
  sessions: { table: 'user_session', key: 'id', due: (c) => `(expires_at < ${c} OR revoked_at < ${c})` },
  passwordResets: { table: 'password_reset', key: 'token_hash', due: (c) => `(expires_at < ${c} OR used_at < ${c} OR revoked_at < ${c})` },
  // An accepted invitation stays: it is the record of who invited the account.
  invitations: { table: 'invitation', key: 'id', due: (c) => `accepted_at IS NULL AND (expires_at < ${c} OR revoked_at < ${c})` },
} satisfies Record<string, Purge>;
export type PurgeName = keyof typeof PURGES;

/**
 * The steps of an inactive account, from the last one back, so that one run moves an account by one step at most
 * (and a dry run counts what the real run then does): deletion once warned twice, the due date reached and a week
 * after the second warning; the second warning 7 days before the due date and a week after the first; the first
 * warning 30 days before.
 */
export const INACTIVE_STEPS = ['DELETE', 'SECOND_WARNING', 'FIRST_WARNING'] as const;
export type InactiveStep = (typeof INACTIVE_STEPS)[number];

/** What the job reads of an account it warns. */
export interface WarnedAccountRow {
  id: string;
  email: string;
  display_name: string;
  state: 'ACTIVE' | 'DISABLED';
  /** The last sign-in, or the creation when there was none: the inactivity counts from it. */
  reference: Date;
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/**
 * Which accounts are due for a step, `now` and `days` (the inactivity period) bound in `params`. The limits are
 * worked out here in milliseconds, so that a week is 7 × 24 hours whatever the session's time zone.
 */
function inactiveAccounts(step: InactiveStep, params: SqlParams, now: Date, days: number): string {
  const inactiveSince = (daysBeforeDue: number) => params.add(new Date(now.getTime() - (days - daysBeforeDue) * DAY_MS));
  const reference = 'coalesce(u.last_sign_in_at, u.created_at)';
  // Deleted accounts are done; an explicit request is carried out by ACCOUNT_DELETIONS, after its own grace period.
  const kept = 'u.deleted_at IS NULL AND u.deletion_requested_at IS NULL';
  switch (step) {
    case 'DELETE':
      return `${kept} AND u.inactivity_warnings = 2 AND ${reference} <= ${inactiveSince(0)}
              AND u.inactivity_warned_at <= ${params.add(new Date(now.getTime() - WEEK_MS))}`;
    case 'SECOND_WARNING':
      return `${kept} AND u.inactivity_warnings = 1 AND ${reference} <= ${inactiveSince(7)}
              AND u.inactivity_warned_at <= ${params.add(new Date(now.getTime() - WEEK_MS))}`;
    case 'FIRST_WARNING':
      return `${kept} AND u.inactivity_warnings = 0 AND ${reference} <= ${inactiveSince(30)}`;
  }
}

/**
 * Closed questions whose authors are to be pseudonymised: closed before `cutoff`, and not yet done since their
 * latest closing or opinion (a question reopened and closed again, or rated afterwards, is done again).
 */
function closedThreads(params: SqlParams, cutoff: Date): string {
  return `t.state = 'CLOSED' AND t.closed_at < ${params.add(cutoff)}
    AND (t.authors_pseudonymised_at IS NULL OR t.authors_pseudonymised_at < greatest(t.closed_at, t.satisfaction_at))`;
}

/** The SQL of the retention runs and of what each rule counts, deletes or pseudonymises. */
@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // --- Runs ---------------------------------------------------------------------------------------------------------

  async insertRun(run: { dryRun: boolean; trigger: RetentionTrigger; actorId: string | null; startedAt: Date }): Promise<RetentionRunRow> {
    const [row] = await this.db.query<RetentionRunRow[]>(
      `INSERT INTO retention_run (started_at, dry_run, trigger, actor_id) VALUES ($1, $2, $3, $4) RETURNING ${RUN_COLUMNS}`,
      [run.startedAt, run.dryRun, run.trigger, run.actorId],
    );
    return row;
  }

  /** Writes what the rules did so far; `finishedAt` once they all ran. */
  async updateRun(id: string, results: RetentionRuleResult[], error: string | null, finishedAt: Date | null): Promise<RetentionRunRow> {
    const [row] = await changedRows<RetentionRunRow>(
      this.db,
      `UPDATE retention_run SET results = $2, error = $3, finished_at = $4 WHERE id = $1 RETURNING ${RUN_COLUMNS}`,
      [id, JSON.stringify(results), error, finishedAt],
    );
    return row;
  }

  listRuns(limit: number): Promise<RetentionRunRow[]> {
    return this.db.query<RetentionRunRow[]>(`SELECT ${RUN_COLUMNS} FROM retention_run ORDER BY started_at DESC, id LIMIT $1`, [limit]);
  }

  // --- Rows forgotten whole -------------------------------------------------------------------------------------------

  /** How many rows are due, counting no further than `limit`. */
  async countDue(name: PurgeName, cutoff: Date, limit: number): Promise<number> {
    const purge: Purge = PURGES[name];
    const params = new SqlParams();
    const due = purge.due(params.add(cutoff));
    const [row] = await this.db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM (SELECT 1 FROM ${purge.table} WHERE ${due} LIMIT ${params.add(limit)}) due`,
      params.values,
    );
    return row.count;
  }

  /** Deletes up to `limit` due rows; returns how many. */
  async deleteDue(name: PurgeName, cutoff: Date, limit: number): Promise<number> {
    const purge: Purge = PURGES[name];
    const params = new SqlParams();
    const due = purge.due(params.add(cutoff));
    const rows = await changedRows(
      this.db,
      `DELETE FROM ${purge.table} WHERE ${purge.key} IN (SELECT ${purge.key} FROM ${purge.table} WHERE ${due} LIMIT ${params.add(limit)})
       RETURNING 1`,
      params.values,
    );
    return rows.length;
  }

  // --- Accounts -------------------------------------------------------------------------------------------------------

  /** Accounts whose requested deletion is due, in id order after `afterId`. */
  async dueDeletions(now: Date, afterId: string | null, limit: number): Promise<string[]> {
    const params = new SqlParams();
    const after = `${params.add(afterId)}::uuid`;
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT u.id FROM app_user u
        WHERE u.deletion_due_at <= ${params.add(now)} AND u.deleted_at IS NULL AND (${after} IS NULL OR u.id > ${after})
        ORDER BY u.id LIMIT ${params.add(limit)}`,
      params.values,
    );
    return rows.map((r) => r.id);
  }

  /** Inactive accounts due for `step`, in id order after `afterId`. */
  async inactive(step: InactiveStep, now: Date, days: number, afterId: string | null, limit: number): Promise<string[]> {
    const params = new SqlParams();
    const due = inactiveAccounts(step, params, now, days);
    const after = `${params.add(afterId)}::uuid`;
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT u.id FROM app_user u
        WHERE ${due} AND (${after} IS NULL OR u.id > ${after})
        ORDER BY u.id LIMIT ${params.add(limit)}`,
      params.values,
    );
    return rows.map((r) => r.id);
  }

  /**
   * Counts one more warning on up to `limit` accounts due for it, now, and answers them (locked rows skipped:
   * another run has them). In the caller's transaction, with the mails.
   */
  async markWarned(tx: EntityManager, step: Exclude<InactiveStep, 'DELETE'>, now: Date, days: number, limit: number): Promise<WarnedAccountRow[]> {
    const params = new SqlParams();
    const due = inactiveAccounts(step, params, now, days);
    return changedRows<WarnedAccountRow>(
      tx,
      `UPDATE app_user u SET inactivity_warnings = u.inactivity_warnings + 1, inactivity_warned_at = ${params.add(now)}
        WHERE u.id IN (SELECT u.id FROM app_user u WHERE ${due} ORDER BY u.id LIMIT ${params.add(limit)} FOR UPDATE SKIP LOCKED)
      RETURNING u.id, u.email, u.display_name, u.state, coalesce(u.last_sign_in_at, u.created_at) AS reference`,
      params.values,
    );
  }

  // --- Closed questions -----------------------------------------------------------------------------------------------

  async countClosedThreads(cutoff: Date, limit: number): Promise<number> {
    const params = new SqlParams();
    const due = closedThreads(params, cutoff);
    const [row] = await this.db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM (SELECT 1 FROM thread t WHERE ${due} LIMIT ${params.add(limit)}) due`,
      params.values,
    );
    return row.count;
  }

  /** Up to `limit` questions due, locked until the end of the caller's transaction. */
  async lockClosedThreads(tx: EntityManager, cutoff: Date, limit: number): Promise<string[]> {
    const params = new SqlParams();
    const due = closedThreads(params, cutoff);
    const rows = await tx.query<{ id: string }[]>(
      `SELECT t.id FROM thread t WHERE ${due} ORDER BY t.closed_at, t.id LIMIT ${params.add(limit)} FOR UPDATE SKIP LOCKED`,
      params.values,
    );
    return rows.map((r) => r.id);
  }

  /**
   * Every link between these questions and a person goes; their content stays. Messages and notes lose their
   * author (the side stays, and shows the pseudonym), attachments their uploader, history entries their actor and
   * the assignee's id; the question its asker, closer, rater and assignee.
   */
  async pseudonymiseThreads(tx: EntityManager, ids: string[], now: Date): Promise<void> {
    const run = async (sql: (p: SqlParams) => string) => {
      const params = new SqlParams();
      const text = sql(params);
      await tx.query(text, params.values);
    };
    await run((p) => `UPDATE document SET uploaded_by = NULL
                        WHERE uploaded_by IS NOT NULL
                          AND message_id IN (SELECT m.id FROM thread_message m WHERE m.thread_id = ${p.any(ids, 'uuid[]')})`);
    await run((p) => `UPDATE thread_message SET author_id = NULL WHERE thread_id = ${p.any(ids, 'uuid[]')} AND author_id IS NOT NULL`);
    await run(
      (p) => `UPDATE thread_event SET actor_id = NULL, details = details - 'assigneeId'
               WHERE thread_id = ${p.any(ids, 'uuid[]')} AND (actor_id IS NOT NULL OR details ? 'assigneeId')`,
    );
    await run(
      (p) => `UPDATE thread SET created_by = NULL, closed_by = NULL, satisfaction_by = NULL, assignee_id = NULL,
                     authors_pseudonymised_at = ${p.add(now)}
               WHERE id = ${p.any(ids, 'uuid[]')}`,
    );
  }
}
