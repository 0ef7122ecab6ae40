import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RetentionRule } from '@passerelle/shared/dto';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ThreadFactsService } from '../../indicators/thread-facts.service';
import { MailService } from '../../mail/mail.service';
import { AccountErasureService } from '../account-deletion/account-erasure.service';
import { DataExportService } from '../data-export/data-export.service';
import { deleteFiles, devMailDir, devMailsBefore } from './dev-mail-files';
import { inactivityWarningMail } from './inactivity-mail';
import { ENDED_LINK_DAYS } from './retention-policies';
import { type InactiveStep, type PurgeName, RetentionRepository } from './retention.repository';

const DAY_MS = 86_400_000;
/** Rows deleted per statement: short locks, and a run that stops midway keeps what it did. */
const BATCH = 500;
/** Questions pseudonymised per transaction: each one touches several tables and its indicator row. */
const THREAD_BATCH = 100;

/** One run's frame: the time every rule measures from, whether it only counts, and the cap of each rule. */
export interface RuleContext {
  now: Date;
  dryRun: boolean;
  cap: number;
}

/** What a rule did so far (it survives a rule that fails midway), and what failed without stopping it. */
export interface RuleOutcome {
  count: number;
  warned: number;
  capped: boolean;
  failures: string[];
}

/**
 * The retention rules, each within the cap of a run: rows deleted by batches, accounts deleted through the account
 * deletion (which pseudonymises what they wrote), closed questions' authors pseudonymised. In a dry run a rule
 * counts what it would do, on the same predicates and within the same cap, and changes nothing.
 */
