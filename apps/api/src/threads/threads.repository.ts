import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CommuneThreadsQuery, EffortScore, InboxQuery, LabelDto, SatisfactionScore, ThreadCategory, ThreadState } from '@passerelle/shared/dto';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { communeVisibleTo } from '../common/access/tenancy';
import { changedRows } from '../database/changed-rows';
import { preparedQuery } from '../database/prepared-query';
import { SqlParams } from '../common/sql/sql-params';
import { DOCUMENT_SELECT, type DocumentRow } from '../files/document.mapper';
import type { Side } from './thread-workflow';

/** A query runner: the data source, or the entity manager of the caller's transaction. */
export type Queryable = Pick<EntityManager, 'query'>;

// --- Rows ----------------------------------------------------------------------------------------------------------

export interface ThreadRow {
  id: string;
  commune_insee: string;
  departement_code: string;
  commune_name: string;
  canton_name: string | null;
  project_id: string | null;
  project_title: string | null;
  subject: string;
  category: ThreadCategory;
  state: ThreadState;
  assignee_id: string | null;
  assignee_name: string | null;
  /** `null`: the asker's account was deleted, or the question's authors pseudonymised. */
  created_by_name: string | null;
  created_at: Date;
  last_activity_at: Date;
  last_public_activity_at: Date;
  due_at: Date | null;
  paused_remaining_days: number | null;
  waiting_since: Date | null;
  waiting_total_ms: string;
  first_response_at: Date | null;
  first_response_ms: string | null;
  closed_at: Date | null;
  satisfaction_score: SatisfactionScore | null;
  effort_score: EffortScore | null;
  satisfaction_comment: string | null;
  satisfaction_at: Date | null;
  satisfaction_by_name: string | null;
  public_message_count: number;
  note_count: number;
  version: number;
  read_at: Date | null;
  labels: LabelDto[];
}

export interface MessageRow {
  id: string;
  thread_id: string;
  /** Both `null` when the author's account was deleted, or the question's authors pseudonymised. */
  author_id: string | null;
  author_name: string | null;
  author_side: Side;
  body: string;
  internal: boolean;
  created_at: Date;
  edited_at: Date | null;
  revision_count: string;
}

export interface MessageRevisionRow {
  body: string;
  replaced_at: Date;
}

/** What a new thread needs to know of its commune. */
export interface NewThreadCommuneRow {
  name: string;
  canton_code: string | null;
  departement_code: string;
  first_response_days: number;
}

/** A thread whose assignee changed, with what the notification says of it. */
export interface AssignedThreadRow {
  id: string;
  subject: string;
  commune_name: string;
}

export interface TemplateRow {
  id: string;
  title: string;
  body: string;
}

export interface NewThread {
  communeInsee: string;
  departementCode: string;
  projectId: string | null;
  subject: string;
  category: ThreadCategory;
  assigneeId: string | null;
  createdBy: string;
  createdAt: Date;
  dueAt: Date | null;
}

export interface NewMessage {
  threadId: string;
  authorId: string;
  authorSide: Side;
  body: string;
  internal: boolean;
  createdAt: Date;
}

/** The first-response clock as the state machine leaves it. */
export interface ThreadClockColumns {
  dueAt: Date | null;
  pausedRemainingDays: number | null;
  waitingSince: Date | null;
  waitingTotalMs: number;
}

export interface MessageStateChange {
  state: ThreadState;
  clock: ThreadClockColumns;
  at: Date;
  actorId: string;
  internal: boolean;
  /** The first public answer of the département: its time to answer, in ms; null otherwise. */
  firstResponseMs: number | null;
}

export interface StateChange {
  state: ThreadState;
  clock: ThreadClockColumns;
  at: Date;
  actorId: string;
}

export interface Satisfaction {
  score: SatisfactionScore;
  effort: EffortScore | null;
  comment: string | null;
  by: string;
  at: Date;
}

/** The commune list's filters, defaults already applied by the service. */
export type CommuneThreadsFilter = Pick<CommuneThreadsQuery, 'projectId' | 'q'> & { state: ThreadState | 'ACTIVE' | 'ALL' };

