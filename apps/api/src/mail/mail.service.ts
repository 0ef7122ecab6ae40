import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { DevMailDto } from '@passerelle/shared/dto';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** e.g. `List-Unsubscribe` for notifications. */
  headers?: Record<string, string>;
}

/**
 * Sends through SMTP when `SMTP_URL` is set; otherwise writes each mail as JSON under `<DATA_DIR>/mail/`, where
 * a developer (and, in demo mode, `GET /api/dev/mails`) can read it.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter | null;
  private readonly dir: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl) : null;
    this.dir = join(config.dataDir, 'mail');
  }

  /**
   * Never throws: a mail that cannot leave is logged, and the action that asked for it stands (an invitation
   * can be sent again). Callers do not await delivery, so answers do not reveal whether a mail was sent.
   */
  send(mail: Mail): void {
    void this.deliver(mail).catch((error: unknown) =>
      this.logger.error(`Envoi impossible à ${mail.to} : ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  private async deliver(mail: Mail): Promise<void> {
    if (this.transport) {
      await this.transport.sendMail({ from: this.config.mailFrom, ...mail });
      return;
    }
    mkdirSync(this.dir, { recursive: true });
    const stored: DevMailDto = { id: randomUUID(), sentAt: new Date().toISOString(), ...mail };
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
}