@Injectable()
export class RetentionRules {
  private readonly logger = new Logger('Retention');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: RetentionRepository,
    private readonly erasure: AccountErasureService,
    private readonly exports: DataExportService,
    private readonly facts: ThreadFactsService,
    private readonly mail: MailService,
  ) {}

  async apply(rule: RetentionRule, context: RuleContext, outcome: RuleOutcome): Promise<void> {
    const privacy = this.config.privacy;
    switch (rule) {
      case 'ACCOUNT_DELETIONS':
        return this.eraseAccounts(context, outcome, (after, limit) => this.repository.dueDeletions(context.now, after, limit));
      case 'INACTIVE_ACCOUNTS':
        return this.inactiveAccounts(context, outcome);
      case 'AUDIT_EVENTS':
        return this.purge('auditEvents', daysBefore(context.now, privacy.auditDays), context, outcome);
      case 'NOTIFICATIONS':
        return this.purge('notifications', daysBefore(context.now, privacy.notificationDays), context, outcome);
      case 'SESSIONS_AND_LINKS': {
        const cutoff = daysBefore(context.now, ENDED_LINK_DAYS);
        await this.purge('sessions', cutoff, context, outcome);
        await this.purge('passwordResets', cutoff, context, outcome);
        return this.purge('invitations', cutoff, context, outcome);
      }
      case 'DATA_EXPORTS': {
        const { count, capped } = await this.exports.purgeExpired(context.now, context.cap, context.dryRun);
        outcome.count = count;
        outcome.capped = capped;
        return;
      }
      case 'DEV_MAILS':
        return this.devMails(context, outcome);
      case 'CLOSED_THREAD_AUTHORS':
        return this.closedThreadAuthors(context, outcome);
    }
  }

  /** Deletes (or counts) the due rows of one table, within what is left of the rule's cap. */
  private async purge(name: PurgeName, cutoff: Date, context: RuleContext, outcome: RuleOutcome): Promise<void> {
    if (context.dryRun) {
      const left = context.cap - outcome.count;
      const due = await this.repository.countDue(name, cutoff, left + 1);
      outcome.count += Math.min(due, left);
      outcome.capped ||= due > left;
      return;
    }
    for (;;) {
      const left = context.cap - outcome.count;
      if (left === 0) {
        outcome.capped ||= (await this.repository.countDue(name, cutoff, 1)) > 0;
        return;
      }
      const size = Math.min(BATCH, left);
      const deleted = await this.repository.deleteDue(name, cutoff, size);
      outcome.count += deleted;
      if (deleted < size) {
        return;
      }
    }
  }

  /**
   * Deletes the accounts `list` answers, in id order, through the account deletion. One it refuses (the last mayor
   * of a commune, the last admin of a département) is logged, left as it is and not counted: it comes back each run
   * until someone replaces them, without taking the place of others under the cap.
   */
  private async eraseAccounts(
    context: RuleContext,
    outcome: RuleOutcome,
    list: (afterId: string | null, limit: number) => Promise<string[]>,
  ): Promise<void> {
    if (context.dryRun) {
      // The refusals cannot be known without trying: a dry run counts them as deleted.
      const left = context.cap - outcome.count - outcome.warned;
      const due = (await list(null, left + 1)).length;
      outcome.count += Math.min(due, left);
      outcome.capped ||= due > left;
      return;
    }
    let after: string | null = null;
    for (;;) {
      const left = context.cap - outcome.count - outcome.warned;
      const ids = await list(after, Math.max(1, Math.min(BATCH, left)));
      if (left === 0) {
        outcome.capped ||= ids.length > 0;
        return;
      }
      for (const id of ids) {
        try {
          const result = await this.erasure.erase(id, context.now);
          switch (result) {
            case 'ERASED':
              outcome.count += 1;
              break;
            case 'LAST_MAYOR':
              this.logger.warn(`Compte ${id} gardé : dernier maire de sa commune, le département doit d’abord en nommer un autre`);
              break;
            case 'LAST_ADMIN':
              this.logger.warn(`Compte ${id} gardé : dernier administrateur de son département, à remplacer d’abord`);
              break;
            case 'NOT_DUE':
              // Its owner signed in, or an admin cancelled the deletion, since it was chosen.
              break;
          }
        } catch (error) {
          this.logger.error(`Suppression du compte ${id} impossible : ${describe(error)}`);
          outcome.failures.push(`compte ${id} : ${describe(error)}`);
        }
      }
      if (ids.length < Math.min(BATCH, left)) {
        return;
      }
      after = ids[ids.length - 1];
    }
  }

  /**
   * Accounts nobody signed in to for the configured period: deleted once warned twice (see `INACTIVE_STEPS`), then
   * second warnings, then first ones, all within one cap. Admin-disabled accounts are included (still personal data
   * kept for nothing); their mail tells them to ask the département rather than to sign in.
   */
  private async inactiveAccounts(context: RuleContext, outcome: RuleOutcome): Promise<void> {
    const days = this.config.privacy.inactiveAccountDays;
    await this.eraseAccounts(context, outcome, (after, limit) => this.repository.inactive('DELETE', context.now, days, after, limit));
    await this.warn('SECOND_WARNING', days, context, outcome);
    await this.warn('FIRST_WARNING', days, context, outcome);
  }

  private async warn(step: Exclude<InactiveStep, 'DELETE'>, days: number, context: RuleContext, outcome: RuleOutcome): Promise<void> {
    if (context.dryRun) {
      const left = context.cap - outcome.count - outcome.warned;
      const due = (await this.repository.inactive(step, context.now, days, null, left + 1)).length;
      outcome.warned += Math.min(due, left);
      outcome.capped ||= due > left;
      return;
    }
    const warning = step === 'FIRST_WARNING' ? 1 : 2;
    // The earliest deletion the steps allow from now: a week after the last warning, itself a week after the first.
    const soonest = context.now.getTime() + (warning === 1 ? 14 : 7) * DAY_MS;
    for (;;) {
      const left = context.cap - outcome.count - outcome.warned;
      if (left === 0) {
        outcome.capped ||= (await this.repository.inactive(step, context.now, days, null, 1)).length > 0;
        return;
      }
      const size = Math.min(BATCH, left);
      // The warning is counted with its mail: both or neither.
      const warned = await this.db.transaction(async (tx) => {
        const rows = await this.repository.markWarned(tx, step, context.now, days, size);
        for (const row of rows) {
          const mail = inactivityWarningMail({
            to: row.email,
            displayName: row.display_name,
            warning,
            deletionAt: new Date(Math.max(row.reference.getTime() + days * DAY_MS, soonest)),
            disabled: row.state === 'DISABLED',
            signInUrl: `${this.config.publicUrl}/connexion`,
            inactiveDays: days,
          });
          await this.mail.send(mail, tx);
        }
        return rows.length;
      });
      outcome.warned += warned;
      if (warned < size) {
        return;
      }
    }
  }

  /** The mails written to disk without SMTP, oldest first. */
  private async devMails(context: RuleContext, outcome: RuleOutcome): Promise<void> {
    const files = await devMailsBefore(devMailDir(this.config.dataDir), daysBefore(context.now, this.config.privacy.devMailDays));
    const chosen = files.slice(0, context.cap);
    outcome.capped = files.length > chosen.length;
    if (context.dryRun) {
      outcome.count = chosen.length;
      return;
    }
    for (let i = 0; i < chosen.length; i += BATCH) {
      outcome.count += await deleteFiles(chosen.slice(i, i + BATCH));
    }
  }

  /** Closed questions, oldest closed first: their content stays, their authors become pseudonyms. */
  private async closedThreadAuthors(context: RuleContext, outcome: RuleOutcome): Promise<void> {
    const cutoff = daysBefore(context.now, this.config.privacy.closedThreadAuthorDays);
    if (context.dryRun) {
      const due = await this.repository.countClosedThreads(cutoff, context.cap + 1);
      outcome.count = Math.min(due, context.cap);
      outcome.capped = due > context.cap;
      return;
    }
    for (;;) {
      const left = context.cap - outcome.count;
      if (left === 0) {
        outcome.capped = (await this.repository.countClosedThreads(cutoff, 1)) > 0;
        return;
      }
      const size = Math.min(THREAD_BATCH, left);
      const done = await this.db.transaction(async (tx) => {
        const ids = await this.repository.lockClosedThreads(tx, cutoff, size);
        if (ids.length > 0) {
          await this.repository.pseudonymiseThreads(tx, ids, context.now);
          // The indicators' rows of these questions lose their first responder too.
          await this.facts.refresh(tx, ids);
        }
        return ids.length;
      });
      outcome.count += done;
      if (done < size) {
        return;
      }
    }
  }
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}
