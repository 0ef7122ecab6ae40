import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  CreateThreadInput,
  DocumentDto,
  MessageDto,
  MessageRevisionDto,
  PostMessageInput,
  SatisfactionInput,
  ThreadDto,
  ThreadRequestableState,
  ThreadState,
} from '@passerelle/shared/dto';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { visibleCommune } from '../common/access/visible-commune';
import { workingCalendar } from '../common/calendar/working-calendar';
import { Clock } from '../common/clock/clock';
import { ValidationFailedException } from '../common/exceptions/domain.exception';
import { isUuid } from '../common/http/uuid';
import { DocumentsService } from '../documents/documents.service';
import { mapDocument } from '../files/document.mapper';
import { ThreadFactsService } from '../indicators/thread-facts.service';
import { LiveEvents } from '../live/live-events';
import { NotificationMailer } from '../notifications/notification-mailer';
import { NotificationsService } from '../notifications/notifications.service';
import { mapMessage, mapRevision, mapThread } from './thread.mapper';
import { ThreadNotifications } from './thread-notifications';
import { type Clock as ThreadClock, clockAfter, editableUntil, firstResponseMs, judgeRequest, sideOf, stateAfterMessage } from './thread-workflow';
import { ThreadVersionConflictException, ThreadsException } from './threads.exception';
import { type MessageRow, type ThreadRow, ThreadsRepository } from './threads.repository';

/**
 * Questions of a commune to its département: asking, answering, internal notes, the state machine and the
 * first-response clock. Every read and write goes through the reader's visibility (their commune, or their
 * département's communes for staff), so another tenant's thread is simply not found (404). The lists live in
 * `ThreadQueueService`, the notifications' wording in `ThreadNotifications`, the SQL in `ThreadsRepository`.
 */
