import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import type { DevMailDto, MailKind } from '@passerelle/shared/dto';
import { MailDispatcher } from './mail-dispatcher';
import { MailOutboxRepository } from './mail-outbox.repository';
import { MailTransport } from './mail-transport';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** e.g. `List-Unsubscribe` for notifications. */
  headers?: Record<string, string>;
  /** Shown to admins when the mail cannot be delivered; `OTHER` when not set. */
  kind?: MailKind;
  /**
   * The recipient's département: its admins see the mail if it cannot be delivered. When not set, the département
   * of the account (or of the latest invitation) with this address; a mail without any is seen by no admin.
   */
  departementCode?: string | null;
}

/**
 * Sending a mail means writing it to the outbox; `MailDispatcher` delivers it (SMTP when `SMTP_URL` is set,
 * otherwise a JSON file under `<DATA_DIR>/mail/`), retries it, and gives up visibly.
 */
@Injectable()
export class MailService implements EntitySubscriberInterface {
  /** Transactions that wrote a mail: the dispatcher is woken when they commit, when the mail becomes visible. */
  private readonly awaitingCommit = new WeakSet<QueryRunner>();

  constructor(
    @InjectDataSource() db: DataSource,
    private readonly outbox: MailOutboxRepository,
    private readonly dispatcher: MailDispatcher,
    private readonly transport: MailTransport,
  ) {
    db.subscribers.push(this);
  }

  /**
   * Queues the mail, inside `tx` when given: the mail then exists if and only if the caller's action committed.
   * Resolves once queued (not delivered), so an answer does not reveal whether a mail could be sent. Returns the
   * outbox row's id.
   */
  async send(mail: Mail, tx?: EntityManager): Promise<string> {
    const id = await this.outbox.insert(
      {
        kind: mail.kind ?? 'OTHER',
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers ?? {},
        departementCode: mail.departementCode,
      },
      tx,
    );
    const runner = tx?.queryRunner;
    if (runner?.isTransactionActive) {
      this.awaitingCommit.add(runner);
    } else {
      this.dispatcher.wake();
    }
    return id;
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint is not the end of the transaction: wait for the outer commit.
    if (!event.queryRunner.isTransactionActive && this.awaitingCommit.delete(event.queryRunner)) {
      this.dispatcher.wake();
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) {
      this.awaitingCommit.delete(event.queryRunner);
    }
  }

  /** Mails written to disk (no `SMTP_URL`), newest first. */
  readWritten(limit: number, offset: number): { items: DevMailDto[]; total: number } {
    return this.transport.readWritten(limit, offset);
  }
}
