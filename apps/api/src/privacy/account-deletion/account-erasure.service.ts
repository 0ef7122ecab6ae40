import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { AttemptCounters, digest } from '../../auth/attempt-counters';
import { passwordResetKey } from '../../auth/auth.service';
import { SessionsService } from '../../auth/sessions.service';
import { accountKey, addressAccountKey } from '../../auth/sign-in-limits';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { FileStorage } from '../../files/file-storage';
import { invitationMailKey } from '../../workspaces/invitations.service';
import { deletedLabel } from './account-deletion.mails';
import { AccountDeletionRepository, type DeletionSubjectRow } from './account-deletion.repository';
import { AccountErasureRepository } from './account-erasure.repository';
import { personalTextPattern } from './personal-text';

const DAY_MS = 86_400_000;

/**
 * What `erase` did: `ERASED` (or the account was deleted already); `LAST_MAYOR` / `LAST_ADMIN`, refused and left
 * as it was (the département must name someone else first); `NOT_DUE`, left as it was because, checked under its
 * lock, the account is no longer due (its owner signed in, or an admin cancelled the deletion, since it was chosen).
 */
export type ErasureOutcome = 'ERASED' | 'LAST_MAYOR' | 'LAST_ADMIN' | 'NOT_DUE';

/**
 * Deletes an account for good, keeping what the commune or the département must keep: the row stays, emptied of
 * everything personal and named after its role (« Ancien membre de la commune », « Ancien agent du département »),
 * so that messages, history entries, documents and FAQ revisions keep an author shown as that pseudonym. Called by
 * the retention job for deletions past their grace period and for inactive accounts.
 */
@Injectable()
export class AccountErasureService {
  private readonly logger = new Logger(AccountErasureService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rules: AccountDeletionRepository,
    private readonly repository: AccountErasureRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly counters: AttemptCounters,
    private readonly files: FileStorage,
  ) {}

  /**
   * In one transaction, holding the account's lock (a sign-in waits for it, or it waits for the sign-in and then
   * sees it): re-checks that the account is due (deletion asked and past `deletion_due_at`, or nobody signed in for
   * `privacy.inactiveAccountDays`) and that it is not the last mayor of its commune nor the last admin of its
   * département, then empties it. Stored files and the Redis copies of the attempt counters go after the commit,
   * at best (a leftover is harmless: export files are named by random keys, counters by digests).
   */
  async erase(userId: string, now: Date): Promise<ErasureOutcome> {
    const departementCode = await this.rules.departementOf(userId);
    if (departementCode === null) {
      throw new Error(`Compte ${userId} introuvable`);
    }
    const outcome = await this.db.transaction(async (tx) => {
      await this.rules.lockDepartement(tx, departementCode);
      const subject = await this.rules.lockSubject(tx, userId, null);
      if (!subject) {
        throw new Error(`Compte ${userId} introuvable`);
      }
      if (subject.deleted_at) {
        return { result: 'ERASED' as const, files: [], counterKeys: [] };
      }
      if (!this.isDue(subject, now)) {
        return { result: 'NOT_DUE' as const, files: [], counterKeys: [] };
      }
      const last = await this.rules.lastOfRole(tx, subject.id);
      if (last) {
        return { result: last, files: [], counterKeys: [] };
      }
      const email = subject.email.toLowerCase();
      const label = deletedLabel(subject.role);
      const counterKeys = [
        accountKey(email),
        passwordResetKey(email),
        invitationMailKey(subject.departement_code, null, email),
        ...(subject.commune_insee ? [invitationMailKey(subject.departement_code, subject.commune_insee, email)] : []),
        ...(await this.repository.knownAddresses(tx, subject.id, email)).map((ip) => addressAccountKey(ip, email)),
      ];
      const files = await this.repository.exportFiles(tx, subject.id);
      // Ended first, so that a page still open on the account is signed out at once (live events), then deleted.
      await this.sessions.revokeAll(subject.id, 'DISABLED', tx);
      await this.repository.deleteOwnRows(tx, subject.id, email, counterKeys.map(digest));
      await this.repository.scrubAudit(tx, subject.id, email);
      const pattern = personalTextPattern(email, subject.display_name);
      if (pattern) {
        await this.repository.scrubTextCopies(tx, subject.departement_code, pattern, label);
      }
      await this.repository.emptyAccount(tx, { id: subject.id, label, at: now });
      await this.audit.record(
        {
          action: 'ACCOUNT_DELETED',
          targetType: 'user',
          targetId: subject.id,
          departementCode: subject.departement_code,
          communeInsee: subject.commune_insee,
          details: { cause: subject.deletion_due_at ? 'REQUESTED' : 'INACTIVE' },
        },
        null,
        tx,
      );
      return { result: 'ERASED' as const, files, counterKeys };
    });
    await this.afterCommit(userId, outcome.files, outcome.counterKeys);
    return outcome.result;
  }

  /** Asked and past its date, or (nothing asked) nobody signed in for the configured period, as the job chose it. */
  private isDue(subject: DeletionSubjectRow, now: Date): boolean {
    if (subject.deletion_due_at) {
      return subject.deletion_due_at.getTime() <= now.getTime();
    }
    const lastSeen = subject.last_sign_in_at ?? subject.created_at;
    return lastSeen.getTime() + this.config.privacy.inactiveAccountDays * DAY_MS <= now.getTime();
  }

  private async afterCommit(userId: string, files: string[], counterKeys: string[]): Promise<void> {
    for (const key of files) {
      try {
        await this.files.remove(key);
      } catch (error) {
        this.logger.warn(`Archive ${key} du compte supprimé ${userId} non effacée : ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    // In PostgreSQL they went with the transaction; this reaches the Redis counters when `REDIS_URL` is set.
    for (const key of counterKeys) {
      try {
        await this.counters.clear(key);
      } catch (error) {
        this.logger.warn(`Compteur de tentatives du compte supprimé ${userId} non effacé : ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
