import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { DevMailDto } from '@passerelle/shared/dto';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** How long the outbox keeps a mail to itself while it is being sent: 5 min with the default 60 s timeout. */
export function mailLeaseMs(config: Pick<AppConfig, 'smtpTimeoutMs'>): number {
  return 5 * config.smtpTimeoutMs;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/**
 * Hands one mail over: to the SMTP server of `SMTP_URL` (resolves once the server accepted it), or, without it, as
 * JSON under `<DATA_DIR>/mail/`, where a developer (and, in demo mode, `GET /api/dev/mails`) can read it.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transport: Transporter | null;
  private readonly dir: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // Bounded waits: a delivery must end well within the outbox lease (`mailLeaseMs`), or another instance may send it too.
    const timeout = config.smtpTimeoutMs;
    this.transport = config.smtpUrl
      ? createTransport({ url: config.smtpUrl, connectionTimeout: timeout / 2, greetingTimeout: timeout / 2, socketTimeout: timeout })
      : null;
    this.dir = join(config.dataDir, 'mail');
  }

  async deliver(mail: OutgoingMail): Promise<void> {
    if (this.transport) {
      await this.transport.sendMail({ from: this.config.mailFrom, ...mail });
      return;
    }
    mkdirSync(this.dir, { recursive: true });
    const stored: DevMailDto = { id: randomUUID(), sentAt: new Date().toISOString(), to: mail.to, subject: mail.subject, text: mail.text, html: mail.html };
    writeFileSync(join(this.dir, `${stored.sentAt.replace(/[:.]/g, '-')}-${stored.id}.json`), JSON.stringify(stored, null, 2), {
      mode: 0o600,
    });
    this.logger.log(`Courriel écrit dans ${this.dir} (pas de SMTP_URL) : « ${mail.subject} »`);
  }

  /** Mails written to disk, newest first. */
  readWritten(limit: number, offset: number): { items: DevMailDto[]; total: number } {
    let files: string[];
    try {
      files = readdirSync(this.dir).filter((f) => f.endsWith('.json'));
    } catch {
      return { items: [], total: 0 };
    }
    files.sort().reverse();
    const items = files.slice(offset, offset + limit).map((f) => JSON.parse(readFileSync(join(this.dir, f), 'utf8')) as DevMailDto);
    return { items, total: files.length };
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
