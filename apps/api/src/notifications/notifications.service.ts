import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  COMMUNE_NOTIFICATION_KINDS,
  type EmailMode,
  NOTIFICATION_KIND_LABELS,
  type NotificationDto,
  type NotificationKind,
  type NotificationPageDto,
  type NotificationPreferenceDto,
  type Role,
  STAFF_NOTIFICATION_KINDS,
  type UnsubscribeResultDto,
} from '@passerelle/shared/dto';
import { isUuid } from '../common/http/uuid';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { Clock } from '../common/clock/clock';
import { DomainException, ValidationFailedException } from '../common/exceptions/domain.exception';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { changedRows } from '../database/changed-rows';
import { UnsubscribeTokens } from './unsubscribe-token';

export interface NewNotification {
  recipients: string[];
  kind: NotificationKind;
  /** What it is about: a thread, or a project (publication). */
  threadId?: string;
  projectId?: string;
  title: string;
  /** Public text only (a question or an answer), never an internal note. */
  excerpt: string;
}

interface NotificationRow {
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

/** Which kinds a user can receive, by side. */
export function kindsFor(user: Pick<AuthUser, 'role'>): readonly NotificationKind[] {
  return isStaff(user) ? STAFF_NOTIFICATION_KINDS : COMMUNE_NOTIFICATION_KINDS;
}

/**
 * In-app notifications and the e-mail preferences. A notification is written in the transaction of the change it
 * reports; its e-mail leaves afterwards (`NotificationMailer`), at once or in the morning digest as the user chose.
 */
@Injectable()
export class NotificationsService {
  readonly tokens: UnsubscribeTokens;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    if (!config.encryptionKey) {
      throw new Error('ENCRYPTION_KEY is missing (withLocalSecrets or the environment provides it)');
    }
    this.tokens = new UnsubscribeTokens(config.encryptionKey);
  }

  /** Writes one notification per active recipient, with the e-mail state their preference asks for. */
  async notify(tx: EntityManager, input: NewNotification): Promise<void> {
    const recipients = [...new Set(input.recipients)];
    if (recipients.length === 0) {
      return;
    }
    await tx.query(
      `INSERT INTO notification (user_id, kind, thread_id, project_id, title, excerpt, link, created_at, email_state)
       SELECT u.id, $2, $3, $8, $4, $5, $6, $7,
              CASE coalesce(np.email_mode, 'IMMEDIATE') WHEN 'IMMEDIATE' THEN 'PENDING' WHEN 'DIGEST' THEN 'DIGEST' ELSE 'NONE' END
         FROM app_user u
         LEFT JOIN notification_preference np ON np.user_id = u.id AND np.kind = $2
        WHERE u.id = ANY($1::uuid[]) AND u.state = 'ACTIVE'`,
      [recipients, input.kind, input.threadId ?? null, input.title, input.excerpt, linkFor(input), this.clock.now(), input.projectId ?? null],
    );
  }

