import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type CommuneThreadsQuery,
  type CreateThreadInput,
  type InboxQuery,
  type MessageDto,
  type MessageRevisionDto,
  type Page,
  type PostMessageInput,
  type SatisfactionInput,
  type ThreadDto,
  type ThreadRequestableState,
  type ThreadState,
  type ThreadSummaryDto,
} from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';
import { isUuid } from '../accounts/users.repository';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { communeVisibleParams, communeVisibleSql } from '../common/access/tenancy';
import { Clock } from '../common/clock/clock';
import { ValidationFailedException } from '../common/exceptions/domain.exception';
import { changedRows } from '../database/changed-rows';
import { preparedQuery } from '../database/prepared-query';
import { DOCUMENT_SELECT, type DocumentRow, mapDocument } from '../documents/document.mapper';
import { DocumentsService } from '../documents/documents.service';
import { NotificationMailer } from '../notifications/notification-mailer';
import { NotificationsService } from '../notifications/notifications.service';
import { excerpt, renderMarkdown } from './markdown';
import {
  MESSAGE_SELECT,
  type MessageRow,
  REFRESH_SEARCH_SQL,
  type ThreadRow,
  mapMessage,
  mapSatisfaction,
  mapThreadSummary,
  threadSelect,
} from './thread.mapper';
import { type Clock as ThreadClock, type Side, clockAfter, editableUntil, firstResponseMs, judgeRequest, reopenableUntil, requestableStates, stateAfterMessage } from './thread-workflow';
import { ThreadVersionConflictException, ThreadsException } from './threads.exception';
import { workingCalendar } from './working-calendar';

export function sideOf(user: Pick<AuthUser, 'role'>): Side {
  return isStaff(user) ? 'DEPARTEMENT' : 'COMMUNE';
}

const TSQUERY = (param: string) => `websearch_to_tsquery('public.french_unaccent', ${param})`;

/**
 * Questions of a commune to its département: asking, answering, internal notes, the state machine and the
 * first-response clock. Every read and write goes through the reader's visibility (their commune, or their
 * département's communes for staff), so another tenant's thread is simply not found (404).
 */
