import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MeDto, RecoveryCodesDto, SessionDto, TotpSetupDto } from '@passerelle/shared/dto';
import { AuditService } from '../audit/audit.service';
import { AuthException } from '../auth/auth.exception';
import { AuthService } from '../auth/auth.service';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { RecoveryCodesRepository } from '../auth/recovery-codes.repository';
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

/** The signed-in user's own account: profile, password, second factor, sessions (the data export: privacy/data-export). */
@Injectable()
export class MeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly recoveryCodes: RecoveryCodesRepository,
    private readonly sessions: SessionsService,
    private readonly totp: TotpService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async me(user: AuthUser): Promise<MeDto> {
    return toMe(await this.load(user), this.config);
  }

  async update(user: AuthUser, displayName: string, meta: RequestMeta): Promise<MeDto> {
    await this.users.setDisplayName(user.id, displayName);
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
      await this.users.setPasswordHash(tx, user.id, passwordHash);
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
    await this.users.setPendingTotpSecret(user.id, sealed);
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
      await this.users.disableTotp(tx, user.id);
      await this.recoveryCodes.deleteAll(tx, user.id);
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

  private async load(user: AuthUser): Promise<UserRecord> {
    const record = await this.users.byId(user.id);
    if (!record) {
      throw new AuthException('UNAUTHENTICATED');
    }
    return record;
  }
}
