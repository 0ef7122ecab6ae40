import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { normalizeEmail } from '../accounts/users.repository';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/access/access.decorators';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailService } from '../mail/mail.service';
import { accountLockedMail } from '../mail/templates/mails';
import { AfterResponse } from './after-response';
import { AttemptCounters } from './attempt-counters';
import { AuthException } from './auth.exception';

const MINUTE = 60;

/**
 * Failed sign-ins (wrong password or wrong second-factor code) per account, whatever the client address: an
 * attacker who spreads guesses over many addresses is stopped here. The 10th failure in 15 minutes suspends
 * sign-in for 15 minutes; the lock then ends by itself (attempts made meanwhile do not extend it), or at once
 * with a password reset.
 */
export const ACCOUNT_LIMIT = { failures: 10, windowSeconds: 15 * MINUTE, lockSeconds: 15 * MINUTE };

/**
 * Per client address (when rate limits are on): failures for one account from one address, and a looser cap
 * on failures from one address for all accounts together, sized for a town hall or a département whose 200
 * agents share one public address. Successful sign-ins are not counted.
 */
export const ADDRESS_LIMITS = {
  perAccount: { failures: 5, windowSeconds: 15 * MINUTE },
  overall: { failures: 50, windowSeconds: 15 * MINUTE },
};

/** Wrong codes accepted for one second-factor challenge; then the user starts again with the password. */
export const CHALLENGE_LIMIT = { failures: 5, windowSeconds: 10 * MINUTE };

/**
 * Progressive delay before checking a password or a code, once the account has a few recent failures: a timer
 * is awaited (no thread is blocked, no database connection held), at most 3 seconds. It is a cost on guessing in
 * a row; concurrent guesses are bounded by the counters themselves.
 */
const FREE_FAILURES = 3;
const DELAY_STEP_MS = 500;
const DELAY_MAX_MS = 3_000;

export function delayAfter(previousFailures: number): number {
  return previousFailures < FREE_FAILURES ? 0 : Math.min(DELAY_MAX_MS, DELAY_STEP_MS * (previousFailures - FREE_FAILURES + 1));
}

/** The account a sign-in attempt is for (possibly none: an unknown address is counted and locked the same). */
export interface AttemptSubject {
  email: string;
  user: { id: string; email: string; departement_code: string; state: string } | null;
}

/** A started attempt: the counts it holds, given back when it turns out not to be a failure. */
export interface Attempt {
  email: string;
  accountFailures: number;
  addressKeys: string[];
}

