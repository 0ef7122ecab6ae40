import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { BulkThreadsInput, BulkThreadsResult, FilledTemplateDto, ThreadDto } from '@passerelle/shared/dto';
import type { AuthUser } from '../common/access/auth-user';
import { Clock } from '../common/clock/clock';
import { ValidationFailedException } from '../common/exceptions/domain.exception';
import { changedRows } from '../database/changed-rows';
import { NotificationMailer } from '../notifications/notification-mailer';
import { NotificationsService } from '../notifications/notifications.service';
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
    private readonly threads: ThreadsService,
    private readonly mailer: NotificationMailer,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
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
      await tx.query(`DELETE FROM thread_label WHERE thread_id = $1 AND NOT (label_id = ANY($2::uuid[]))`, [id, unique]);
      await tx.query(`INSERT INTO thread_label (thread_id, label_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [id, unique]);
    });
    return this.threads.get(user, id);
  }

  /** Up to 100 threads of the user's département at once; any other id makes the whole request fail (404-like 400). */
  async bulk(user: AuthUser, input: BulkThreadsInput): Promise<BulkThreadsResult> {
    const ids = [...new Set(input.threadIds)];
    const add = [...new Set(input.addLabelIds ?? [])];
    const remove = [...new Set(input.removeLabelIds ?? [])];
    await this.db.transaction(async (tx) => {
      const found: { id: string }[] = await tx.query(`SELECT id FROM thread WHERE id = ANY($1::uuid[]) AND departement_code = $2`, [ids, user.departementCode]);
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
        await tx.query(
          `INSERT INTO thread_label (thread_id, label_id) SELECT t, l FROM unnest($1::uuid[]) t CROSS JOIN unnest($2::uuid[]) l ON CONFLICT DO NOTHING`,
          [ids, add],
        );
      }
      if (remove.length > 0) {
        await tx.query(`DELETE FROM thread_label WHERE thread_id = ANY($1::uuid[]) AND label_id = ANY($2::uuid[])`, [ids, remove]);
      }
    });
    this.mailer.flushSoon();
    return { updated: ids.length };
  }

  /** The département's templates with `{{commune}}` and `{{maire}}` replaced for this thread. */
  async templatesFor(user: AuthUser, id: string): Promise<FilledTemplateDto[]> {
    const thread = await this.threads.loadVisible(user, id);
    const [mayor] = await this.db.query(`SELECT display_name FROM app_user WHERE commune_insee = $1 AND role = 'MAYOR' AND state = 'ACTIVE'`, [
      thread.commune_insee,
    ]);
    const values: Record<string, string> = {
      '{{commune}}': thread.commune_name,
      '{{maire}}': mayor?.display_name ?? 'Madame, Monsieur le Maire',
    };
    const rows: { id: string; title: string; body: string }[] = await this.db.query(
      `SELECT id, title, body FROM answer_template WHERE departement_code = $1 ORDER BY lower(title), id`,
      [user.departementCode],
    );
    return rows.map((r) => ({ id: r.id, title: r.title, body: fillTemplate(r.body, values) }));
  }

  private async setAssignee(tx: EntityManager, user: AuthUser, ids: string[], assigneeId: string | null): Promise<void> {
    const now = this.clock.now();
    const changed = await changedRows<{ id: string; subject: string; commune_name: string }>(
      tx,
      `UPDATE thread t SET assignee_id = $2, last_activity_at = $3 FROM commune c
        WHERE c.insee = t.commune_insee AND t.id = ANY($1::uuid[]) AND t.assignee_id IS DISTINCT FROM $2::uuid
      RETURNING t.id, t.subject, c.name AS commune_name`,
      [ids, assigneeId, now],
    );
    for (const thread of changed) {
      await tx.query(`INSERT INTO thread_event (thread_id, at, actor_id, kind, details) VALUES ($1, $2, $3, 'ASSIGNED', $4)`, [
        thread.id,
        now,
        user.id,
        JSON.stringify({ assigneeId }),
      ]);
      if (assigneeId && assigneeId !== user.id) {
        await this.notifications.notify(tx, {
          recipients: [assigneeId],
          kind: 'THREAD_ASSIGNED',
          threadId: thread.id,
          title: `Question qui vous est attribuée : « ${thread.subject} » (${thread.commune_name})`,
          excerpt: '',
        });
      }
    }
  }

  private async checkAgent(tx: EntityManager, user: AuthUser, agentId: string | null, field: string): Promise<void> {
    if (agentId === null) {
      return;
    }
    const [agent] = await tx.query(
      `SELECT 1 FROM app_user WHERE id = $1 AND departement_code = $2 AND role IN ('AGENT', 'ADMIN') AND state = 'ACTIVE'`,
      [agentId, user.departementCode],
    );
    if (!agent) {
      throw new ValidationFailedException({ [field]: 'Choisissez un agent actif du département.' });
    }
  }

  private async checkLabels(tx: EntityManager, user: AuthUser, ids: string[], field: string): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    const [{ count }] = await tx.query(`SELECT count(*) AS count FROM label WHERE id = ANY($1::uuid[]) AND departement_code = $2`, [
      ids,
      user.departementCode,
    ]);
    if (Number(count) !== ids.length) {
      throw new ValidationFailedException({ [field]: 'Une étiquette est introuvable : rechargez la page.' });
    }
  }
}

export function fillTemplate(body: string, values: Record<string, string>): string {
  return body.replace(/\{\{\s*(commune|maire)\s*\}\}/g, (_, name: string) => values[`{{${name}}}`] ?? '');
}