/** The inbox's filters, defaults already applied by the service; `overdueAt` is "now" when only late threads count. */
export type InboxFilter = Omit<InboxQuery, 'state' | 'overdue' | 'limit' | 'offset'> & { state: ThreadState | 'ACTIVE' | 'ALL'; overdueAt: Date | null };

export interface PageRequest {
  readerId: string;
  limit: number;
  offset: number;
}

// --- SQL -----------------------------------------------------------------------------------------------------------

const THREAD_SELECT = `
  SELECT t.id, t.commune_insee, t.departement_code, c.name AS commune_name, cn.name AS canton_name,
         p.id AS project_id, p.title AS project_title, t.subject, t.category, t.state, t.assignee_id,
         au.display_name AS assignee_name, CASE WHEN cu.deleted_at IS NULL THEN cu.display_name END AS created_by_name, t.created_at, t.last_activity_at,
         t.last_public_activity_at, t.due_at, t.paused_remaining_days, t.waiting_since, t.waiting_total_ms,
         t.first_response_at, t.first_response_ms, t.closed_at, t.satisfaction_score, t.effort_score, t.satisfaction_comment,
         t.satisfaction_at, CASE WHEN su.deleted_at IS NULL THEN su.display_name END AS satisfaction_by_name, t.public_message_count, t.note_count, t.version,
         tr.read_at,
         coalesce((SELECT json_agg(json_build_object('id', l.id, 'name', l.name, 'colour', l.colour) ORDER BY lower(l.name))
                     FROM thread_label tl JOIN label l ON l.id = tl.label_id WHERE tl.thread_id = t.id), '[]') AS labels
    FROM thread t
    JOIN commune c ON c.insee = t.commune_insee
    LEFT JOIN canton cn ON cn.code = c.canton_code
    LEFT JOIN project p ON p.id = t.project_id AND p.deleted_at IS NULL
    LEFT JOIN app_user au ON au.id = t.assignee_id
    LEFT JOIN app_user cu ON cu.id = t.created_by
    LEFT JOIN app_user su ON su.id = t.satisfaction_by
    LEFT JOIN thread_read tr ON tr.thread_id = t.id AND tr.user_id = $1`;

/**
 * Every thread read goes through this select. `reader` is the placeholder of the reader's id (for the unread
 * marker); `from` replaces the thread table, e.g. by a page of ids joined to it.
 */
function threadSelect(reader: string, from = 'thread t'): string {
  return THREAD_SELECT.replace('$1', reader).replace('FROM thread t', `FROM ${from}`);
}

/** A deleted account's messages read as the pseudonym of their side, like those of a question whose authors were pseudonymised. */
const MESSAGE_SELECT = `
  SELECT m.id, m.thread_id, CASE WHEN u.deleted_at IS NULL THEN m.author_id END AS author_id,
         CASE WHEN u.deleted_at IS NULL THEN u.display_name END AS author_name, m.author_side, m.body, m.internal,
         m.created_at, m.edited_at, (SELECT count(*) FROM message_revision r WHERE r.message_id = m.id) AS revision_count
    FROM thread_message m LEFT JOIN app_user u ON u.id = m.author_id`;

/**
 * Recomputes the inbox's search document of thread `$1`: the words of the subject and of every message, notes
 * included, without positions (the inbox matches, it does not rank), which keeps the documents small.
 */
export const REFRESH_SEARCH_SQL = `
  INSERT INTO thread_search (thread_id, departement_code, active, document)
  SELECT t.id, t.departement_code, t.state <> 'CLOSED',
         strip(to_tsvector('public.french_unaccent',
           t.subject || ' ' || coalesce((SELECT string_agg(m.body, ' ' ORDER BY m.created_at) FROM thread_message m WHERE m.thread_id = t.id), '')))
    FROM thread t WHERE t.id = $1
  ON CONFLICT (thread_id) DO UPDATE SET active = excluded.active, document = excluded.document`;

