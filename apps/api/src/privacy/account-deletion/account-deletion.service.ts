import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AccountDeletionDto } from '@passerelle/shared/dto';
import { UsersRepository } from '../../accounts/users.repository';
import { AuditService } from '../../audit/audit.service';
import { AuthException } from '../../auth/auth.exception';
import { verifyPassword } from '../../auth/passwords';
import { SessionsService } from '../../auth/sessions.service';
import type { RequestMeta } from '../../common/access/access.decorators';
import type { AuthUser } from '../../common/access/auth-user';
import { Clock } from '../../common/clock/clock';
import { ValidationFailedException } from '../../common/exceptions/domain.exception';
import { isUuid } from '../../common/http/uuid';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { MailService } from '../../mail/mail.service';
import { AccountDeletionException } from './account-deletion.exception';
import { deletionCancelledMail, deletionRequestedMail } from './account-deletion.mails';
import { AccountDeletionRepository, type DeletionSubjectRow } from './account-deletion.repository';

const DAY_MS = 86_400_000;

/** Who asks: the person, or a département admin on their request (with the reason, for the audit log). */
type Requester = { by: 'SELF'; actorId: string } | { by: 'ADMIN'; actorId: string; reason: string };

/**
 * Asking for an account's deletion, and calling it off. The account is disabled at once (every session ends) and
 * deleted after `privacy.deletionGraceDays` by the retention job (`AccountErasureService`); signing in before then
 * cancels it (see `AuthService`). The last mayor of a commune and the last admin of a département cannot go: the
 * département first names someone else.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: AccountDeletionRepository,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /** The signed-in user, confirming with their password (checked like a password change checks the current one). */
  async requestOwn(user: AuthUser, password: string, meta: RequestMeta): Promise<AccountDeletionDto> {
    const record = await this.users.byId(user.id);
    if (!record) {
      throw new AuthException('UNAUTHENTICATED');
    }
    if (!(await verifyPassword(record.password_hash, password))) {
      throw new ValidationFailedException({ password: 'Le mot de passe est incorrect.' });
    }
    return this.request(user.id, record.departement_code, { by: 'SELF', actorId: user.id }, meta);
  }

  /** A département admin, on the person's request: one of its agents or a member of one of its communes. */
  async requestForUser(admin: AuthUser, userId: string, reason: string, meta: RequestMeta): Promise<AccountDeletionDto> {
    this.assertNotSelf(admin, userId);
    return this.request(userId, admin.departementCode, { by: 'ADMIN', actorId: admin.id, reason }, meta);
  }

  /** A département admin calls a pending deletion off. */
  async cancelForUser(admin: AuthUser, userId: string, meta: RequestMeta): Promise<void> {
    if (!isUuid(userId)) {
      throw new AccountDeletionException('USER_NOT_FOUND');
    }
    await this.db.transaction(async (tx) => {
      await this.repository.lockDepartement(tx, admin.departementCode);
      const subject = await this.lockSubject(tx, userId, admin.departementCode);
      const cancelled = subject.deletion_due_at ? await this.repository.cancel(tx, subject.id) : null;
      if (!cancelled) {
        throw new AccountDeletionException('ACCOUNT_DELETION_NOT_REQUESTED');
      }
      await this.audit.record(
        { action: 'ACCOUNT_DELETION_CANCELLED', actorId: admin.id, targetType: 'user', targetId: subject.id, departementCode: subject.departement_code, communeInsee: subject.commune_insee, details: { by: 'ADMIN' } },
        meta,
        tx,
      );
      await this.mail.send(
        { ...deletionCancelledMail({ to: subject.email, active: cancelled.state === 'ACTIVE', signInUrl: this.signInUrl() }), departementCode: subject.departement_code },
        tx,
      );
    });
  }

  private async request(userId: string, departementCode: string, requester: Requester, meta: RequestMeta): Promise<AccountDeletionDto> {
    if (!isUuid(userId)) {
      throw new AccountDeletionException('USER_NOT_FOUND');
    }
    const at = this.clock.now();
    const dueAt = new Date(at.getTime() + this.config.privacy.deletionGraceDays * DAY_MS);
    await this.db.transaction(async (tx) => {
      await this.repository.lockDepartement(tx, departementCode);
      const subject = await this.lockSubject(tx, userId, departementCode);
      if (subject.deletion_due_at) {
        throw new AccountDeletionException('ACCOUNT_DELETION_ALREADY_REQUESTED');
      }
      const last = await this.repository.lastOfRole(tx, subject.id);
      if (last) {
        throw new AccountDeletionException(last === 'LAST_MAYOR' ? 'ACCOUNT_DELETION_LAST_MAYOR' : 'ACCOUNT_DELETION_LAST_ADMIN');
      }
      if (!(await this.repository.markRequested(tx, subject.id, { at, dueAt, by: requester.actorId }))) {
        throw new AccountDeletionException('ACCOUNT_DELETION_ALREADY_REQUESTED');
      }
      await this.sessions.revokeAll(subject.id, 'DELETION_REQUESTED', tx);
      await this.audit.record(
        {
          action: 'ACCOUNT_DELETION_REQUESTED',
          actorId: requester.actorId,
          targetType: 'user',
          targetId: subject.id,
          departementCode: subject.departement_code,
          communeInsee: subject.commune_insee,
          details: { by: requester.by, dueAt: dueAt.toISOString(), ...(requester.by === 'ADMIN' ? { reason: requester.reason } : {}) },
        },
        meta,
        tx,
      );
      await this.sendRequestedMail(tx, subject, dueAt, requester.by === 'ADMIN');
    });
    return { userId, requestedAt: at.toISOString(), dueAt: dueAt.toISOString(), requestedBy: requester.by };
  }

  /** Queued with the request, in its transaction: no request without its mail. */
  private async sendRequestedMail(tx: EntityManager, subject: DeletionSubjectRow, dueAt: Date, byAdmin: boolean): Promise<void> {
    const mail = deletionRequestedMail({
      to: subject.email,
      role: subject.role,
      dueAt,
      byAdmin,
      cancellableBySigningIn: subject.disabled_at === null,
      signInUrl: this.signInUrl(),
    });
    await this.mail.send({ ...mail, departementCode: subject.departement_code }, tx);
  }

  /** An account of the département that is not deleted; anything else is not found, like a missing one. */
  private async lockSubject(tx: EntityManager, userId: string, departementCode: string): Promise<DeletionSubjectRow> {
    const subject = await this.repository.lockSubject(tx, userId, departementCode);
    if (!subject || subject.deleted_at) {
      throw new AccountDeletionException('USER_NOT_FOUND');
    }
    return subject;
  }

  /** An admin's own account goes through « Mon compte », with their password. */
  private assertNotSelf(admin: AuthUser, userId: string): void {
    // Ids are compared in one spelling (the controller's pipe lower-cases them; this stays true without it).
    if (userId.toLowerCase() === admin.id.toLowerCase()) {
      throw new AccountDeletionException('ACCOUNT_DELETION_OWN_ACCOUNT');
    }
  }

  private signInUrl(): string {
    return `${this.config.publicUrl}/connexion`;
  }
}