  /** Everyone of the département who answers questions and reviews publications. */
  async departementStaff(tx: Pick<EntityManager, 'query'>, code: string): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM app_user WHERE departement_code = $1 AND role IN ('AGENT', 'ADMIN') AND state = 'ACTIVE'`,
      [code],
    );
    return rows.map((r) => r.id);
  }

  /** The commune's active members with one of `roles`, but the one who acted. */
  async communeMembers(tx: Pick<EntityManager, 'query'>, insee: string, except: string, roles: Role[] = ['MAYOR', 'COLLABORATOR']): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM app_user WHERE commune_insee = $1 AND role = ANY($2::user_role[]) AND state = 'ACTIVE' AND id <> $3`,
      [insee, roles, except],
    );
    return rows.map((r) => r.id);
  }

  async list(user: AuthUser, unreadOnly: boolean, limit: number, offset: number): Promise<NotificationPageDto> {
    const [rows, [{ total, unread }]] = await Promise.all([
      this.db.query(
        `SELECT id, kind, title, excerpt, link, thread_id, project_id, created_at, read_at FROM notification
          WHERE user_id = $1 AND (NOT $2 OR read_at IS NULL) ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
        [user.id, unreadOnly, limit, offset],
      ) as Promise<NotificationRow[]>,
      this.db.query(
        `SELECT count(*) FILTER (WHERE NOT $2 OR read_at IS NULL) AS total, count(*) FILTER (WHERE read_at IS NULL) AS unread
           FROM notification WHERE user_id = $1`,
        [user.id, unreadOnly],
      ),
    ]);
    return { items: rows.map(mapNotification), total: Number(total), unread: Number(unread), limit, offset };
  }

  async unreadCount(user: AuthUser): Promise<number> {
    const [{ unread }] = await this.db.query(`SELECT count(*) AS unread FROM notification WHERE user_id = $1 AND read_at IS NULL`, [user.id]);
    return Number(unread);
  }

  async markRead(user: AuthUser, id: string): Promise<void> {
    if (!isUuid(id)) {
      throw notFound();
    }
    const [row] = await this.db.query(`SELECT 1 FROM notification WHERE id = $1 AND user_id = $2`, [id, user.id]);
    if (!row) {
      throw notFound();
    }
    await this.db.query(`UPDATE notification SET read_at = $3 WHERE id = $1 AND user_id = $2 AND read_at IS NULL`, [id, user.id, this.clock.now()]);
  }

  async markAllRead(user: AuthUser): Promise<void> {
    await this.db.query(`UPDATE notification SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL`, [user.id, this.clock.now()]);
  }

  /** Opening a thread reads its notifications. */
  async markThreadRead(userId: string, threadId: string): Promise<void> {
    await this.db.query(`UPDATE notification SET read_at = $3 WHERE user_id = $1 AND thread_id = $2 AND read_at IS NULL`, [
      userId,
      threadId,
      this.clock.now(),
    ]);
  }

  async preferences(user: Pick<AuthUser, 'id' | 'role'>): Promise<NotificationPreferenceDto[]> {
    const rows: { kind: NotificationKind; email_mode: EmailMode }[] = await this.db.query(
      `SELECT kind, email_mode FROM notification_preference WHERE user_id = $1`,
      [user.id],
    );
    const chosen = new Map(rows.map((r) => [r.kind, r.email_mode]));
    return kindsFor(user).map((kind) => ({ kind, label: NOTIFICATION_KIND_LABELS[kind], email: chosen.get(kind) ?? 'IMMEDIATE' }));
  }

  async updatePreferences(user: AuthUser, preferences: { kind: NotificationKind; email: EmailMode }[]): Promise<NotificationPreferenceDto[]> {
    const allowed = kindsFor(user);
    const errors: Record<string, string> = {};
    preferences.forEach((p, i) => {
      if (!allowed.includes(p.kind)) {
        errors[`preferences.${i}.kind`] = 'Ce type de notification ne vous concerne pas.';
      }
    });
    if (Object.keys(errors).length > 0) {
      throw new ValidationFailedException(errors);
    }
    await this.db.transaction(async (tx) => {
      for (const p of preferences) {
        await this.setMode(tx, user.id, p.kind, p.email);
      }
    });
    return this.preferences(user);
  }

  /** What an unsubscribe link would turn off, without changing anything (mail scanners follow links). */
  async describeUnsubscribe(token: string): Promise<UnsubscribeResultDto> {
    const { userId, kind } = await this.checkToken(token);
    const [row] = await this.db.query(`SELECT email_mode FROM notification_preference WHERE user_id = $1 AND kind = $2`, [userId, kind]);
    return { kind, label: NOTIFICATION_KIND_LABELS[kind], email: row?.email_mode ?? 'IMMEDIATE' };
  }

  async unsubscribe(token: string): Promise<UnsubscribeResultDto> {
    const { userId, kind } = await this.checkToken(token);
    await this.db.transaction((tx) => this.setMode(tx, userId, kind, 'NONE'));
    // Nothing already waiting for the digest leaves either.
    await this.db.query(`UPDATE notification SET email_state = 'NONE' WHERE user_id = $1 AND kind = $2 AND email_state IN ('PENDING', 'DIGEST')`, [
      userId,
      kind,
    ]);
    return { kind, label: NOTIFICATION_KIND_LABELS[kind], email: 'NONE' };
  }

  private async checkToken(token: string): Promise<{ userId: string; kind: NotificationKind }> {
    const claim = typeof token === 'string' && token.length < 300 ? this.tokens.verify(token) : null;
    if (!claim || !isUuid(claim.userId)) {
      throw invalidToken();
    }
    const [user] = await this.db.query(`SELECT role FROM app_user WHERE id = $1`, [claim.userId]);
    if (!user || !kindsFor(user).includes(claim.kind)) {
      throw invalidToken();
    }
    return claim;
  }

  private async setMode(tx: EntityManager, userId: string, kind: NotificationKind, mode: EmailMode): Promise<void> {
    await changedRows(
      tx,
      `INSERT INTO notification_preference (user_id, kind, email_mode) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, kind) DO UPDATE SET email_mode = excluded.email_mode RETURNING user_id`,
      [userId, kind, mode],
    );
  }
}

/** The page of the web app a notification opens, on the side of its recipients. */
export function linkFor(n: Pick<NewNotification, 'kind' | 'threadId' | 'projectId'>): string {
  const commune = COMMUNE_NOTIFICATION_KINDS.includes(n.kind);
  if (n.threadId) {
    return `${commune ? '/espace/questions/' : '/departement/questions/'}${n.threadId}`;
  }
  return `${commune ? '/espace/projets/' : '/departement/projets/'}${n.projectId ?? ''}`;
}

function mapNotification(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    excerpt: row.excerpt,
    link: row.link,
    threadId: row.thread_id,
    projectId: row.project_id,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

function notFound(): DomainException {
  return new DomainException('NOTIFICATION_NOT_FOUND', 'NOT_FOUND', 'Cette notification est introuvable.');
}

function invalidToken(): DomainException {
  return new DomainException(
    'UNSUBSCRIBE_LINK_INVALID',
    'NOT_FOUND',
    'Ce lien de désabonnement n’est pas valide. Réglez vos notifications depuis la page « Mon compte ».',
  );
}
