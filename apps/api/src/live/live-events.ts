import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import type { LiveEventDto } from '@passerelle/shared/dto';
import { ClusterBus } from '../cluster/cluster-bus';
import type { EndedSessions, LiveAudience, LiveEnvelope } from './live-audience';
import { LIVE_CHANNEL, SESSIONS_ENDED_CHANNEL } from './live-streams';

type ThreadEventKind = Exclude<LiveEventDto['kind'], 'notification.created'>;

/** The tenancy of a thread, as its row has it. */
export interface LiveThread {
  id: string;
  departement_code: string;
  commune_insee: string;
}

/**
 * What features call to tell the open pages that something changed. An event given with a transaction leaves only
 * once that transaction has committed (never for a change rolled back, never before the client could read it);
 * without one, at once. Publishing never fails the change it reports: a lost event only delays a page.
 */
@Injectable()
export class LiveEvents implements OnModuleInit {
  private readonly logger = new Logger(LiveEvents.name);
  /** Messages waiting for the commit of their transaction, by the transaction's connection. */
  private readonly pending = new WeakMap<QueryRunner, BusMessage[]>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bus: ClusterBus,
  ) {}

  onModuleInit(): void {
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => this.settle(event.queryRunner, true),
      afterTransactionRollback: (event: TransactionRollbackEvent) => this.settle(event.queryRunner, false),
    };
    this.db.subscribers.push(subscriber);
  }

  /**
   * A change of a thread, for the département's staff and the thread's commune; `staffOnly` for what the commune
   * does not see (an internal note, an assignment, labels).
   */
  thread(tx: EntityManager | null, kind: ThreadEventKind, thread: LiveThread, staffOnly = false): void {
    this.publish(tx, { kind, threadId: thread.id }, {
      type: 'thread',
      departementCode: thread.departement_code,
      communeInsee: staffOnly ? null : thread.commune_insee,
    });
  }

  /** Staff-only changes of several threads of one département (bulk assignment and labels). */
  staffThreads(tx: EntityManager | null, departementCode: string, threadIds: string[]): void {
    for (const threadId of threadIds) {
      this.publish(tx, { kind: 'thread.updated', threadId }, { type: 'thread', departementCode, communeInsee: null });
    }
  }

  /** New notifications for these users (each hears only of their own). */
  notificationsFor(tx: EntityManager | null, userIds: string[]): void {
    if (userIds.length > 0) {
      this.publish(tx, { kind: 'notification.created' }, { type: 'users', userIds: [...new Set(userIds)] });
    }
  }

  /**
   * Sessions that ended: their open streams close on every instance, once the revocation is committed (a stream
   * reopened before it would still find its session alive).
   */
  sessionsEnded(tx: EntityManager | null, ended: EndedSessions): void {
    this.enqueue(tx, { channel: SESSIONS_ENDED_CHANNEL, message: ended });
  }

  private publish(tx: EntityManager | null, event: LiveEventDto, audience: LiveAudience): void {
    const envelope: LiveEnvelope = { id: randomUUID(), event, audience };
    this.enqueue(tx, { channel: LIVE_CHANNEL, message: envelope });
  }

  private enqueue(tx: EntityManager | null, message: BusMessage): void {
    const runner = tx?.queryRunner;
    if (runner?.isTransactionActive) {
      const waiting = this.pending.get(runner) ?? [];
      waiting.push(message);
      this.pending.set(runner, waiting);
      return;
    }
    this.send(message);
  }

  /** The outermost transaction ended (a savepoint's end is not the change's): send what it held, or drop it. */
  private settle(runner: QueryRunner, committed: boolean): void {
    if (runner.isTransactionActive) {
      return;
    }
    const waiting = this.pending.get(runner);
    this.pending.delete(runner);
    if (committed) {
      waiting?.forEach((message) => this.send(message));
    }
  }

  private send({ channel, message }: BusMessage): void {
    this.bus.publish(channel, message).catch((error: unknown) => {
      this.logger.warn(`Événement en direct non diffusé : ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}

interface BusMessage {
  channel: string;
  message: LiveEnvelope | EndedSessions;
}
