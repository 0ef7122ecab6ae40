import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { EmailMode, NotificationKind, Role } from '@passerelle/shared/dto';
import { SqlParams } from '../common/sql/sql-params';
import { changedRows } from '../database/changed-rows';

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  title: string;
  excerpt: string;
  link: string;
  thread_id: string | null;
  project_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

export interface PreferenceRow {
  kind: NotificationKind;
  email_mode: EmailMode;
}

/** A notification whose e-mail is being queued, with its recipient's address. */
export interface ClaimedNotificationRow {
  user_id: string;
  email: string;
  departement_code: string;
  kind: NotificationKind;
  title: string;
  excerpt: string;
  link: string;
  thread_id: string | null;
  created_at: Date;
}

export interface NotificationInsert {
  recipients: string[];
  kind: NotificationKind;
  threadId: string | null;
  projectId: string | null;
  title: string;
  excerpt: string;
  link: string;
  createdAt: Date;
}

/** Which e-mails a claim takes: the immediate ones, or the digest's items created before a time. */
export type EmailClaim = { state: 'PENDING' } | { state: 'DIGEST'; createdBefore: Date };

/** The SQL of notification and notification_preference, and the lookups of who gets notified. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One notification per active recipient, its e-mail state taken from the recipient's preference for the kind. */
  async insertForRecipients(manager: EntityManager, n: NotificationInsert): Promise<void> {
    const params = new SqlParams();
    const kind = params.add(n.kind);
    await manager.query(
      `INSERT INTO notification (user_id, kind, thread_id, project_id, title, excerpt, link, created_at, email_state)
       SELECT u.id, ${kind}, ${params.add(n.threadId)}, ${params.add(n.projectId)}, ${params.add(n.title)}, ${params.add(n.excerpt)},
              ${params.add(n.link)}, ${params.add(n.createdAt)},
              CASE coalesce(np.email_mode, 'IMMEDIATE') WHEN 'IMMEDIATE' THEN 'PENDING' WHEN 'DIGEST' THEN 'DIGEST' ELSE 'NONE' END
         FROM app_user u
         LEFT JOIN notification_preference np ON np.user_id = u.id AND np.kind = ${kind}
        WHERE u.id = ${params.any(n.recipients, 'uuid[]')} AND u.state = 'ACTIVE'`,
      params.values,
    );
  }

  /** The département's active agents and admins. */
  async departementStaffIds(manager: Pick<EntityManager, 'query'>, departementCode: string): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE departement_code = $1 AND role IN ('AGENT', 'ADMIN') AND state = 'ACTIVE'`,
      [departementCode],
    );
    return rows.map((r) => r.id);
  }

  /** The commune's active members with one of `roles`, but `except`. */
  async communeMemberIds(manager: Pick<EntityManager, 'query'>, insee: string, roles: Role[], except: string): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE commune_insee = $1 AND role = ANY($2::user_role[]) AND state = 'ACTIVE' AND id <> $3`,
      [insee, roles, except],
    );
    return rows.map((r) => r.id);
  }

  page(userId: string, unreadOnly: boolean, limit: number, offset: number): Promise<NotificationRow[]> {
    return this.db.query<NotificationRow[]>(
      `SELECT id, kind, title, excerpt, link, thread_id, project_id, created_at, read_at FROM notification
        WHERE user_id = $1 AND (NOT $2 OR read_at IS NULL) ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
      [userId, unreadOnly, limit, offset],
    );
  }

  /** How many the list holds (all, or the unread ones only) and how many are unread. */
  async counts(userId: string, unreadOnly: boolean): Promise<{ total: number; unread: number }> {
    const [row] = await this.db.query<{ total: string; unread: string }[]>(
      `SELECT count(*) FILTER (WHERE NOT $2 OR read_at IS NULL) AS total, count(*) FILTER (WHERE read_at IS NULL) AS unread
         FROM notification WHERE user_id = $1`,
      [userId, unreadOnly],
    );
    return { total: Number(row.total), unread: Number(row.unread) };
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.db.query<{ unread: string }[]>(`SELECT count(*) AS unread FROM notification WHERE user_id = $1 AND read_at IS NULL`, [
      userId,
    ]);
    return Number(row.unread);
  }

  async exists(id: string, userId: string): Promise<boolean> {
    const rows = await this.db.query<{ found: number }[]>(`SELECT 1 AS found FROM notification WHERE id = $1 AND user_id = $2`, [id, userId]);
    return rows.length > 0;
  }

  async markRead(id: string, userId: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE notification SET read_at = $3 WHERE id = $1 AND user_id = $2 AND read_at IS NULL`, [id, userId, at]);
  }

  async markAllRead(userId: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE notification SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL`, [userId, at]);
  }

  async markThreadRead(userId: string, threadId: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE notification SET read_at = $3 WHERE user_id = $1 AND thread_id = $2 AND read_at IS NULL`, [userId, threadId, at]);
  }

  preferences(userId: string): Promise<PreferenceRow[]> {
    return this.db.query<PreferenceRow[]>(`SELECT kind, email_mode FROM notification_preference WHERE user_id = $1`, [userId]);
  }

  /** The mode the user chose for `kind`; `null` when they never chose. */
  async preferenceOf(userId: string, kind: NotificationKind): Promise<EmailMode | null> {
    const [row] = await this.db.query<{ email_mode: EmailMode }[]>(`SELECT email_mode FROM notification_preference WHERE user_id = $1 AND kind = $2`, [
      userId,
      kind,
    ]);
    return row?.email_mode ?? null;
  }

  async setPreference(manager: EntityManager, userId: string, kind: NotificationKind, mode: EmailMode): Promise<void> {
    await changedRows(
      manager,
      `INSERT INTO notification_preference (user_id, kind, email_mode) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, kind) DO UPDATE SET email_mode = excluded.email_mode RETURNING user_id`,
      [userId, kind, mode],
    );
  }

  /** The user's e-mails of `kind` not queued yet will not be. */
  async cancelUnsentEmails(userId: string, kind: NotificationKind): Promise<void> {
    await this.db.query(`UPDATE notification SET email_state = 'NONE' WHERE user_id = $1 AND kind = $2 AND email_state IN ('PENDING', 'DIGEST')`, [
      userId,
      kind,
    ]);
  }

  /**
   * Marks the e-mails of up to `userLimit` users queued at `now` and returns them, inside the caller's transaction
   * (the row locks keep other instances away until it commits); whole users at a time so that a digest is never
   * split.
   */
  claimEmails(manager: EntityManager, claim: EmailClaim, now: Date, userLimit: number): Promise<ClaimedNotificationRow[]> {
    const params = new SqlParams();
    const condition =
      claim.state === 'PENDING' ? `n.email_state = 'PENDING'` : `n.email_state = 'DIGEST' AND n.created_at < ${params.add(claim.createdBefore)}`;
    return changedRows<ClaimedNotificationRow>(
      manager,
      `UPDATE notification n SET email_state = 'QUEUED', emailed_at = ${params.add(now)}
         FROM app_user u
        WHERE u.id = n.user_id AND n.id IN (
              SELECT n.id FROM notification n
               WHERE ${condition}
                 AND n.user_id IN (SELECT DISTINCT n.user_id FROM notification n WHERE ${condition} LIMIT ${params.add(userLimit)})
               ORDER BY n.created_at FOR UPDATE SKIP LOCKED)
      RETURNING n.user_id, u.email, u.departement_code, n.kind, n.title, n.excerpt, n.link, n.thread_id, n.created_at`,
      params.values,
    );
  }
}