@Injectable()
export class ThreadsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly documents: DocumentsService,
    private readonly notifications: NotificationsService,
    private readonly mailer: NotificationMailer,
  ) {}

  // --- Lists -------------------------------------------------------------------------------------------------

  async listForCommune(user: AuthUser, insee: string, query: CommuneThreadsQuery & { limit: number; offset: number }): Promise<Page<ThreadSummaryDto>> {
    await this.visibleCommune(user, insee);
    const filter = new SqlFilter([insee]);
    filter.where.push('t.commune_insee = $1');
    filter.state(query.state ?? 'ALL');
    if (query.projectId) {
      filter.add((n) => `t.project_id = ${n}`, query.projectId);
    }
    const q = query.q?.trim();
    if (q) {
      // Commune members search their subjects and public messages only: never the département's notes.
      filter.add(
        (n) => `(t.search_subject @@ ${TSQUERY(n)} OR EXISTS (
                  SELECT 1 FROM thread_message m WHERE m.thread_id = t.id AND NOT m.internal AND m.search @@ ${TSQUERY(n)}))`,
        q,
      );
      filter.searches = true;
    }
    return this.page(user, filter, 't.last_public_activity_at DESC, t.id', query.limit, query.offset);
  }

  /** The département's queue: every thread of its communes, filtered and sorted on allow-listed fields only. */
  async inbox(user: AuthUser, query: InboxQuery & { limit: number; offset: number }): Promise<Page<ThreadSummaryDto>> {
    const filter = new SqlFilter([user.departementCode]);
    filter.where.push('t.departement_code = $1');
    filter.state(query.state ?? 'ACTIVE');
    if (query.scope === 'mine') {
      filter.add((n) => `t.assignee_id = ${n}`, user.id);
    } else if (query.scope === 'unassigned') {
      filter.where.push('t.assignee_id IS NULL');
    }
    if (query.category) {
      filter.add((n) => `t.category = ${n}`, query.category);
    }
    if (query.canton) {
      filter.add((n) => `c.canton_code = ${n}`, query.canton);
      filter.joinsCommune = true;
    }
    if (query.commune) {
      filter.add((n) => `t.commune_insee = ${n}`, query.commune);
    }
    if (query.label) {
      filter.add((n) => `EXISTS (SELECT 1 FROM thread_label tl WHERE tl.thread_id = t.id AND tl.label_id = ${n})`, query.label);
    }
    if (query.overdue) {
      filter.add((n) => `t.due_at < ${n}`, this.clock.now());
    }
    const q = query.q?.trim();
    if (q) {
      const state = query.state ?? 'ACTIVE';
      const activeOnly = state !== 'ALL' && state !== 'CLOSED';
      filter.add((n) => `t.id IN (SELECT s.thread_id FROM thread_search s WHERE ${activeOnly ? 's.active AND ' : ''}s.document @@ ${TSQUERY(n)})`, q);
      filter.searches = true;
    }
    const order = query.sort === 'activity' ? 't.last_activity_at DESC, t.id' : 't.due_at ASC NULLS LAST, t.last_activity_at DESC, t.id';
    return this.page(user, filter, order, query.limit, query.offset);
  }

  // --- One thread --------------------------------------------------------------------------------------------

  /** The thread with its conversation; opening it marks it (and its notifications) read for the reader. */
  async get(user: AuthUser, id: string): Promise<ThreadDto> {
    const row = await this.loadVisible(user, id);
    await this.markRead(user.id, id);
    return this.toDto(user, { ...row, read_at: this.clock.now() });
  }

  async create(user: AuthUser, insee: string, input: CreateThreadInput): Promise<ThreadDto> {
    await this.visibleCommune(user, insee);
    if (isStaff(user) || user.communeInsee !== insee) {
      throw new ThreadsException('COMMUNE_MEMBERS_ONLY');
    }
    const now = this.clock.now();
    const id = await this.db.transaction(async (tx) => {
      const [commune] = await tx.query(
        `SELECT c.name, c.canton_code, c.departement_code, d.first_response_days
           FROM commune c JOIN departement d ON d.code = c.departement_code WHERE c.insee = $1`,
        [insee],
      );
      if (input.projectId) {
        const [project] = await tx.query(`SELECT 1 FROM project WHERE id = $1 AND commune_insee = $2 AND deleted_at IS NULL`, [input.projectId, insee]);
        if (!project) {
          throw new ValidationFailedException({ projectId: 'Ce projet n’existe pas (ou plus) dans votre commune : choisissez-en un autre.' });
        }
      }
      const assignee = await this.routingTarget(tx, commune.departement_code, commune.canton_code, input.category);
      const dueAt = workingCalendar(commune.departement_code).addWorkingDays(now, commune.first_response_days);
      const [thread] = await tx.query(
        `INSERT INTO thread (commune_insee, departement_code, project_id, subject, category, assignee_id, created_by, created_at,
                             last_activity_at, last_public_activity_at, due_at, public_message_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $8, $9, 1) RETURNING id`,
        [insee, commune.departement_code, input.projectId ?? null, input.subject, input.category, assignee, user.id, now, dueAt],
      );
      const messageId = await this.insertMessage(tx, thread.id, user, input.body, false, now);
      await this.documents.claimAttachments(tx, user, insee, messageId, input.attachmentIds ?? []);
      await this.refreshSearch(tx, thread.id);
      await this.notifications.notify(tx, {
        recipients: assignee ? [assignee] : await this.notifications.departementStaff(tx, commune.departement_code),
        kind: 'THREAD_CREATED',
        threadId: thread.id,
        title: `Nouvelle question ${ofPlace(commune.name)} : « ${input.subject} »`,
        excerpt: excerpt(input.body),
      });
      return thread.id as string;
    });
    this.mailer.flushSoon();
    await this.markRead(user.id, id);
    return this.get(user, id);
  }

  /**
   * A message, an answer or an internal note. The thread row is locked for the time of the change, so that a
   * message and a change of state never cross (the state machine and the clock stay consistent).
   */
  async postMessage(user: AuthUser, id: string, input: PostMessageInput): Promise<ThreadDto> {
    const side = sideOf(user);
    const internal = input.internal === true;
    if ((internal || input.nextState) && side !== 'DEPARTEMENT') {
      throw new ThreadsException('STAFF_ONLY');
    }
    await this.loadVisible(user, id);
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      const row = await this.lock(tx, user, id);
      const to = stateAfterMessage(row.state, side, internal, input.nextState);
      if (to === null) {
        throw new ThreadsException('THREAD_CLOSED');
      }
      const clock = clockAfter(clockOf(row), row.state, to, now, workingCalendar(row.departement_code), await this.targetDays(tx, row));
      const firstResponse = side === 'DEPARTEMENT' && !internal && row.first_response_at === null;
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
          to,
          clock.dueAt,
          clock.pausedRemainingDays,
          clock.waitingSince,
          clock.waitingTotalMs,
          now,
          user.id,
          firstResponse,
          firstResponse ? firstResponseMs(row.created_at, now, clockOf(row)) : null,
          internal,
        ],
      );
      const messageId = await this.insertMessage(tx, id, user, input.body, internal, now);
      await this.documents.claimAttachments(tx, user, row.commune_insee, messageId, input.attachmentIds ?? []);
      await this.recordState(tx, id, user.id, row.state, to, now);
      await this.refreshSearch(tx, id);
      if (!internal) {
        await this.notifyMessage(tx, user, row, input.body);
      }
    });
    this.mailer.flushSoon();
    await this.markRead(user.id, id);
    return this.get(user, id);
  }

  /** One's own message, within the edit window; the earlier text is kept as a revision. */
  async editMessage(user: AuthUser, messageId: string, body: string): Promise<MessageDto> {
    const message = await this.loadMessage(user, messageId);
    if (message.author_id !== user.id) {
      throw new ThreadsException('NOT_AUTHOR');
    }
    const now = this.clock.now();
    if (now > editableUntil(message.created_at)) {
      throw new ThreadsException('EDIT_WINDOW_OVER');
    }
    if (body !== message.body) {
      await this.db.transaction(async (tx) => {
        await tx.query(`SELECT 1 FROM thread WHERE id = $1 FOR UPDATE`, [message.thread_id]);
        await tx.query(`INSERT INTO message_revision (message_id, body, replaced_at) VALUES ($1, $2, $3)`, [messageId, message.body, now]);
        await tx.query(`UPDATE thread_message SET body = $2, edited_at = $3 WHERE id = $1`, [messageId, body, now]);
        await this.refreshSearch(tx, message.thread_id);
      });
    }
    const [row] = await this.db.query(`${MESSAGE_SELECT} WHERE m.id = $1`, [messageId]);
    return mapMessage(row, await this.attachmentsOf([messageId]).then((a) => a.get(messageId) ?? []), user.id, now);
  }

  async revisions(user: AuthUser, messageId: string): Promise<MessageRevisionDto[]> {
    await this.loadMessage(user, messageId);
    const rows: { body: string; replaced_at: Date }[] = await this.db.query(
      `SELECT body, replaced_at FROM message_revision WHERE message_id = $1 ORDER BY replaced_at, id`,
      [messageId],
    );
    return rows.map((r) => ({ body: r.body, bodyHtml: renderMarkdown(r.body), replacedAt: r.replaced_at.toISOString() }));
  }

  /** Close, reopen, wait for the commune: only from the `version` the user saw (two agents closing: one wins, 409). */
  async changeState(user: AuthUser, id: string, target: ThreadRequestableState, version: number): Promise<ThreadDto> {
    const side = sideOf(user);
    if (target === 'WAITING_COMMUNE' && side !== 'DEPARTEMENT') {
      throw new ThreadsException('STAFF_ONLY');
    }
    await this.loadVisible(user, id);
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      const row = await this.lock(tx, user, id);
      if (row.version !== version) {
        throw new ThreadVersionConflictException(await this.toDto(user, row));
      }
      switch (judgeRequest(row.state, target, side, row.closed_at, now)) {
        case 'ALREADY':
          throw new ThreadsException('ALREADY_IN_STATE');
        case 'FORBIDDEN':
          throw new ThreadsException('TRANSITION_FORBIDDEN');
        case 'REOPEN_EXPIRED':
          throw new ThreadsException('REOPEN_EXPIRED');
        case 'ALLOWED':
          break;
      }
      const clock = clockAfter(clockOf(row), row.state, target, now, workingCalendar(row.departement_code), await this.targetDays(tx, row));
      await tx.query(
        `UPDATE thread SET state = $2, due_at = $3, paused_remaining_days = $4, waiting_since = $5, waiting_total_ms = $6,
                closed_at = CASE WHEN $2 = 'CLOSED' THEN $7::timestamptz END,
                closed_by = CASE WHEN $2 = 'CLOSED' THEN $8::uuid END,
                last_activity_at = $7, last_public_activity_at = $7, version = version + 1
          WHERE id = $1`,
        [id, target, clock.dueAt, clock.pausedRemainingDays, clock.waitingSince, clock.waitingTotalMs, now, user.id],
      );
      await this.recordState(tx, id, user.id, row.state, target, now);
      await this.notifyState(tx, user, row, target);
    });
    this.mailer.flushSoon();
    await this.markRead(user.id, id);
    return this.get(user, id);
  }

  /** The commune's answer to "Avez-vous obtenu facilement ce dont vous aviez besoin ?", once per thread. */
  async rate(user: AuthUser, id: string, input: SatisfactionInput): Promise<ThreadDto> {
    const row = await this.loadVisible(user, id);
    if (isStaff(user)) {
      throw new ThreadsException('COMMUNE_MEMBERS_ONLY');
    }
    const rated = await changedRows(
      this.db,
      `UPDATE thread SET satisfaction_score = $2, satisfaction_comment = $3, satisfaction_by = $4, satisfaction_at = $5
        WHERE id = $1 AND state = 'CLOSED' AND satisfaction_score IS NULL RETURNING id`,
      [id, input.score, input.comment?.trim() || null, user.id, this.clock.now()],
    );
    if (rated.length === 0) {
      throw new ThreadsException(row.state !== 'CLOSED' ? 'SATISFACTION_NOT_CLOSED' : 'SATISFACTION_ALREADY_GIVEN');
    }
    return this.get(user, id);
  }

  // --- Shared with the triage and the commune's file -----------------------------------------------------------

  /** A thread the user may see, or 404 exactly like a thread that does not exist. */
  async loadVisible(user: AuthUser, id: string, manager: Pick<EntityManager, 'query'> = this.db): Promise<ThreadRow> {
    if (!isUuid(id)) {
      throw new ThreadsException('THREAD_NOT_FOUND');
    }
    const [row] = await manager.query(`${threadSelect()} WHERE t.id = $2 AND ${communeVisibleSql('c', 3, 4)}`, [user.id, id, ...communeVisibleParams(user)]);
    if (!row) {
      throw new ThreadsException('THREAD_NOT_FOUND');
    }
    return row;
  }

  /** Summaries of threads by id, in the given order, as `user` sees them. */
  async summaries(user: AuthUser, ids: string[]): Promise<ThreadSummaryDto[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows = await preparedQuery<ThreadRow>(this.db, `${threadSelect()} WHERE t.id = ANY($2::uuid[])`, [user.id, ids]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const now = this.clock.now();
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [mapThreadSummary(row, isStaff(user), now)] : [];
    });
  }

  // --- Internals ---------------------------------------------------------------------------------------------

  /**
   * One page of a list and its total. The default queue reads the page's ids from its index and counts apart (an
   * index-only scan), then selects the page's threads. A search matches few threads: one statement walks the text
   * index once for the page, its total (a window count over the matches only) and the threads' details.
   */
  private async page(user: AuthUser, filter: SqlFilter, order: string, limit: number, offset: number): Promise<Page<ThreadSummaryDto>> {
    const n = filter.params.length;
    const from = filter.joinsCommune ? 'thread t JOIN commune c ON c.insee = t.commune_insee' : 'thread t';
    const where = filter.where.join(' AND ');
    const countSql = `SELECT count(*) AS count FROM ${from} WHERE ${where}`;
    if (!filter.searches) {
      const [ids, [{ count }]] = await Promise.all([
        preparedQuery<{ id: string }>(this.db, `SELECT t.id FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`, [
          ...filter.params,
          limit,
          offset,
        ]),
        preparedQuery<{ count: string }>(this.db, countSql, filter.params),
      ]);
      return { items: await this.summaries(user, ids.map((r) => r.id)), total: Number(count), limit, offset };
    }
    const rows = await preparedQuery<ThreadRow & { total: string }>(
      this.db,
      `WITH page AS (SELECT t.id, count(*) OVER () AS total FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2})
       ${threadSelect(`$${n + 3}`, 'page JOIN thread t ON t.id = page.id').replace('SELECT t.id,', 'SELECT page.total, t.id,')}
       ORDER BY ${order}`,
      [...filter.params, limit, offset, user.id],
    );
    // Past the last page the window has no row to carry the total.
    const total = rows[0]?.total ?? (offset > 0 ? (await preparedQuery<{ count: string }>(this.db, countSql, filter.params))[0].count : 0);
    const now = this.clock.now();
    return { items: rows.map((row) => mapThreadSummary(row, isStaff(user), now)), total: Number(total), limit, offset };
  }

  private async toDto(user: AuthUser, row: ThreadRow): Promise<ThreadDto> {
    const staff = isStaff(user);
    const now = this.clock.now();
    const messages: MessageRow[] = await this.db.query(`${MESSAGE_SELECT} WHERE m.thread_id = $1 AND ($2 OR NOT m.internal) ORDER BY m.created_at, m.id`, [
      row.id,
      staff,
    ]);
    const attachments = await this.attachmentsOf(messages.map((m) => m.id));
    const [mayor] = staff
      ? await this.db.query(`SELECT display_name FROM app_user WHERE commune_insee = $1 AND role = 'MAYOR' AND state = 'ACTIVE'`, [row.commune_insee])
      : [];
    const side = sideOf(user);
    const member = !staff && user.communeInsee === row.commune_insee;
    return {
      ...mapThreadSummary(row, staff, now),
      version: row.version,
      dueAt: row.due_at?.toISOString() ?? null,
      firstResponseAt: row.first_response_at?.toISOString() ?? null,
      firstResponseSeconds: row.first_response_ms === null ? null : Math.round(Number(row.first_response_ms) / 1000),
      closedAt: row.closed_at?.toISOString() ?? null,
      reopenableUntil: row.state === 'CLOSED' ? (reopenableUntil(row.closed_at)?.toISOString() ?? null) : null,
      messages: messages.map((m) => mapMessage(m, attachments.get(m.id) ?? [], user.id, now)),
      satisfaction: mapSatisfaction(row),
      can: {
        reply: row.state !== 'CLOSED' && (staff || member),
        addNote: staff,
        assign: staff,
        rate: member && row.state === 'CLOSED' && row.satisfaction_score === null,
        states: staff || member ? requestableStates(row.state, side, row.closed_at, now) : [],
      },
      mayorName: mayor?.display_name ?? null,
    };
  }

  private async attachmentsOf(messageIds: string[]): Promise<Map<string, ReturnType<typeof mapDocument>[]>> {
    const byMessage = new Map<string, ReturnType<typeof mapDocument>[]>();
    if (messageIds.length === 0) {
      return byMessage;
    }
    const rows: DocumentRow[] = await this.db.query(
      `${DOCUMENT_SELECT} WHERE d.message_id = ANY($1::uuid[]) AND d.deleted_at IS NULL ORDER BY d.uploaded_at, d.id`,
      [messageIds],
    );
    for (const row of rows) {
      const key = row.message_id as string;
      byMessage.set(key, [...(byMessage.get(key) ?? []), mapDocument(row)]);
    }
    return byMessage;
  }

  /** Locks the thread row for the rest of the transaction and reads it as it is now. */
  private async lock(tx: EntityManager, user: AuthUser, id: string): Promise<ThreadRow> {
    await tx.query(`SELECT 1 FROM thread WHERE id = $1 FOR UPDATE`, [id]);
    return this.loadVisible(user, id, tx);
  }

  private async loadMessage(user: AuthUser, messageId: string): Promise<MessageRow & { commune_insee: string }> {
    if (!isUuid(messageId)) {
      throw new ThreadsException('MESSAGE_NOT_FOUND');
    }
    const [row] = await this.db.query(
      `${MESSAGE_SELECT.replace('SELECT m.id,', 'SELECT t.commune_insee, m.id,')}
         JOIN thread t ON t.id = m.thread_id JOIN commune c ON c.insee = t.commune_insee
        WHERE m.id = $1 AND (NOT m.internal OR $2::text IS NULL) AND ${communeVisibleSql('c', 2, 3)}`,
      [messageId, ...communeVisibleParams(user)],
    );
    if (!row) {
      throw new ThreadsException('MESSAGE_NOT_FOUND');
    }
    return row;
  }

  private async insertMessage(tx: EntityManager, threadId: string, user: AuthUser, body: string, internal: boolean, now: Date): Promise<string> {
    const [message] = await tx.query(
      `INSERT INTO thread_message (thread_id, author_id, author_side, body, internal, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [threadId, user.id, sideOf(user), body, internal, now],
    );
    return message.id;
  }

  private async recordState(tx: EntityManager, threadId: string, actorId: string, from: ThreadState, to: ThreadState, now: Date): Promise<void> {
    if (from !== to) {
      await tx.query(`INSERT INTO thread_event (thread_id, at, actor_id, kind, from_state, to_state) VALUES ($1, $2, $3, 'STATE_CHANGED', $4, $5)`, [
        threadId,
        now,
        actorId,
        from,
        to,
      ]);
    }
  }

  private async refreshSearch(tx: EntityManager, threadId: string): Promise<void> {
    await tx.query(REFRESH_SEARCH_SQL, [threadId]);
  }

  private async markRead(userId: string, threadId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO thread_read (thread_id, user_id, read_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, thread_id) DO UPDATE SET read_at = greatest(thread_read.read_at, excluded.read_at)`,
      [threadId, userId, this.clock.now()],
    );
    await this.notifications.markThreadRead(userId, threadId);
  }

  private async targetDays(tx: EntityManager, row: ThreadRow): Promise<number> {
    const [departement] = await tx.query(`SELECT first_response_days FROM departement WHERE code = $1`, [row.departement_code]);
    return departement.first_response_days;
  }

  /** The agent of the most specific routing rule (canton and category, then canton, then category), if any. */
  private async routingTarget(tx: EntityManager, departement: string, canton: string | null, category: string): Promise<string | null> {
    const [rule] = await tx.query(
      `SELECT r.agent_id FROM routing_rule r JOIN app_user a ON a.id = r.agent_id AND a.state = 'ACTIVE'
        WHERE r.departement_code = $1 AND (r.canton_code IS NULL OR r.canton_code = $2) AND (r.category IS NULL OR r.category = $3)
        ORDER BY (r.canton_code IS NOT NULL) DESC, (r.category IS NOT NULL) DESC LIMIT 1`,
      [departement, canton, category],
    );
    return rule?.agent_id ?? null;
  }

  /** Who on the département's side hears of the commune: the assignee, or everyone while nobody is assigned. */
  private async staffFor(tx: EntityManager, row: ThreadRow): Promise<string[]> {
    return row.assignee_id ? [row.assignee_id] : this.notifications.departementStaff(tx, row.departement_code);
  }

  private async notifyMessage(tx: EntityManager, user: AuthUser, row: ThreadRow, body: string): Promise<void> {
    if (sideOf(user) === 'DEPARTEMENT') {
      await this.notifications.notify(tx, {
        recipients: await this.notifications.communeMembers(tx, row.commune_insee, user.id),
        kind: 'AGENT_REPLY',
        threadId: row.id,
        title: `Le département a répondu : « ${row.subject} »`,
        excerpt: excerpt(body),
      });
      return;
    }
    await this.notifications.notify(tx, {
      recipients: (await this.staffFor(tx, row)).filter((id) => id !== user.id),
      kind: 'COMMUNE_REPLY',
      threadId: row.id,
      title: `${row.commune_name} a répondu : « ${row.subject} »`,
      excerpt: excerpt(body),
    });
  }

  private async notifyState(tx: EntityManager, user: AuthUser, row: ThreadRow, to: ThreadState): Promise<void> {
    if (to === 'CLOSED') {
      await this.notifications.notify(tx, {
        recipients: await this.notifications.communeMembers(tx, row.commune_insee, user.id),
        kind: 'THREAD_CLOSED',
        threadId: row.id,
        title: `Question fermée : « ${row.subject} » — dites-nous si vous avez obtenu ce dont vous aviez besoin`,
        excerpt: '',
      });
    } else if (to === 'OPEN' && sideOf(user) === 'COMMUNE') {
      await this.notifications.notify(tx, {
        recipients: await this.staffFor(tx, row),
        kind: 'COMMUNE_REPLY',
        threadId: row.id,
        title: `${row.commune_name} a rouvert la question « ${row.subject} »`,
        excerpt: '',
      });
    }
  }

  private async visibleCommune(user: AuthUser, insee: string): Promise<void> {
    const [commune] = await this.db.query(`SELECT 1 FROM commune c WHERE c.insee = $1 AND ${communeVisibleSql('c', 2, 3)}`, [
      insee,
      ...communeVisibleParams(user),
    ]);
    if (!commune) {
      throw new ThreadsException('COMMUNE_NOT_FOUND');
    }
  }
}

function clockOf(row: ThreadRow): ThreadClock {
  return {
    dueAt: row.due_at,
    pausedRemainingDays: row.paused_remaining_days,
    waitingSince: row.waiting_since,
    waitingTotalMs: Number(row.waiting_total_ms),
  };
}

/** WHERE conditions with their numbered parameters: user input only ever travels as a parameter. */
class SqlFilter {
  readonly where: string[] = [];
  /** Whether a condition is on the commune (alias `c`), which the thread table alone cannot answer. */
  joinsCommune = false;
  /** Whether the filter has a full-text condition. */
  searches = false;

  constructor(readonly params: unknown[]) {}

  add(condition: (param: string) => string, value: unknown): void {
    this.params.push(value);
    this.where.push(condition(`$${this.params.length}`));
  }

  state(state: ThreadState | 'ACTIVE' | 'ALL'): void {
    if (state === 'ACTIVE') {
      this.where.push(`t.state <> 'CLOSED'`);
    } else if (state !== 'ALL') {
      this.add((n) => `t.state = ${n}`, state);
    }
  }
}
