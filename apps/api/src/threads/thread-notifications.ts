import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ThreadState } from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';
import type { AuthUser } from '../common/access/auth-user';
import { NotificationsService } from '../notifications/notifications.service';
import { excerpt } from '../common/text/markdown';
import { sideOf } from './thread-workflow';
import type { AssignedThreadRow, ThreadRow } from './threads.repository';

/**
 * Who hears of what happens to a thread, and in which words. Written in the caller's transaction, so a
 * notification exists exactly when the change does; the mailer sends them after the commit.
 */
@Injectable()
export class ThreadNotifications {
  constructor(private readonly notifications: NotificationsService) {}

  /** A new question: to the agent the routing chose, or to every agent of the département. */
  async created(
    tx: EntityManager,
    thread: { id: string; subject: string; body: string; assigneeId: string | null },
    commune: { name: string; departement_code: string },
  ): Promise<void> {
    await this.notifications.notify(tx, {
      recipients: thread.assigneeId ? [thread.assigneeId] : await this.notifications.departementStaff(tx, commune.departement_code),
      kind: 'THREAD_CREATED',
      threadId: thread.id,
      title: `Nouvelle question ${ofPlace(commune.name)} : « ${thread.subject} »`,
      excerpt: excerpt(thread.body),
    });
  }

  /** A public message: to the other side (never its author). */
  async messagePosted(tx: EntityManager, author: AuthUser, row: ThreadRow, body: string): Promise<void> {
    if (sideOf(author) === 'DEPARTEMENT') {
      await this.notifications.notify(tx, {
        recipients: await this.notifications.communeMembers(tx, row.commune_insee, author.id),
        kind: 'AGENT_REPLY',
        threadId: row.id,
        title: `Le département a répondu : « ${row.subject} »`,
        excerpt: excerpt(body),
      });
      return;
    }
    await this.notifications.notify(tx, {
      recipients: (await this.staffFor(tx, row)).filter((id) => id !== author.id),
      kind: 'COMMUNE_REPLY',
      threadId: row.id,
      title: `${row.commune_name} a répondu : « ${row.subject} »`,
      excerpt: excerpt(body),
    });
  }

  /** A closing tells the commune (and asks for its opinion); a commune reopening tells the département. */
  async stateChanged(tx: EntityManager, actor: AuthUser, row: ThreadRow, to: ThreadState): Promise<void> {
    if (to === 'CLOSED') {
      await this.notifications.notify(tx, {
        recipients: await this.notifications.communeMembers(tx, row.commune_insee, actor.id),
        kind: 'THREAD_CLOSED',
        threadId: row.id,
        title: `Question fermée : « ${row.subject} » — dites-nous si vous avez obtenu ce dont vous aviez besoin`,
        excerpt: '',
      });
    } else if (to === 'OPEN' && sideOf(actor) === 'COMMUNE') {
      await this.notifications.notify(tx, {
        recipients: await this.staffFor(tx, row),
        kind: 'COMMUNE_REPLY',
        threadId: row.id,
        title: `${row.commune_name} a rouvert la question « ${row.subject} »`,
        excerpt: '',
      });
    }
  }

  /** The new assignee hears of it, unless they took the thread themselves. */
  async assigned(tx: EntityManager, actor: AuthUser, thread: AssignedThreadRow, assigneeId: string | null): Promise<void> {
    if (assigneeId && assigneeId !== actor.id) {
      await this.notifications.notify(tx, {
        recipients: [assigneeId],
        kind: 'THREAD_ASSIGNED',
        threadId: thread.id,
        title: `Question qui vous est attribuée : « ${thread.subject} » (${thread.commune_name})`,
        excerpt: '',
      });
    }
  }

  /** Who on the département's side hears of the commune: the assignee, or everyone while nobody is assigned. */
  private async staffFor(tx: EntityManager, row: ThreadRow): Promise<string[]> {
    return row.assignee_id ? [row.assignee_id] : this.notifications.departementStaff(tx, row.departement_code);
  }
}
