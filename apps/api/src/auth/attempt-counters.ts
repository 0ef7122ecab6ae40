import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hashToken } from '../common/crypto/secret-box';
import { type AttemptCounterRow, AttemptCountersRepository } from './attempt-counters.repository';

export interface CounterState {
  /** Attempts counted in the current window, this one included. */
  hits: number;
  /** Seconds left in a sign-in lock, 0 when the key is not locked. */
  lockedForSeconds: number;
  /** Seconds until the window ends and the count starts again. */
  resetsInSeconds: number;
}

/** Dead rows are purged at most this often by each instance, on its own way through. */
const PURGE_EVERY_MS = 60_000;

/**
 * Fixed-window attempt counters shared by every API instance: concurrent attempts get distinct, increasing counts,
 * so a burst cannot slip under a limit. In PostgreSQL (`PostgresAttemptCounters`), or in Redis with `REDIS_URL`
 * (`RedisAttemptCounters`). Keys are stored as SHA-256 digests: no e-mail or client address in clear.
 */
export abstract class AttemptCounters {
  /**
   * One more attempt for `key`; a new window of `windowSeconds` starts when the previous one has ended. Counted
   * inside `manager`'s transaction when one is given (a rolled-back transaction counts nothing).
   */
  abstract hit(key: string, windowSeconds: number, manager?: EntityManager): Promise<CounterState>;
  /** The current count without counting (0 when the window has ended). */
  abstract peek(key: string): Promise<CounterState>;
  /** Gives back an attempt that turned out not to be a failure. */
  abstract refund(key: string): Promise<void>;
  /** Forgets the key: its count and its lock. */
  abstract clear(key: string, manager?: EntityManager): Promise<void>;
  /**
   * Locks the key for `seconds`, unless it is locked already: true when this call set the lock. The lock ends the
   * window with it, so the count starts again from zero afterwards, and attempts made meanwhile never extend it.
   */
  abstract lock(key: string, seconds: number): Promise<boolean>;
}

/** The counters in PostgreSQL: counting is one atomic upsert. */
@Injectable()
export class PostgresAttemptCounters extends AttemptCounters {
  private lastPurge = 0;

  constructor(private readonly repository: AttemptCountersRepository) {
    super();
  }

  async hit(key: string, windowSeconds: number, manager?: EntityManager): Promise<CounterState> {
    await this.purgeNowAndThen();
    return toState(await this.repository.hit(digest(key), windowSeconds, manager));
  }

  async peek(key: string): Promise<CounterState> {
    const row = await this.repository.current(digest(key));
    return row ? toState(row) : { hits: 0, lockedForSeconds: 0, resetsInSeconds: 0 };
  }

  async refund(key: string): Promise<void> {
    await this.repository.refund(digest(key));
  }

  async clear(key: string, manager?: EntityManager): Promise<void> {
    await this.repository.delete(digest(key), manager);
  }

  async lock(key: string, seconds: number): Promise<boolean> {
    return this.repository.lock(digest(key), seconds);
  }

  private async purgeNowAndThen(): Promise<void> {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) {
      return;
    }
    this.lastPurge = Date.now();
    await this.repository.purgeEnded();
  }
}

function toState(row: AttemptCounterRow): CounterState {
  return { hits: Number(row.hits), lockedForSeconds: Number(row.locked_for), resetsInSeconds: Number(row.resets_in) };
}

/** The stored form of a key. */
export function digest(key: string): string {
  return hashToken(`attempts:${key}`);
}
