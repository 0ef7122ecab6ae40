import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedResponse, LoginResponse, TotpEnrolmentCompletedResponse, TotpSetupDto } from '@passerelle/shared/dto';
import { type UserRecord, maySignIn, toMe, totpRequired } from '../accounts/user-record';
import { UsersRepository, normalizeEmail } from '../accounts/users.repository';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/access/access.decorators';
import { ValidationFailedException } from '../common/exceptions/domain.exception';
import { hashToken, randomToken } from '../common/crypto/secret-box';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailService } from '../mail/mail.service';
import { passwordResetMail } from '../mail/templates/mails';
import { AuthException } from './auth.exception';
import { passwordProblem } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import { type IssuedRefresh, SessionsService } from './sessions.service';
import { TokensService } from './tokens.service';
import { TotpService } from './totp.service';
import { AfterResponse } from './after-response';
import { AttemptCounters } from './attempt-counters';
import { PasswordResetsRepository } from './password-resets.repository';
import { RecoveryCodesRepository } from './recovery-codes.repository';
import { type AttemptSubject, SignInLimits } from './sign-in-limits';

const RESET_TTL_MS = 3_600_000;
/** Reset mails per target address and hour, whoever asks and from wherever: beyond, requests are silently dropped. */
export const RESET_MAILS_PER_HOUR = 3;

/** The counter of reset mails sent to an address. */
export function passwordResetKey(email: string): string {
  return `password-reset:${email}`;
}