@Injectable()
export class ThreadsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: ThreadsRepository,
    private readonly clock: Clock,
    private readonly documents: DocumentsService,
    private readonly notifications: NotificationsService,
    private readonly notify: ThreadNotifications,
    private readonly mailer: NotificationMailer,
    private readonly live: LiveEvents,
    private readonly facts: ThreadFactsService,
  ) {}

  /** The thread with its conversation; opening it marks it (and its notifications) read for the reader. */
  async get(user: AuthUser, id: string): Promise<ThreadDto> {
    const row = await this.loadVisible(user, id);
    await this.markRead(user.id, id);
    return this.toDto(user, { ...row, read_at: this.clock.now() });
  }

  async create(user: AuthUser, insee: string, input: CreateThreadInput): Promise<ThreadDto> {
    await visibleCommune(this.db, user, insee);
    if (isStaff(user) || user.communeInsee !== insee) {
      throw new ThreadsException('COMMUNE_MEMBERS_ONLY');
    }
    const now = this.clock.now();
    const id = await this.db.transaction(async (tx) => {
      const commune = await this.repository.newThreadCommune(tx, insee);
      if (input.projectId && !(await this.repository.isLiveProjectOf(tx, input.projectId, insee))) {
        throw new ValidationFailedException({ projectId: 'Ce projet n’existe pas (ou plus) dans votre commune : choisissez-en un autre.' });
      }
      const assigneeId = await this.repository.routingTarget(tx, commune.departement_code, commune.canton_code, input.category);
      const threadId = await this.repository.insert(tx, {
        communeInsee: insee,
        departementCode: commune.departement_code,
        projectId: input.projectId ?? null,
        subject: input.subject,
        category: input.category,
        assigneeId,
        createdBy: user.id,
        createdAt: now,
        dueAt: workingCalendar(commune.departement_code).addWorkingDays(now, commune.first_response_days),
      });
      const messageId = await this.insertMessage(tx, threadId, user, input.body, false, now);
      await this.documents.claimAttachments(tx, user, insee, messageId, input.attachmentIds ?? []);
      await this.repository.refreshSearch(tx, threadId);
      await this.facts.refresh(tx, [threadId]);
      await this.notify.created(tx, { id: threadId, subject: input.subject, body: input.body, assigneeId }, commune);
      this.live.thread(tx, 'thread.created', { id: threadId, departement_code: commune.departement_code, commune_insee: insee });
      return threadId;
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
      const clock = clockAfter(clockOf(row), row.state, to, now, workingCalendar(row.departement_code), await this.repository.firstResponseDays(tx, row.departement_code));
      const firstResponse = side === 'DEPARTEMENT' && !internal && row.first_response_at === null;
      await this.repository.updateAfterMessage(tx, id, {
        state: to,
        clock,
        at: now,
        actorId: user.id,
        internal,
        firstResponseMs: firstResponse ? firstResponseMs(row.created_at, now, clockOf(row)) : null,
      });
      const messageId = await this.insertMessage(tx, id, user, input.body, internal, now);
      await this.documents.claimAttachments(tx, user, row.commune_insee, messageId, input.attachmentIds ?? []);
      await this.recordState(tx, id, user.id, row.state, to, now);
      await this.repository.refreshSearch(tx, id);
      await this.facts.refresh(tx, [id]);
      if (!internal) {
        await this.notify.messagePosted(tx, user, row, input.body);
      }
      // A note is news for the staff only: the commune's pages do not hear of it at all.
      this.live.thread(tx, 'thread.message', row, internal);
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
        await this.repository.lock(tx, message.thread_id);
        await this.repository.reviseMessage(tx, messageId, message.body, body, now);
        await this.repository.refreshSearch(tx, message.thread_id);
        // Visibility made sure the thread is of the editor's département.
        const thread = { id: message.thread_id, departement_code: user.departementCode, commune_insee: message.commune_insee };
        this.live.thread(tx, 'thread.updated', thread, message.internal);
      });
    }
    const row = (await this.repository.findMessage(messageId)) as MessageRow;
    return mapMessage(row, await this.attachmentsOf([messageId]).then((a) => a.get(messageId) ?? []), user.id, now);
  }

  async revisions(user: AuthUser, messageId: string): Promise<MessageRevisionDto[]> {
    await this.loadMessage(user, messageId);
    return (await this.repository.revisions(messageId)).map(mapRevision);
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
      const clock = clockAfter(clockOf(row), row.state, target, now, workingCalendar(row.departement_code), await this.repository.firstResponseDays(tx, row.departement_code));
      await this.repository.updateState(tx, id, { state: target, clock, at: now, actorId: user.id });
      await this.recordState(tx, id, user.id, row.state, target, now);
      await this.facts.refresh(tx, [id]);
      await this.notify.stateChanged(tx, user, row, target);
      this.live.thread(tx, 'thread.updated', row);
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
    const satisfaction = { score: input.score, effort: input.effort ?? null, comment: input.comment?.trim() || null, by: user.id, at: this.clock.now() };
    await this.db.transaction(async (tx) => {
      if (!(await this.repository.rate(tx, id, satisfaction))) {
        throw new ThreadsException(row.state !== 'CLOSED' ? 'SATISFACTION_NOT_CLOSED' : 'SATISFACTION_ALREADY_GIVEN');
      }
      await this.facts.refresh(tx, [id]);
    });
    this.live.thread(null, 'thread.updated', row);
    return this.get(user, id);
  }

  /** A thread the user may see, or 404 exactly like a thread that does not exist. Shared with the triage. */
  async loadVisible(user: AuthUser, id: string, manager?: EntityManager): Promise<ThreadRow> {
    if (!isUuid(id)) {
      throw new ThreadsException('THREAD_NOT_FOUND');
    }
    const row = await this.repository.findVisible(user, id, manager);
    if (!row) {
      throw new ThreadsException('THREAD_NOT_FOUND');
    }
    return row;
  }

  // --- Internals ---------------------------------------------------------------------------------------------

  private async toDto(user: AuthUser, row: ThreadRow): Promise<ThreadDto> {
    const staff = isStaff(user);
    const now = this.clock.now();
    const messages = await this.repository.messages(row.id, staff);
    const attachments = await this.attachmentsOf(messages.map((m) => m.id));
    const mayorName = staff ? await this.repository.activeMayorName(row.commune_insee) : null;
    return mapThread(user, row, messages, attachments, mayorName, now);
  }

  private async attachmentsOf(messageIds: string[]): Promise<Map<string, DocumentDto[]>> {
    const byMessage = new Map<string, DocumentDto[]>();
    for (const row of await this.repository.attachments(messageIds)) {
      const key = row.message_id as string;
      byMessage.set(key, [...(byMessage.get(key) ?? []), mapDocument(row)]);
    }
    return byMessage;
  }

  /** Locks the thread row for the rest of the transaction and reads it as it is now. */
  private async lock(tx: EntityManager, user: AuthUser, id: string): Promise<ThreadRow> {
    await this.repository.lock(tx, id);
    return this.loadVisible(user, id, tx);
  }

  private async loadMessage(user: AuthUser, messageId: string): Promise<MessageRow & { commune_insee: string }> {
    if (!isUuid(messageId)) {
      throw new ThreadsException('MESSAGE_NOT_FOUND');
    }
    const row = await this.repository.findVisibleMessage(user, messageId);
    if (!row) {
      throw new ThreadsException('MESSAGE_NOT_FOUND');
    }
    return row;
  }

  private insertMessage(tx: EntityManager, threadId: string, user: AuthUser, body: string, internal: boolean, now: Date): Promise<string> {
    return this.repository.insertMessage(tx, { threadId, authorId: user.id, authorSide: sideOf(user), body, internal, createdAt: now });
  }

  /** The thread's history keeps changes of state only (a reply that leaves the state as it was is no event). */
  private async recordState(tx: EntityManager, threadId: string, actorId: string, from: ThreadState, to: ThreadState, now: Date): Promise<void> {
    if (from !== to) {
      await this.repository.recordStateChange(tx, threadId, actorId, from, to, now);
    }
  }

  private async markRead(userId: string, threadId: string): Promise<void> {
    await this.repository.markRead(threadId, userId, this.clock.now());
    await this.notifications.markThreadRead(userId, threadId);
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
