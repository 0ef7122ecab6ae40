import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MeDto, RecoveryCodesDto, SessionDto, TotpSetupDto } from '@passerelle/shared/dto';
import { AuditService } from '../audit/audit.service';
import { AuthException } from '../auth/auth.exception';
import { AuthService } from '../auth/auth.service';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { SessionsService } from '../auth/sessions.service';
import { TotpService } from '../auth/totp.service';
import type { RequestMeta } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { ValidationFailedException } from '../common/exceptions/domain.exception';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { type UserRecord, toMe, totpRequired } from '../accounts/user-record';
import { isUuid } from '../common/http/uuid';
import { UsersRepository } from '../accounts/users.repository';

/** The signed-in user's own account: profile, password, second factor, sessions, data export. */
@Injectable()
export class MeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly totp: TotpService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async me(user: AuthUser): Promise<MeDto> {
    return toMe(await this.load(user), this.config.demoMode);
  }

  async update(user: AuthUser, displayName: string, meta: RequestMeta): Promise<MeDto> {
    await this.db.query(`UPDATE app_user SET display_name = $2, updated_at = now() WHERE id = $1`, [user.id, displayName]);
    await this.audit.record({ action: 'PROFILE_UPDATED', actorId: user.id, targetType: 'user', targetId: user.id, departementCode: user.departementCode }, meta);
    return this.me(user);
  }

  /** Other sessions end (a stolen one with them), and so do reset links not used yet; this session stays. */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string, meta: RequestMeta): Promise<void> {
    const record = await this.load(user);
    if (!(await verifyPassword(record.password_hash, currentPassword))) {
      throw new ValidationFailedException({ currentPassword: 'Le mot de passe actuel est incorrect.' });
    }
    await this.auth.assertAcceptablePassword(newPassword, [record.email, record.display_name], 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1`, [user.id, passwordHash]);
      await this.sessions.revokeAll(user.id, 'PASSWORD_CHANGED', tx, user.sessionId);
      await this.auth.revokeResetLinks(tx, user.id);
      await this.audit.record({ action: 'PASSWORD_CHANGED', actorId: user.id, departementCode: user.departementCode }, meta, tx);
    });
  }

  listSessions(user: AuthUser): Promise<SessionDto[]> {
    return this.sessions.list(user.id, user.sessionId);
  }

  async endSession(user: AuthUser, sessionId: string, meta: RequestMeta): Promise<void> {
    if (!isUuid(sessionId) || !(await this.sessions.end(user.id, sessionId))) {
      throw new AuthException('TOKEN_INVALID');
    }
    await this.audit.record({ action: 'SESSION_ENDED', actorId: user.id, targetType: 'session', targetId: sessionId, departementCode: user.departementCode }, meta);
  }

  async startTotp(user: AuthUser): Promise<TotpSetupDto> {
    const record = await this.load(user);
    const { sealed, setup } = await this.totp.createSecret(record.email);
    await this.db.query(`UPDATE app_user SET totp_pending_secret = $2, updated_at = now() WHERE id = $1`, [user.id, sealed]);
    return setup;
  }

  async confirmTotp(user: AuthUser, code: string, meta: RequestMeta): Promise<RecoveryCodesDto> {
    return { recoveryCodes: await this.auth.enableTotp(await this.load(user), code, meta) };
  }

  async disableTotp(user: AuthUser, password: string, meta: RequestMeta): Promise<void> {
    const record = await this.load(user);
    if (totpRequired(record, this.config.demoMode)) {
      throw new AuthException('TOTP_REQUIRED_FOR_STAFF');
    }
    if (!(await verifyPassword(record.password_hash, password))) {
      throw new ValidationFailedException({ password: 'Mot de passe incorrect.' });
    }
    await this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE app_user SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL,
                updated_at = now() WHERE id = $1`,
        [user.id],
      );
      await tx.query(`DELETE FROM recovery_code WHERE user_id = $1`, [user.id]);
      await this.audit.record({ action: 'TOTP_DISABLED', actorId: user.id, departementCode: user.departementCode }, meta, tx);
    });
  }

  async renewRecoveryCodes(user: AuthUser, meta: RequestMeta): Promise<RecoveryCodesDto> {
    const record = await this.load(user);
    if (!record.totp_enabled_at) {
      throw new AuthException('TOTP_NOT_STARTED');
    }
    const { codes, hashes } = this.totp.newRecoveryCodes();
    await this.db.transaction(async (tx) => {
      await this.auth.replaceRecoveryCodes(tx, user.id, hashes);
      await this.audit.record({ action: 'TOTP_RECOVERY_CODES_RENEWED', actorId: user.id, departementCode: user.departementCode }, meta, tx);
    });
    return { recoveryCodes: codes };
  }

  /** Everything Passerelle keeps about the user (RGPD, right of access), without secrets or hashes. */
  async export(user: AuthUser, meta: RequestMeta): Promise<Record<string, unknown>> {
    const record = await this.load(user);
    const sessions = await this.db.query(
      `SELECT id, created_at, last_used_at, expires_at, revoked_at, revoked_reason, user_agent, ip
         FROM user_session WHERE user_id = $1 ORDER BY created_at DESC`,
      [user.id],
    );
    const activity = await this.db.query(
      `SELECT at, action, target_type, target_id, commune_insee, ip FROM audit_event
        WHERE actor_id = $1 ORDER BY at DESC LIMIT 1000`,
      [user.id],
    );
    const invitationsSent = await this.db.query(
      `SELECT email, role, commune_insee, created_at, expires_at, accepted_at, revoked_at FROM invitation
        WHERE invited_by = $1 ORDER BY created_at DESC`,
      [user.id],
    );
    // The user's own writing: their messages (a staff member's own internal notes are theirs too) and choices.
    const messages = await this.db.query(
      `SELECT m.id, t.subject AS thread_subject, m.body, m.internal, m.created_at, m.edited_at FROM thread_message m
         JOIN thread t ON t.id = m.thread_id WHERE m.author_id = $1 ORDER BY m.created_at DESC`,
      [user.id],
    );
    const notificationPreferences = await this.db.query(`SELECT kind, email_mode FROM notification_preference WHERE user_id = $1`, [user.id]);
    await this.audit.record({ action: 'DATA_EXPORTED', actorId: user.id, departementCode: user.departementCode }, meta);
    return {
      exportedAt: new Date().toISOString(),
      profile: toMe(record, this.config.demoMode),
      sessions,
      invitationsSent,
      messages,
      notificationPreferences,
      activity,
    };
  }

  private async load(user: AuthUser): Promise<UserRecord> {
    const record = await this.users.byId(user.id);
    if (!record) {
      throw new AuthException('UNAUTHENTICATED');
    }
    return record;
  }
}