/** A signed-in answer and the refresh token the controller puts in the cookie. */
export interface SignedIn<T extends AuthenticatedResponse = AuthenticatedResponse> {
  body: T;
  refresh: IssuedRefresh;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly passwordResets: PasswordResetsRepository,
    private readonly recoveryCodes: RecoveryCodesRepository,
    private readonly sessions: SessionsService,
    private readonly tokens: TokensService,
    private readonly totp: TotpService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly limits: SignInLimits,
    private readonly counters: AttemptCounters,
    private readonly afterResponse: AfterResponse,
  ) {}

  /**
   * Same answer, in about the same time, for an unknown address, a disabled account and a wrong password; an
   * unknown address is counted and locked exactly like an account (see SignInLimits). An account waiting for its
   * deletion signs in like an active one, and the sign-in (once complete, second factor included) cancels the
   * deletion.
   */
  async login(email: string, password: string, meta: RequestMeta): Promise<LoginResponse | SignedIn> {
    const user = await this.users.signInByEmail(email);
    const subject: AttemptSubject = { email, user };
    const attempt = await this.limits.startPassword(subject, meta);
    const valid = await verifyPassword(user?.password_hash ?? null, password);
    if (!user || !valid) {
      await this.audit.record(
        { action: 'AUTH_LOGIN_FAILED', actorId: user?.id ?? null, details: { email: normalizeEmail(email) }, departementCode: user?.departement_code },
        meta,
      );
      await this.limits.failed(attempt, subject, meta);
      throw new AuthException('INVALID_CREDENTIALS');
    }
    if (user.totp_enabled_at) {
      await this.limits.passwordAccepted(attempt);
      return { status: 'TOTP_REQUIRED', challengeToken: this.tokens.signChallenge(user.id, 'totp') };
    }
    if (totpRequired(user, this.config.demoMode)) {
      await this.limits.passwordAccepted(attempt);
      return { status: 'TOTP_ENROLMENT_REQUIRED', challengeToken: this.tokens.signChallenge(user.id, 'enrol') };
    }
    const signedIn = await this.signIn(user, meta, 'password');
    await this.limits.signedIn(attempt);
    return signedIn;
  }

  /** Wrong codes count against the challenge (5, then it is dead) and against the account's lock. */
  async loginWithSecondFactor(challengeToken: string, code: string, meta: RequestMeta): Promise<SignedIn> {
    const challenge = this.tokens.verifyChallenge(challengeToken, 'totp');
    const user = await this.users.byId(challenge.userId);
    if (!user || !maySignIn(user) || !user.totp_secret) {
      throw new AuthException('CHALLENGE_EXPIRED');
    }
    const subject: AttemptSubject = { email: user.email, user };
    const attempt = await this.limits.startSecondFactor(challenge.challengeId, subject, meta);
    const method = await this.checkSecondFactor(user, code);
    if (!method) {
      await this.audit.record({ action: 'AUTH_TOTP_FAILED', actorId: user.id, departementCode: user.departement_code, details: { challengeId: challenge.challengeId } }, meta);
      await this.limits.failed(attempt, subject, meta);
      throw new AuthException('TOTP_INVALID');
    }
    const signedIn = await this.signIn(user, meta, method);
    await this.limits.signedIn(attempt);
    return signedIn;
  }

  async startEnrolment(challengeToken: string): Promise<TotpSetupDto> {
    const user = await this.users.byId(this.tokens.verifyChallenge(challengeToken, 'enrol').userId);
    if (!user || !maySignIn(user) || user.totp_enabled_at) {
      throw new AuthException('CHALLENGE_EXPIRED');
    }
    const { sealed, setup } = await this.totp.createSecret(user.email);
    await this.users.setPendingTotpSecret(user.id, sealed);
    return setup;
  }

  async confirmEnrolment(challengeToken: string, code: string, meta: RequestMeta): Promise<SignedIn<TotpEnrolmentCompletedResponse>> {
    const user = await this.users.byId(this.tokens.verifyChallenge(challengeToken, 'enrol').userId);
    if (!user || !maySignIn(user) || user.totp_enabled_at) {
      throw new AuthException('CHALLENGE_EXPIRED');
    }
    const recoveryCodes = await this.enableTotp(user, code, meta);
    const signedIn = await this.signIn({ ...user, totp_enabled_at: new Date() }, meta, 'totp');
    await this.limits.lift(user.email);
    return { refresh: signedIn.refresh, body: { ...signedIn.body, recoveryCodes } };
  }

  /** Checks the code against the pending secret, then makes it the user's second factor; returns recovery codes. */
  async enableTotp(user: UserRecord, code: string, meta: RequestMeta): Promise<string[]> {
    if (!user.totp_pending_secret) {
      throw new AuthException('TOTP_NOT_STARTED');
    }
    const step = this.totp.matchingStep(user.totp_pending_secret, code);
    if (step === null) {
      throw new ValidationFailedException({ code: 'Code incorrect : saisissez le code à 6 chiffres affiché par votre application.' });
    }
    const { codes, hashes } = this.totp.newRecoveryCodes();
    await this.db.transaction(async (tx) => {
      await this.users.enableTotp(tx, user.id, step);
      await this.replaceRecoveryCodes(tx, user.id, hashes);
      await this.audit.record({ action: 'TOTP_ENABLED', actorId: user.id, targetType: 'user', targetId: user.id, departementCode: user.departement_code }, meta, tx);
    });
    return codes;
  }

  async replaceRecoveryCodes(tx: EntityManager, userId: string, hashes: string[]): Promise<void> {
    await this.recoveryCodes.replace(tx, userId, hashes);
  }

  async refresh(refreshToken: string | undefined, meta: RequestMeta): Promise<SignedIn> {
    if (!refreshToken) {
      throw new AuthException('SESSION_EXPIRED');
    }
    const rotated = await this.sessions.rotate(refreshToken, meta);
    const user = await this.users.byId(rotated.userId);
    if (!user) {
      throw new AuthException('SESSION_EXPIRED');
    }
    return { refresh: rotated, body: this.authenticated(user, rotated.sessionId) };
  }

  async logout(refreshToken: string | undefined, meta: RequestMeta): Promise<void> {
    const ended = refreshToken ? await this.sessions.revokeByRefreshToken(refreshToken) : null;
    if (ended) {
      await this.audit.record({ action: 'AUTH_LOGOUT', actorId: ended.userId, targetType: 'session', targetId: ended.sessionId }, meta);
    }
  }

  /**
   * Always the same answer at the same speed: the request is answered first, and the work (looking the address
   * up, the link, the mail) happens afterwards, so neither the answer nor its timing tells whether the address has
   * an account. At most 3 mails per address and hour; more requests are dropped without a word.
   */
  requestPasswordReset(email: string, meta: RequestMeta): void {
    const address = normalizeEmail(email);
    this.afterResponse.run('Demande de réinitialisation du mot de passe', () => this.issueResetLink(address, meta));
  }

  /** Links of the account not used yet stop working: a newer link, a reset or a password change replaces them. */
  async revokeResetLinks(manager: EntityManager, userId: string): Promise<void> {
    await this.passwordResets.revokeUnused(manager, userId);
  }

  /** The same conditions as `confirmPasswordReset`, without using the link. */
  async assertPasswordResetUsable(token: string): Promise<void> {
    if (!(await this.passwordResets.isUsable(hashToken(token)))) {
      throw new AuthException('TOKEN_INVALID');
    }
  }

  async confirmPasswordReset(token: string, password: string, meta: RequestMeta): Promise<void> {
    const userId = await this.passwordResets.usableUserId(hashToken(token));
    const user = userId ? await this.users.byId(userId) : null;
    // An account waiting for its deletion may choose a new password: the sign-in that follows cancels the deletion.
    if (!user || !maySignIn(user)) {
      throw new AuthException('TOKEN_INVALID');
    }
    await this.assertAcceptablePassword(password, [user.email, user.display_name]);
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (tx) => {
      if (!(await this.passwordResets.markUsed(tx, hashToken(token)))) {
        throw new AuthException('TOKEN_INVALID');
      }
      await this.users.setPasswordHash(tx, user.id, passwordHash);
      await this.revokeResetLinks(tx, user.id);
      await this.sessions.revokeAll(user.id, 'PASSWORD_RESET', tx);
      // The owner has proved who they are: a sign-in lock on the account ends now.
      await this.limits.lift(user.email, tx);
      await this.audit.record({ action: 'PASSWORD_RESET_COMPLETED', actorId: user.id, departementCode: user.departement_code }, meta, tx);
    });
  }

  async assertAcceptablePassword(password: string, userInputs: string[], field = 'password'): Promise<void> {
    const problem = await passwordProblem(password, userInputs);
    if (problem) {
      throw new ValidationFailedException({ [field]: problem });
    }
  }

  private async issueResetLink(email: string, meta: RequestMeta): Promise<void> {
    const { hits } = await this.counters.hit(passwordResetKey(email), 3600);
    if (hits > RESET_MAILS_PER_HOUR) {
      return;
    }
    const user = await this.users.signInByEmail(email);
    if (!user) {
      return;
    }
    const token = randomToken();
    await this.db.transaction(async (tx) => {
      await this.revokeResetLinks(tx, user.id);
      await this.passwordResets.insert(tx, hashToken(token), user.id, new Date(Date.now() + RESET_TTL_MS));
      await this.audit.record({ action: 'PASSWORD_RESET_REQUESTED', actorId: user.id, departementCode: user.departement_code }, meta, tx);
      // Queued with the link, in the same transaction: no link without its mail, no mail without its link.
      await this.mail.send(passwordResetMail(user.email, `${this.config.publicUrl}/reinitialiser-mot-de-passe/${token}`), tx);
    });
  }

  authenticated(user: UserRecord, sessionId: string): AuthenticatedResponse {
    return { status: 'AUTHENTICATED', ...this.tokens.signAccess(user.id, sessionId), user: toMe(user, this.config) };
  }

  private async signIn(user: UserRecord, meta: RequestMeta, method: 'password' | 'totp' | 'recovery-code'): Promise<SignedIn> {
    const { refresh, deletionCancelled } = await this.db.transaction(async (tx) => {
      const cancelled = await this.users.cancelDeletionOnSignIn(tx, user.id);
      if (cancelled) {
        await this.audit.record(
          { action: 'ACCOUNT_DELETION_CANCELLED', actorId: user.id, targetType: 'user', targetId: user.id, departementCode: user.departement_code, communeInsee: user.commune_insee, details: { by: 'SIGN_IN' } },
          meta,
          tx,
        );
      }
      // Locked until the session exists: an account disabled or deleted since its password was checked gets none,
      // and the deletion of an inactive account waits for this sign-in and then sees it.
      if (!(await this.users.lockActive(tx, user.id))) {
        throw new AuthException('INVALID_CREDENTIALS');
      }
      const issued = await this.sessions.open(user.id, meta, tx);
      await this.users.touchLastSignIn(tx, user.id);
      await this.audit.record(
        { action: 'AUTH_LOGIN_SUCCEEDED', actorId: user.id, targetType: 'session', targetId: issued.sessionId, departementCode: user.departement_code, communeInsee: user.commune_insee, details: { method } },
        meta,
        tx,
      );
      return { refresh: issued, deletionCancelled: cancelled };
    });
    const fresh = await this.users.byId(user.id);
    if (!fresh) {
      // Deleted between the session's opening and this read: as if the session had already ended.
      throw new AuthException('SESSION_EXPIRED');
    }
    const body = this.authenticated(fresh, refresh.sessionId);
    return { refresh, body: deletionCancelled ? { ...body, deletionCancelled: true } : body };
  }

  /** A TOTP code (not replayed) or an unused recovery code. */
  private async checkSecondFactor(user: UserRecord, code: string): Promise<'totp' | 'recovery-code' | null> {
    if (!user.totp_secret) {
      return null;
    }
    const step = this.totp.matchingStep(user.totp_secret, code);
    if (step !== null) {
      return (await this.users.acceptTotpStep(user.id, step)) ? 'totp' : null;
    }
    if (this.totp.looksLikeRecoveryCode(code)) {
      return (await this.recoveryCodes.use(user.id, this.totp.recoveryHash(code))) ? 'recovery-code' : null;
    }
    return null;
  }
}