const tsquery = (param: string) => `websearch_to_tsquery('public.french_unaccent', ${param})`;

/** WHERE conditions of a list, their values bound as parameters: user input only ever travels as a parameter. */
class ThreadFilter {
  readonly params = new SqlParams();
  readonly where: string[] = [];
  /** Whether a condition is on the commune (alias `c`), which the thread table alone cannot answer. */
  joinsCommune = false;
  /** Whether the filter has a full-text condition. */
  searches = false;

  state(state: ThreadState | 'ACTIVE' | 'ALL'): void {
    if (state === 'ACTIVE') {
      this.where.push(`t.state <> 'CLOSED'`);
    } else if (state !== 'ALL') {
      this.where.push(`t.state = ${this.params.add(state)}`);
    }
  }
}

/**
 * The SQL of the threads feature: threads, their messages, events, labels and read markers. Reads that depend on
 * the reader take the user and put the tenancy in the query (another tenant's row is simply not found). Writes
 * that belong to a transaction take the caller's entity manager; the services hold the transactions and the rules.
 */
@Injectable()
export class ThreadsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // --- Threads -------------------------------------------------------------------------------------------------

  /** The thread if `user` may see it. */
  async findVisible(user: AuthUser, id: string, manager: Queryable = this.db): Promise<ThreadRow | undefined> {
    const p = new SqlParams();
    const rows: ThreadRow[] = await manager.query(`${threadSelect(p.add(user.id))} WHERE t.id = ${p.add(id)} AND ${communeVisibleTo('c', user, p)}`, p.values);
    return rows[0];
  }

  /** Threads by id, in the given order (ids not found are left out), as `readerId` sees them. */
  async findByIds(readerId: string, ids: string[]): Promise<ThreadRow[]> {
    if (ids.length === 0) {
      return [];
    }
    const p = new SqlParams();
    const rows = await preparedQuery<ThreadRow>(this.db, `${threadSelect(p.add(readerId))} WHERE t.id = ${p.any(ids, 'uuid[]')}`, p.values);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Locks the thread row until the end of the caller's transaction. */
  async lock(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`SELECT 1 FROM thread WHERE id = $1 FOR UPDATE`, [id]);
  }

  async newThreadCommune(tx: EntityManager, insee: string): Promise<NewThreadCommuneRow> {
    const rows: NewThreadCommuneRow[] = await tx.query(
      `SELECT c.name, c.canton_code, c.departement_code, d.first_response_days
         FROM commune c JOIN departement d ON d.code = c.departement_code WHERE c.insee = $1`,
      [insee],
    );
    return rows[0];
  }

  async isLiveProjectOf(tx: EntityManager, projectId: string, insee: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM project WHERE id = $1 AND commune_insee = $2 AND deleted_at IS NULL`, [projectId, insee]);
    return rows.length > 0;
  }

  /** The agent of the most specific routing rule (canton and category, then canton, then category), if any. */
  async routingTarget(tx: EntityManager, departement: string, canton: string | null, category: ThreadCategory): Promise<string | null> {
    const rows: { agent_id: string }[] = await tx.query(
      `SELECT r.agent_id FROM routing_rule r JOIN app_user a ON a.id = r.agent_id AND a.state = 'ACTIVE'
        WHERE r.departement_code = $1 AND (r.canton_code IS NULL OR r.canton_code = $2) AND (r.category IS NULL OR r.category = $3)
        ORDER BY (r.canton_code IS NOT NULL) DESC, (r.category IS NOT NULL) DESC LIMIT 1`,
      [departement, canton, category],
    );
    return rows[0]?.agent_id ?? null;
  }

  async firstResponseDays(tx: EntityManager, departement: string): Promise<number> {
    const rows: { first_response_days: number }[] = await tx.query(`SELECT first_response_days FROM departement WHERE code = $1`, [departement]);
    return rows[0].first_response_days;
  }

  /** Inserts a thread whose first message is being posted; answers its id. */
  async insert(tx: EntityManager, thread: NewThread): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO thread (commune_insee, departement_code, project_id, subject, category, assignee_id, created_by, created_at,
                           last_activity_at, last_public_activity_at, due_at, public_message_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $8, $9, 1) RETURNING id`,
      [thread.communeInsee, thread.departementCode, thread.projectId, thread.subject, thread.category, thread.assigneeId, thread.createdBy, thread.createdAt, thread.dueAt],
    );
    return rows[0].id;
  }

  /** The thread after a message: its state and clock, counters, activity, and `version` for a public message. */
  async updateAfterMessage(tx: EntityManager, id: string, change: MessageStateChange): Promise<void> {
    const firstResponse = change.firstResponseMs !== null;
    await tx.query(
      `UPDATE thread SET state = $2, due_at = $3, paused_remaining_days = $4, waiting_since = $5, waiting_total_ms = $6,
              closed_at = CASE WHEN $2 = 'CLOSED' THEN coalesce(closed_at, $7) END,
              closed_by = CASE WHEN $2 = 'CLOSED' THEN coalesce(closed_by, $8) END,
              first_response_at = CASE WHEN $9 THEN $7 ELSE first_response_at END,
              first_response_ms = CASE WHEN $9 THEN $10 ELSE first_response_ms END,
              public_message_count = public_message_count + CASE WHEN $11 THEN 0 ELSE 1 END,
              note_count = note_count + CASE WHEN $11 THEN 1 ELSE 0 END,
              last_activity_at = $7,
              last_public_activity_at = CASE WHEN $11 THEN last_public_activity_at ELSE $7 END,
              version = version + CASE WHEN $11 THEN 0 ELSE 1 END
        WHERE id = $1`,
      [
        id,
        change.state,
        change.clock.dueAt,
        change.clock.pausedRemainingDays,
        change.clock.waitingSince,
        change.clock.waitingTotalMs,
        change.at,
        change.actorId,
        firstResponse,
        change.firstResponseMs,
        change.internal,
      ],
    );
  }

  /** A requested change of state (close, reopen, wait): always public, so `version` moves. */
  async updateState(tx: EntityManager, id: string, change: StateChange): Promise<void> {
    await tx.query(
      `UPDATE thread SET state = $2, due_at = $3, paused_remaining_days = $4, waiting_since = $5, waiting_total_ms = $6,
              closed_at = CASE WHEN $2 = 'CLOSED' THEN $7::timestamptz END,
              closed_by = CASE WHEN $2 = 'CLOSED' THEN $8::uuid END,
              last_activity_at = $7, last_public_activity_at = $7, version = version + 1
        WHERE id = $1`,
      [id, change.state, change.clock.dueAt, change.clock.pausedRemainingDays, change.clock.waitingSince, change.clock.waitingTotalMs, change.at, change.actorId],
    );
  }

  /** Records the satisfaction of a closed, not yet rated thread; false when the thread was not in that case. */
  async rate(tx: EntityManager, id: string, satisfaction: Satisfaction): Promise<boolean> {
    const rated = await changedRows(
      tx,
      `UPDATE thread SET satisfaction_score = $2, satisfaction_comment = $3, satisfaction_by = $4, satisfaction_at = $5, effort_score = $6
        WHERE id = $1 AND state = 'CLOSED' AND satisfaction_score IS NULL RETURNING id`,
      [id, satisfaction.score, satisfaction.comment, satisfaction.by, satisfaction.at, satisfaction.effort],
    );
    return rated.length > 0;
  }

  async recordStateChange(tx: EntityManager, threadId: string, actorId: string, from: ThreadState, to: ThreadState, at: Date): Promise<void> {
    await tx.query(`INSERT INTO thread_event (thread_id, at, actor_id, kind, from_state, to_state) VALUES ($1, $2, $3, 'STATE_CHANGED', $4, $5)`, [
      threadId,
      at,
      actorId,
      from,
      to,
    ]);
  }

  async refreshSearch(tx: EntityManager, threadId: string): Promise<void> {
    await tx.query(REFRESH_SEARCH_SQL, [threadId]);
  }

  /** The reader has seen the thread as of `at` (never moves back). */
  async markRead(threadId: string, userId: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO thread_read (thread_id, user_id, read_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, thread_id) DO UPDATE SET read_at = greatest(thread_read.read_at, excluded.read_at)`,
      [threadId, userId, at],
    );
  }

  async activeMayorName(insee: string): Promise<string | null> {
    const rows: { display_name: string }[] = await this.db.query(`SELECT display_name FROM app_user WHERE commune_insee = $1 AND role = 'MAYOR' AND state = 'ACTIVE'`, [
      insee,
    ]);
    return rows[0]?.display_name ?? null;
  }

  // --- Lists ---------------------------------------------------------------------------------------------------

  /** One page of a commune's threads, most recent public activity first. */
  async communePage(insee: string, filter: CommuneThreadsFilter, page: PageRequest): Promise<{ rows: ThreadRow[]; total: number }> {
    const f = new ThreadFilter();
    f.where.push(`t.commune_insee = ${f.params.add(insee)}`);
    f.state(filter.state);
    if (filter.projectId) {
      f.where.push(`t.project_id = ${f.params.add(filter.projectId)}`);
    }
    const q = filter.q?.trim();
    if (q) {
      // Commune members search their subjects and public messages only: never the département's notes.
      const n = f.params.add(q);
      f.where.push(`(t.search_subject @@ ${tsquery(n)} OR EXISTS (
                  SELECT 1 FROM thread_message m WHERE m.thread_id = t.id AND NOT m.internal AND m.search @@ ${tsquery(n)}))`);
      f.searches = true;
    }
    return this.page(f, 't.last_public_activity_at DESC, t.id', page);
  }

  /** One page of the département's queue, filtered and sorted on allow-listed fields only. */
  async inboxPage(departement: string, assigneeId: string, filter: InboxFilter, page: PageRequest): Promise<{ rows: ThreadRow[]; total: number }> {
    const f = new ThreadFilter();
    const dept = f.params.add(departement);
    const q = filter.q?.trim();
    if (q) {
      // The département's matches come from the (département, words) index, each then joined to its thread by id.
      // Stated on the thread as well, the département would lead the generic plan to walk the département's whole
      // queue index once per match.
      const activeOnly = filter.state !== 'ALL' && filter.state !== 'CLOSED';
      f.where.push(`t.id IN (SELECT s.thread_id FROM thread_search s
                    WHERE s.departement_code = ${dept} AND ${activeOnly ? 's.active AND ' : ''}s.document @@ ${tsquery(f.params.add(q))})`);
      f.searches = true;
    } else {
      f.where.push(`t.departement_code = ${dept}`);
    }
    f.state(filter.state);
    if (filter.scope === 'mine') {
      f.where.push(`t.assignee_id = ${f.params.add(assigneeId)}`);
    } else if (filter.scope === 'unassigned') {
      f.where.push('t.assignee_id IS NULL');
    }
    if (filter.category) {
      f.where.push(`t.category = ${f.params.add(filter.category)}`);
    }
    if (filter.canton) {
      f.where.push(`c.canton_code = ${f.params.add(filter.canton)}`);
      f.joinsCommune = true;
    }
    if (filter.commune) {
      f.where.push(`t.commune_insee = ${f.params.add(filter.commune)}`);
    }
    if (filter.label) {
      f.where.push(`EXISTS (SELECT 1 FROM thread_label tl WHERE tl.thread_id = t.id AND tl.label_id = ${f.params.add(filter.label)})`);
    }
    if (filter.overdueAt) {
      f.where.push(`t.due_at < ${f.params.add(filter.overdueAt)}`);
    }
    const order = filter.sort === 'activity' ? 't.last_activity_at DESC, t.id' : 't.due_at ASC NULLS LAST, t.last_activity_at DESC, t.id';
    return this.page(f, order, page);
  }

  /**
   * One page of a list and its total. The default queue reads the page's ids from its index and counts apart (an
   * index-only scan), then selects the page's threads. A search matches few threads: one statement walks the text
   * index once for the page, its total (a window count over the matches only) and the threads' details.
   */
  private async page(filter: ThreadFilter, order: string, { readerId, limit, offset }: PageRequest): Promise<{ rows: ThreadRow[]; total: number }> {
    const from = filter.joinsCommune ? 'thread t JOIN commune c ON c.insee = t.commune_insee' : 'thread t';
    const where = filter.where.join(' AND ');
    const countSql = `SELECT count(*) AS count FROM ${from} WHERE ${where}`;
    const whereValues = filter.params.values;
    const count = async () => Number((await preparedQuery<{ count: string }>(this.db, countSql, whereValues))[0].count);
    const p = filter.params;
    const pageClause = `ORDER BY ${order} LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`;
    if (!filter.searches) {
      const [ids, total] = await Promise.all([preparedQuery<{ id: string }>(this.db, `SELECT t.id FROM ${from} WHERE ${where} ${pageClause}`, p.values), count()]);
      return { rows: await this.findByIds(readerId, ids.map((r) => r.id)), total };
    }
    const rows = await preparedQuery<ThreadRow & { total: string }>(
      this.db,
      `WITH page AS (SELECT t.id, count(*) OVER () AS total FROM ${from} WHERE ${where} ${pageClause})
       ${threadSelect(p.add(readerId), 'page JOIN thread t ON t.id = page.id').replace('SELECT t.id,', 'SELECT page.total, t.id,')}
       ORDER BY ${order}`,
      p.values,
    );
    // Past the last page the window has no row to carry the total.
    const total = rows[0] ? Number(rows[0].total) : offset > 0 ? await count() : 0;
    return { rows, total };
  }

  // --- Messages ------------------------------------------------------------------------------------------------

  /** A thread's messages in order; internal notes only when `withNotes`. */
  async messages(threadId: string, withNotes: boolean): Promise<MessageRow[]> {
    return this.db.query(`${MESSAGE_SELECT} WHERE m.thread_id = $1 AND ($2 OR NOT m.internal) ORDER BY m.created_at, m.id`, [threadId, withNotes]);
  }

  async findMessage(messageId: string): Promise<MessageRow | undefined> {
    const rows: MessageRow[] = await this.db.query(`${MESSAGE_SELECT} WHERE m.id = $1`, [messageId]);
    return rows[0];
  }

  /** The message if `user` may see its thread, and it is public or `user` is staff; with its thread's commune. */
  async findVisibleMessage(user: AuthUser, messageId: string): Promise<(MessageRow & { commune_insee: string }) | undefined> {
    const p = new SqlParams();
    const rows: (MessageRow & { commune_insee: string })[] = await this.db.query(
      `${MESSAGE_SELECT.replace('SELECT m.id,', 'SELECT t.commune_insee, m.id,')}
         JOIN thread t ON t.id = m.thread_id JOIN commune c ON c.insee = t.commune_insee
        WHERE m.id = ${p.add(messageId)} AND (NOT m.internal OR ${p.add(isStaff(user))}::boolean) AND ${communeVisibleTo('c', user, p)}`,
      p.values,
    );
    return rows[0];
  }

  async insertMessage(tx: EntityManager, message: NewMessage): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO thread_message (thread_id, author_id, author_side, body, internal, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [message.threadId, message.authorId, message.authorSide, message.body, message.internal, message.createdAt],
    );
    return rows[0].id;
  }

  /** Replaces a message's text, keeping the earlier one as a revision. */
  async reviseMessage(tx: EntityManager, messageId: string, previous: string, body: string, at: Date): Promise<void> {
    await tx.query(`INSERT INTO message_revision (message_id, body, replaced_at) VALUES ($1, $2, $3)`, [messageId, previous, at]);
    await tx.query(`UPDATE thread_message SET body = $2, edited_at = $3 WHERE id = $1`, [messageId, body, at]);
  }

  async revisions(messageId: string): Promise<MessageRevisionRow[]> {
    return this.db.query(`SELECT body, replaced_at FROM message_revision WHERE message_id = $1 ORDER BY replaced_at, id`, [messageId]);
  }

  /** The live attachments of the messages, oldest first. */
  async attachments(messageIds: string[]): Promise<DocumentRow[]> {
    if (messageIds.length === 0) {
      return [];
    }
    return this.db.query(`${DOCUMENT_SELECT} WHERE d.message_id = ANY($1::uuid[]) AND d.deleted_at IS NULL ORDER BY d.uploaded_at, d.id`, [messageIds]);
  }

  // --- Triage: assignment and labels -----------------------------------------------------------------------------

  /** Of `ids`, those of the département's threads. */
  async departementThreadIds(tx: EntityManager, ids: string[], departement: string): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(`SELECT id FROM thread WHERE id = ANY($1::uuid[]) AND departement_code = $2`, [ids, departement]);
    return rows.map((r) => r.id);
  }

  /** Sets the assignee of those threads that had another one; answers them. */
  async setAssignee(tx: EntityManager, ids: string[], assigneeId: string | null, at: Date): Promise<AssignedThreadRow[]> {
    return changedRows<AssignedThreadRow>(
      tx,
      `UPDATE thread t SET assignee_id = $2, last_activity_at = $3 FROM commune c
        WHERE c.insee = t.commune_insee AND t.id = ANY($1::uuid[]) AND t.assignee_id IS DISTINCT FROM $2::uuid
      RETURNING t.id, t.subject, c.name AS commune_name`,
      [ids, assigneeId, at],
    );
  }

  async recordAssigned(tx: EntityManager, threadId: string, actorId: string, assigneeId: string | null, at: Date): Promise<void> {
    await tx.query(`INSERT INTO thread_event (thread_id, at, actor_id, kind, details) VALUES ($1, $2, $3, 'ASSIGNED', $4)`, [
      threadId,
      at,
      actorId,
      JSON.stringify({ assigneeId }),
    ]);
  }

  async isActiveAgent(tx: EntityManager, agentId: string, departement: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM app_user WHERE id = $1 AND departement_code = $2 AND role IN ('AGENT', 'ADMIN') AND state = 'ACTIVE'`,
      [agentId, departement],
    );
    return rows.length > 0;
  }

  /** How many of the labels belong to the département. */
  async countLabels(tx: EntityManager, labelIds: string[], departement: string): Promise<number> {
    const rows: { count: string }[] = await tx.query(`SELECT count(*) AS count FROM label WHERE id = ANY($1::uuid[]) AND departement_code = $2`, [
      labelIds,
      departement,
    ]);
    return Number(rows[0].count);
  }

  /** The thread's labels become exactly `labelIds`. */
  async replaceLabels(tx: EntityManager, threadId: string, labelIds: string[]): Promise<void> {
    await tx.query(`DELETE FROM thread_label WHERE thread_id = $1 AND NOT (label_id = ANY($2::uuid[]))`, [threadId, labelIds]);
    await tx.query(`INSERT INTO thread_label (thread_id, label_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [threadId, labelIds]);
  }

  async addLabels(tx: EntityManager, threadIds: string[], labelIds: string[]): Promise<void> {
    await tx.query(
      `INSERT INTO thread_label (thread_id, label_id) SELECT t, l FROM unnest($1::uuid[]) t CROSS JOIN unnest($2::uuid[]) l ON CONFLICT DO NOTHING`,
      [threadIds, labelIds],
    );
  }

  async removeLabels(tx: EntityManager, threadIds: string[], labelIds: string[]): Promise<void> {
    await tx.query(`DELETE FROM thread_label WHERE thread_id = ANY($1::uuid[]) AND label_id = ANY($2::uuid[])`, [threadIds, labelIds]);
  }

  /** The département's answer templates, by title. */
  async templates(departement: string): Promise<TemplateRow[]> {
    return this.db.query(`SELECT id, title, body FROM answer_template WHERE departement_code = $1 ORDER BY lower(title), id`, [departement]);
  }
}
