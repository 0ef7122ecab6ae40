import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { type ClaimedMailRow, MailOutboxRepository } from './mail-outbox.repository';
import { describeDeliveryError, retryDelayMs } from './mail-retry';
import { MailTransport } from './mail-transport';

const BATCH = 20;
/** Longer than a delivery can take with the transport's timeouts. */
const LEASE_MS = 5 * 60_000;
/** Sent mails (their content already erased) and failed ones are forgotten after this many days. */
const RETENTION_DAYS = 30;
const PURGE_EVERY_MS = 3_600_000;

/**
 * Sends the mails of `mail_outbox`: woken right after a mail was committed, and every
 * `NOTIFICATION_INTERVAL_SECONDS` for the retries (and for mails a stopped instance left). A mail is marked sent
 * only once the transport resolved; a failed try is scheduled again with back-off, and given up after the last one.
 */
@Injectable()
export class MailDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailDispatcher.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private wokenWhileRunning = false;
  private stopped = false;
  private lastPurge = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: MailOutboxRepository,
    private readonly transport: MailTransport,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.notificationIntervalSeconds > 0) {
      this.timer = setInterval(() => this.wake(), this.config.notificationIntervalSeconds * 1000);
      // Mails left by a previous run leave at the first tick: not at once, as the CLI boots before it migrates.
      this.timer.unref();
    }
  }

  /** Waits for the mail being sent, so that its outcome is recorded before the database connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) {
      clearInterval(this.timer);
    }
    await this.running?.catch(() => undefined);
  }

  /** Sends what is due, in the background. */
  wake(): void {
    if (this.stopped) {
      return;
    }
    this.drain().catch((error: unknown) =>
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
    const rows = await this.outbox.claim(LEASE_MS, BATCH);
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
