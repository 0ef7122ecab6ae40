import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnModuleInit, Optional } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { jobsTiming } from '../jobs/jobs-timing';
import { JobsService } from '../jobs/jobs.service';
import { type ClaimedMailRow, MailOutboxRepository } from './mail-outbox.repository';
import { describeDeliveryError, retryDelayMs } from './mail-retry';
import { mailLeaseMs, MailTransport } from './mail-transport';

const BATCH = 20;
/** Sent mails (their content already erased) and failed ones are forgotten after this many days. */
const RETENTION_DAYS = 30;
const PURGE_EVERY_MS = 3_600_000;
/** The job that drains the outbox. */
export const MAIL_OUTBOX_QUEUE = 'mail-outbox';

/**
 * Sends the mails of `mail_outbox` (the record admins see, with its retries, back-off and lease). With jobs on,
 * a durable `mail-outbox` job drains it: one is asked for right after a mail was committed (a burst makes one),
 * and a schedule (every minute by default, after `NOTIFICATION_INTERVAL_SECONDS`) picks up the retries and the
 * mails a stopped instance left. Without jobs (tests, CLI) the commit drains in process. A mail is marked sent
 * only once the transport resolved; a failed try is scheduled again with back-off, and given up after the last one.
 */
@Injectable()
export class MailDispatcher implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailDispatcher.name);
  private running: Promise<number> | null = null;
  private wokenWhileRunning = false;
  private stopped = false;
  private lastPurge = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: MailOutboxRepository,
    private readonly transport: MailTransport,
    // Optional: a test builds a second dispatcher by hand, as another instance would have.
    @Optional() private readonly jobs?: JobsService,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.jobs?.enabled) {
      await this.jobs.register({
        queue: MAIL_OUTBOX_QUEUE,
        handler: () => this.drain(),
        cron: jobsTiming(this.config.notificationIntervalSeconds).sweepCron,
        // Past the lease of the mails it claimed: a lost run is tried again once they are free again.
        expireInSeconds: Math.round((2 * mailLeaseMs(this.config)) / 1000),
      });
    }
  }

  /** Waits for the mail being sent, so that its outcome is recorded before the database connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => undefined);
  }

  /** Sends what is due, in the background: through a job when jobs run, here otherwise. */
  wake(): void {
    if (this.stopped) {
      return;
    }
    const sending = this.jobs?.enabled
      ? this.jobs.trigger(MAIL_OUTBOX_QUEUE).then(async (queued) => {
          // Not started yet (the seed before listening): the mail leaves from here.
          if (!queued) {
            await this.drain();
          }
        })
      : this.drain();
    sending.catch((error: unknown) =>
      this.logger.error(`Envoi des courriels impossible : ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  /**
   * Sends every mail due now (those committed before the call included) and resolves with how many tries were
   * made. Calls during a run join it and make it look once more, so none is missed.
   */
  drain(): Promise<number> {
    if (this.running) {
      this.wokenWhileRunning = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<number> {
    let tries = 0;
    do {
      this.wokenWhileRunning = false;
      for (;;) {
        const handled = await this.pass();
        tries += handled;
        if (handled < BATCH || this.stopped) {
          break;
        }
      }
    } while (this.wokenWhileRunning && !this.stopped);
    await this.purgeOld();
    return tries;
  }

  private async pass(): Promise<number> {
    const rows = await this.outbox.claim(mailLeaseMs(this.config), BATCH);
    for (const row of rows) {
      await this.deliver(row);
    }
    return rows.length;
  }

  private async deliver(row: ClaimedMailRow): Promise<void> {
    try {
      await this.transport.deliver({ to: row.recipient, subject: row.subject, text: row.text_body, html: row.html_body, headers: row.headers });
    } catch (error) {
      const described = describeDeliveryError(error);
      const attempts = row.attempts + 1;
      const delay = retryDelayMs(attempts, described);
      await this.outbox.markFailedAttempt(row.id, row.locked_until, described.message, delay);
      // The id and the kind only: the address is personal data and the content may hold a sign-in link.
      const outcome = delay === null ? 'abandonné, visible des administrateurs' : `nouvel essai dans ${Math.round(delay / 60_000)} min`;
      this.logger.warn(`Courriel ${row.id} (${row.kind}) non remis à l’essai ${attempts} : ${described.message} — ${outcome}`);
      return;
    }
    await this.outbox.markSent(row.id);
  }

  private async purgeOld(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurge < PURGE_EVERY_MS) {
      return;
    }
    this.lastPurge = now;
    await this.outbox.purge(RETENTION_DAYS);
  }
}