@Injectable()
export class SignInLimits {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly counters: AttemptCounters,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly afterResponse: AfterResponse,
  ) {}

  /**
   * Before a password is checked: counts the attempt as a failure until it succeeds, refuses it while the address
   * or the account is over its limit, then waits the progressive delay.
   */
  async startPassword(subject: AttemptSubject, meta: RequestMeta): Promise<Attempt> {
    const email = normalizeEmail(subject.email);
    const addressKeys: string[] = [];
    if (this.config.rateLimit) {
      const limits = [
        { key: addressAccountKey(meta.ip, email), ...ADDRESS_LIMITS.perAccount },
        { key: `login:address:${meta.ip}`, ...ADDRESS_LIMITS.overall },
      ];
      for (const limit of limits) {
        const { hits, resetsInSeconds } = await this.counters.hit(limit.key, limit.windowSeconds);
        if (hits > limit.failures) {
          throw new AuthException('TOO_MANY_ATTEMPTS', resetsInSeconds);
        }
        addressKeys.push(limit.key);
      }
    }
    return this.startOnAccount(subject, email, addressKeys, meta);
  }

  /** Before a second-factor code is checked: the challenge's own count, then the account's. */
  async startSecondFactor(challengeId: string, subject: AttemptSubject, meta: RequestMeta): Promise<Attempt> {
    const { hits } = await this.counters.hit(`challenge:${challengeId}`, CHALLENGE_LIMIT.windowSeconds);
    if (hits > CHALLENGE_LIMIT.failures) {
      throw new AuthException('CHALLENGE_EXPIRED');
    }
    return this.startOnAccount(subject, normalizeEmail(subject.email), [], meta);
  }

  /** The attempt failed: at the account's last allowed failure, sign-in is suspended and its owner told. */
  async failed(attempt: Attempt, subject: AttemptSubject, meta: RequestMeta): Promise<void> {
    if (attempt.accountFailures >= ACCOUNT_LIMIT.failures) {
      await this.lockAccount(subject, meta);
    }
  }

  /** The password was right but a second factor follows: the failures of the account stay counted. */
  async passwordAccepted(attempt: Attempt): Promise<void> {
    await Promise.all([...attempt.addressKeys, accountKey(attempt.email)].map((key) => this.counters.refund(key)));
  }

  /** Fully signed in: the account's failures are forgotten. */
  async signedIn(attempt: Attempt): Promise<void> {
    await Promise.all([...attempt.addressKeys.map((key) => this.counters.refund(key)), this.counters.clear(accountKey(attempt.email))]);
  }

  /** A password reset proves the owner: the lock and the failures of the account are lifted. */
  async lift(email: string, manager?: EntityManager): Promise<void> {
    await this.counters.clear(accountKey(normalizeEmail(email)), manager);
  }

  private async startOnAccount(subject: AttemptSubject, email: string, addressKeys: string[], meta: RequestMeta): Promise<Attempt> {
    const key = accountKey(email);
    const current = await this.counters.peek(key);
    if (current.lockedForSeconds > 0) {
      throw new AuthException('LOGIN_LOCKED', current.lockedForSeconds);
    }
    const { hits, lockedForSeconds } = await this.counters.hit(key, ACCOUNT_LIMIT.windowSeconds);
    if (lockedForSeconds > 0) {
      throw new AuthException('LOGIN_LOCKED', lockedForSeconds);
    }
    if (hits > ACCOUNT_LIMIT.failures) {
      // Concurrent attempts beyond the limit: the lock may not be set yet by the one that reached it.
      await this.lockAccount(subject, meta);
      throw new AuthException('LOGIN_LOCKED', ACCOUNT_LIMIT.lockSeconds);
    }
    const delay = delayAfter(hits - 1);
    if (delay > 0) {
      await sleep(delay);
    }
    return { email, accountFailures: hits, addressKeys };
  }

  private async lockAccount(subject: AttemptSubject, meta: RequestMeta): Promise<void> {
    const email = normalizeEmail(subject.email);
    if (!(await this.counters.lock(accountKey(email), ACCOUNT_LIMIT.lockSeconds))) {
      return;
    }
    const user = subject.user?.state === 'ACTIVE' ? subject.user : null;
    await this.audit.record(
      {
        action: 'AUTH_ACCOUNT_LOCKED',
        actorId: user?.id ?? null,
        targetType: user ? 'user' : undefined,
        targetId: user?.id,
        departementCode: user?.departement_code ?? null,
        details: { email, failures: ACCOUNT_LIMIT.failures, lockedForSeconds: ACCOUNT_LIMIT.lockSeconds },
      },
      meta,
    );
    if (user) {
      // After the answer, like every mail of the sign-in flow: its timing must not tell that the account exists.
      this.afterResponse.run('Courriel de suspension de connexion', async () => {
        await this.mail.send(
          accountLockedMail(user.email, { minutes: ACCOUNT_LIMIT.lockSeconds / MINUTE, resetUrl: `${this.config.publicUrl}/mot-de-passe-oublie` }),
        );
      });
    }
  }
}

/** The counter of an account's failed sign-ins (also cleared when the account is deleted). */
export function accountKey(email: string): string {
  return `login:account:${email}`;
}

/** The counter of failed sign-ins to one account from one address. */
export function addressAccountKey(ip: string, email: string): string {
  return `login:address-account:${ip}|${email}`;
}
