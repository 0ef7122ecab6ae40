import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  COMMUNE_NOTIFICATION_KINDS,
  type EmailMode,
  type NotificationKind,
  type NotificationPageDto,
  type NotificationPreferenceDto,
  type Role,
  STAFF_NOTIFICATION_KINDS,
  type UnsubscribeResultDto,
} from '@passerelle/shared/dto';
import { UsersRepository } from '../accounts/users.repository';
import { isUuid } from '../common/http/uuid';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { Clock } from '../common/clock/clock';
import { DomainException, ValidationFailedException } from '../common/exceptions/domain.exception';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { LiveEvents } from '../live/live-events';
import { mapNotification, mapPreference } from './notification.mapper';
import { NotificationsRepository } from './notifications.repository';
import { UnsubscribeTokens } from './unsubscribe-token';

export interface NewNotification {
  recipients: string[];
  kind: NotificationKind;
  /** What it is about: a thread, or a project (publication). */
  threadId?: string;
  projectId?: string;
  /** FAQ_FROM_QUESTION, FAQ_TO_REVIEW: the entry the notification links to. */
  faqEntryId?: string;
  /** DEPT_REPORT_TO_REVIEW, DEPT_REPORT_DECIDED: the département's project (not a commune's: no `projectId`). */
  deptProjectId?: string;
  title: string;
  /** Public text only (a question or an answer), never an internal note. */
  excerpt: string;
}

/** The web app's « Mon compte » page, for both sides. */
export const ACCOUNT_PAGE = '/compte';

/** The back office's pages of the département's own projects (`/departement/projets-du-departement/:id`). */
export const DEPT_PROJECT_PAGES = '/departement/projets-du-departement/';

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
    private readonly repository: NotificationsRepository,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
    private readonly live: LiveEvents,
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
    await this.repository.insertForRecipients(tx, {
      recipients,
      kind: input.kind,
      threadId: input.threadId ?? null,
      projectId: input.projectId ?? null,
      title: input.title,
      excerpt: input.excerpt,
      link: linkFor(input),
      createdAt: this.clock.now(),
    });
    // The bells of the recipients' open pages, once the change that notified them is committed.
    this.live.notificationsFor(tx, recipients);
  }

  /** Everyone of the département who answers questions and reviews publications. */
  departementStaff(tx: Pick<EntityManager, 'query'>, code: string): Promise<string[]> {
    return this.repository.departementStaffIds(tx, code);
  }

  /** The commune's active members with one of `roles`, but the one who acted. */
  communeMembers(tx: Pick<EntityManager, 'query'>, insee: string, except: string, roles: Role[] = ['MAYOR', 'COLLABORATOR']): Promise<string[]> {
    return this.repository.communeMemberIds(tx, insee, roles, except);
  }

  async list(user: AuthUser, unreadOnly: boolean, limit: number, offset: number): Promise<NotificationPageDto> {
    const [rows, { total, unread }] = await Promise.all([
      this.repository.page(user.id, unreadOnly, limit, offset),
      this.repository.counts(user.id, unreadOnly),
    ]);
    return { items: rows.map(mapNotification), total, unread, limit, offset };
  }

  async unreadCount(user: AuthUser): Promise<number> {
    return this.repository.unreadCount(user.id);
  }

  async markRead(user: AuthUser, id: string): Promise<void> {
    if (!isUuid(id)) {
      throw notFound();
    }
    if (!(await this.repository.exists(id, user.id))) {
      throw notFound();
    }
    await this.repository.markRead(id, user.id, this.clock.now());
  }

  async markAllRead(user: AuthUser): Promise<void> {
    await this.repository.markAllRead(user.id, this.clock.now());
  }

  /** Opening a thread reads its notifications. */
  async markThreadRead(userId: string, threadId: string): Promise<void> {
    await this.repository.markThreadRead(userId, threadId, this.clock.now());
  }

  async preferences(user: Pick<AuthUser, 'id' | 'role'>): Promise<NotificationPreferenceDto[]> {
    const rows = await this.repository.preferences(user.id);
    const chosen = new Map(rows.map((r) => [r.kind, r.email_mode]));
    return kindsFor(user).map((kind) => mapPreference(kind, chosen.get(kind)));
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
        await this.repository.setPreference(tx, user.id, p.kind, p.email);
      }
    });
    return this.preferences(user);
  }

  /** What an unsubscribe link would turn off, without changing anything (mail scanners follow links). */
  async describeUnsubscribe(token: string): Promise<UnsubscribeResultDto> {
    const { userId, kind } = await this.checkToken(token);
    return mapPreference(kind, await this.repository.preferenceOf(userId, kind));
  }

  async unsubscribe(token: string): Promise<UnsubscribeResultDto> {
    const { userId, kind } = await this.checkToken(token);
    await this.db.transaction((tx) => this.repository.setPreference(tx, userId, kind, 'NONE'));
    // Nothing already waiting for the digest leaves either.
    await this.repository.cancelUnsentEmails(userId, kind);
    return mapPreference(kind, 'NONE');
  }

  private async checkToken(token: string): Promise<{ userId: string; kind: NotificationKind }> {
    const claim = typeof token === 'string' && token.length < 300 ? this.tokens.verify(token) : null;
    if (!claim || !isUuid(claim.userId)) {
      throw invalidToken();
    }
    const user = await this.users.byId(claim.userId);
    if (!user || !kindsFor(user).includes(claim.kind)) {
      throw invalidToken();
    }
    return claim;
  }
}

/** The page of the web app a notification opens, on the side of its recipients. */
export function linkFor(n: Pick<NewNotification, 'kind' | 'threadId' | 'projectId' | 'faqEntryId' | 'deptProjectId'>): string {
  if (n.kind === 'DATA_EXPORT_READY') {
    // The account page lists the exports; the file itself is only ever fetched there, signed in.
    return ACCOUNT_PAGE;
  }
  if (n.kind === 'DEPT_REPORT_TO_REVIEW' || n.kind === 'DEPT_REPORT_DECIDED') {
    return `${DEPT_PROJECT_PAGES}${n.deptProjectId ?? ''}`;
  }
  const commune = COMMUNE_NOTIFICATION_KINDS.includes(n.kind);
  if (n.faqEntryId) {
    return `${commune ? '/espace/faq/' : '/departement/faq/'}${n.faqEntryId}`;
  }
  if (n.threadId) {
    return `${commune ? '/espace/questions/' : '/departement/questions/'}${n.threadId}`;
  }
  return `${commune ? '/espace/projets/' : '/departement/projets/'}${n.projectId ?? ''}`;
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
