import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DIGEST_HOUR } from '@passerelle/shared/dto';
import { Clock } from '../common/clock/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { jobsTiming } from '../jobs/jobs-timing';
import { JobsService } from '../jobs/jobs.service';
import { MailService } from '../mail/mail.service';
import { parisDay, parisMidnight } from '../common/calendar/working-calendar';
import { type MailedNotification, type Recipient, digestMail, notificationMail } from './notification-mails';
import { type ClaimedNotificationRow, type EmailClaim, NotificationsRepository } from './notifications.repository';
import { ACCOUNT_PAGE, NotificationsService } from './notifications.service';

const BATCH = 200;
/** The job that queues the mails of immediate notifications. */
export const NOTIFICATION_MAILS_QUEUE = 'notification-mails';
/** The job that queues the morning digests. */
export const DIGESTS_QUEUE = 'notification-digests';
/** Every morning at `DIGEST_HOUR` o'clock, Paris time (`JOBS_TIME_ZONE`). */
export const DIGEST_CRON = `0 ${DIGEST_HOUR} * * *`;

/**
 * Hands the e-mails of notifications to the mail outbox. Rows are claimed with `FOR UPDATE SKIP LOCKED`, marked
 * `QUEUED` and their mail queued in one transaction, so two API instances never queue the same mail and none is lost
 * in a crash; the outbox then delivers it at least once (retried until the SMTP server accepts it).
 * Immediate mails leave right after the change that made them (a `notification-mails` job, or in process without
 * jobs); a schedule catches the rest, and a `notification-digests` job each morning at `DIGEST_HOUR` (Paris) sends
 * one digest per user with what arrived before (also asked for when an instance starts, so that a morning missed
 * while none ran is caught up: the digest only takes what is due, so an extra run sends nothing twice).
 */
@Injectable()
export class NotificationMailer implements OnModuleInit {
  private readonly logger = new Logger(NotificationMailer.name);
  private running: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly notifications: NotificationsService,
    private readonly repository: NotificationsRepository,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.jobs.enabled) {
      return;
    }
    await this.jobs.register({
      queue: NOTIFICATION_MAILS_QUEUE,
      handler: () => this.sendImmediate(),
      cron: jobsTiming(this.config.notificationIntervalSeconds).sweepCron,
      expireInSeconds: 600,
      atStart: true,
    });
    await this.jobs.register({
      queue: DIGESTS_QUEUE,
      handler: () => this.sendDigests(this.clock.now()),
      cron: DIGEST_CRON,
      expireInSeconds: 1_800,
      atStart: true,
    });
  }

  /** After a change that notified someone: send the immediate mails now, without making the request wait. */
  flushSoon(): void {
    if (this.jobs.enabled) {
      void this.jobs.trigger(NOTIFICATION_MAILS_QUEUE).then(
        // Not started yet (the seed before listening): they leave from here.
        (queued) => (queued ? undefined : this.tick()),
        (error: unknown) => this.logger.error(`Envoi des notifications impossible : ${error instanceof Error ? error.message : String(error)}`),
      );
      return;
    }
    setImmediate(() => this.tick());
  }

  /** Resolves once the sending `flushSoon` started is over: its mails are then in the outbox (tests wait on it). */
  async settled(): Promise<void> {
    await this.running;
  }

  private tick(): void {
    if (this.running) {
      return;
    }
    this.running = (async () => {
      await this.sendImmediate();
    })()
      .catch((error: unknown) => this.logger.error(`Envoi des notifications impossible : ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running = null;
      });
  }

  /** Queues every immediate mail waiting; returns how many. */
  async sendImmediate(): Promise<number> {
    let sent = 0;
    for (;;) {
      const claimed = await this.db.transaction(async (tx) => {
        const rows = await this.claim(tx, { state: 'PENDING' });
        for (const row of rows) {
          const mail = notificationMail(this.recipient(row.user_id, row.email), this.item(row));
          await this.mail.send({ ...mail, kind: 'NOTIFICATION', departementCode: row.departement_code }, tx);
        }
        return rows.length;
      });
      sent += claimed;
      if (claimed < BATCH) {
        return sent;
      }
    }
  }

  /**
   * Sends the digests due at `now`: everything queued before this morning's `DIGEST_HOUR` o'clock (Paris), one mail
   * per user. Before that hour, yesterday's digest time is the limit, so nothing waits more than a day.
   */
  async sendDigests(now: Date): Promise<number> {
    const cutoff = lastDigestTime(now);
    let sent = 0;
    for (;;) {
      const { claimed, digests } = await this.db.transaction(async (tx) => {
        const rows = await this.claim(tx, { state: 'DIGEST', createdBefore: cutoff });
        const byUser = new Map<string, ClaimedNotificationRow[]>();
        for (const row of rows) {
          byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
        }
        for (const [userId, items] of byUser) {
          const mail = digestMail(this.recipient(userId, items[0].email), items.map((i) => this.item(i)));
          await this.mail.send({ ...mail, kind: 'DIGEST', departementCode: items[0].departement_code }, tx);
        }
        return { claimed: rows.length, digests: byUser.size };
      });
      sent += digests;
      if (claimed < BATCH) {
        return sent;
      }
    }
  }

  /**
   * Marks a batch queued and returns it, inside the transaction that queues its mails (the row locks keep other
   * instances away until both are committed); whole users at a time so that a digest is never split.
   */
  private claim(tx: EntityManager, claim: EmailClaim): Promise<ClaimedNotificationRow[]> {
    return this.repository.claimEmails(tx, claim, this.clock.now(), BATCH);
  }

  private recipient(userId: string, email: string): Recipient {
    const base = this.config.publicUrl;
    return {
      email,
      unsubscribe: (kind) => `${base}/desabonnement/${encodeURIComponent(this.notifications.tokens.sign(userId, kind))}`,
      preferencesUrl: `${base}${ACCOUNT_PAGE}`,
    };
  }

  private item(row: ClaimedNotificationRow): MailedNotification {
    return {
      kind: row.kind,
      title: row.title,
      excerpt: row.excerpt,
      url: `${this.config.publicUrl}${row.link}`,
      threadId: row.thread_id,
      createdAt: row.created_at,
    };
  }
}

/** The latest digest time (`DIGEST_HOUR` o'clock, Paris) at or before `now`. */
export function lastDigestTime(now: Date): Date {
  const today = parisMidnight(parisDay(now.getTime()));
  const todayDigest = atHour(today, DIGEST_HOUR);
  if (todayDigest <= now.getTime()) {
    return new Date(todayDigest);
  }
  const yesterday = parisMidnight(parisDay(today - 12 * 3_600_000));
  return new Date(atHour(yesterday, DIGEST_HOUR));
}

function atHour(midnight: number, hour: number): number {
  // Clocks change at 2 or 3 in the morning: on those days, a morning hour is one hour less (spring) or more
  // (autumn) after midnight than usual, which is the day's length minus 24 hours.
  const next = parisMidnight(parisDay(midnight + 36 * 3_600_000));
  return midnight + hour * 3_600_000 + (next - midnight - 86_400_000);
}
