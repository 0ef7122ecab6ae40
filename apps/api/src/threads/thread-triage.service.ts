import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { BulkThreadsInput, BulkThreadsResult, FilledTemplateDto, ThreadDto } from '@passerelle/shared/dto';
import type { AuthUser } from '../common/access/auth-user';
import { Clock } from '../common/clock/clock';
import { ValidationFailedException } from '../common/exceptions/domain.exception';
import { ThreadFactsService } from '../indicators/thread-facts.service';
import { LiveEvents } from '../live/live-events';
import { NotificationMailer } from '../notifications/notification-mailer';
import { ThreadNotifications } from './thread-notifications';
import { ThreadsRepository } from './threads.repository';
import { ThreadsService } from './threads.service';

/**
 * The agents' handling of threads: who takes a thread, its labels, the same change on many threads, and answer
 * templates filled in for a thread. Staff only (the controller allows agents and admins); none of it is ever shown
 * to the commune.
 */
@Injectable()
export class ThreadTriageService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: ThreadsRepository,
    private readonly threads: ThreadsService,
    private readonly mailer: NotificationMailer,
    private readonly notify: ThreadNotifications,
    private readonly clock: Clock,
    private readonly live: LiveEvents,
    private readonly facts: ThreadFactsService,
  ) {}

  async assign(user: AuthUser, id: string, assigneeId: string | null): Promise<ThreadDto> {
    await this.threads.loadVisible(user, id);
    await this.db.transaction(async (tx) => {
      await this.checkAgent(tx, user, assigneeId, 'assigneeId');
      await this.setAssignee(tx, user, [id], assigneeId);
    });
    this.mailer.flushSoon();
    return this.threads.get(user, id);
  }

  async setLabels(user: AuthUser, id: string, labelIds: string[]): Promise<ThreadDto> {
    await this.threads.loadVisible(user, id);
    const unique = [...new Set(labelIds)];
    await this.db.transaction(async (tx) => {
      await this.checkLabels(tx, user, unique, 'labelIds');
      await this.repository.replaceLabels(tx, id, unique);
      await this.facts.touched(user.departementCode, tx);
      this.live.staffThreads(tx, user.departementCode, [id]);
    });
    return this.threads.get(user, id);
  }

  /** Up to 100 threads of the user's département at once; any other id makes the whole request fail (404-like 400). */
  async bulk(user: AuthUser, input: BulkThreadsInput): Promise<BulkThreadsResult> {
    const ids = [...new Set(input.threadIds)];
    const add = [...new Set(input.addLabelIds ?? [])];
    const remove = [...new Set(input.removeLabelIds ?? [])];
    await this.db.transaction(async (tx) => {
      const found = await this.repository.departementThreadIds(tx, ids, user.departementCode);
      if (found.length !== ids.length) {
        throw new ValidationFailedException({ threadIds: 'Certaines questions sont introuvables : rechargez la liste.' });
      }
      if (input.assigneeId !== undefined) {
        await this.checkAgent(tx, user, input.assigneeId, 'assigneeId');
        await this.setAssignee(tx, user, ids, input.assigneeId);
      }
      await this.checkLabels(tx, user, add, 'addLabelIds');
      await this.checkLabels(tx, user, remove, 'removeLabelIds');
      if (add.length > 0) {
        await this.repository.addLabels(tx, ids, add);
      }
      if (remove.length > 0) {
        await this.repository.removeLabels(tx, ids, remove);
      }
      if (add.length > 0 || remove.length > 0) {
        await this.facts.touched(user.departementCode, tx);
        this.live.staffThreads(tx, user.departementCode, ids);
      }
    });
    this.mailer.flushSoon();
    return { updated: ids.length };
  }

  /** The département's templates with `{{commune}}` and `{{maire}}` replaced for this thread. */
  async templatesFor(user: AuthUser, id: string): Promise<FilledTemplateDto[]> {
    const thread = await this.threads.loadVisible(user, id);
    const mayorName = await this.repository.activeMayorName(thread.commune_insee);
    const values: Record<string, string> = {
      '{{commune}}': thread.commune_name,
      '{{maire}}': mayorName ?? 'Madame, Monsieur le Maire',
    };
    const rows = await this.repository.templates(user.departementCode);
    return rows.map((r) => ({ id: r.id, title: r.title, body: fillTemplate(r.body, values) }));
  }

  private async setAssignee(tx: EntityManager, user: AuthUser, ids: string[], assigneeId: string | null): Promise<void> {
    const now = this.clock.now();
    const changed = await this.repository.setAssignee(tx, ids, assigneeId, now);
    for (const thread of changed) {
      await this.repository.recordAssigned(tx, thread.id, user.id, assigneeId, now);
      await this.notify.assigned(tx, user, thread, assigneeId);
    }
    this.live.staffThreads(tx, user.departementCode, changed.map((thread) => thread.id));
  }

  private async checkAgent(tx: EntityManager, user: AuthUser, agentId: string | null, field: string): Promise<void> {
    if (agentId === null) {
      return;
    }
    if (!(await this.repository.isActiveAgent(tx, agentId, user.departementCode))) {
      throw new ValidationFailedException({ [field]: 'Choisissez un agent actif du département.' });
    }
  }

  private async checkLabels(tx: EntityManager, user: AuthUser, ids: string[], field: string): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    if ((await this.repository.countLabels(tx, ids, user.departementCode)) !== ids.length) {
      throw new ValidationFailedException({ [field]: 'Une étiquette est introuvable : rechargez la page.' });
    }
  }
}

export function fillTemplate(body: string, values: Record<string, string>): string {
  return body.replace(/\{\{\s*(commune|maire)\s*\}\}/g, (_, name: string) => values[`{{${name}}}`] ?? '');
}
