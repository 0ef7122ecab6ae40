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
 * Fixed-window attempt counters in PostgreSQL, so that every API instance sees the same counts. Counting is one
 * atomic upsert: concurrent attempts get distinct, increasing counts, and a burst cannot slip under a limit.
 * Keys are stored as SHA-256 digests: the table holds no e-mail or client address in clear.
 */
@Injectable()
export class AttemptCounters {
  private lastPurge = 0;

  constructor(private readonly repository: AttemptCountersRepository) {}

  /** One more attempt for `key`; a new window of `windowSeconds` starts when the previous one has ended. */
  async hit(key: string, windowSeconds: number, manager?: EntityManager): Promise<CounterState> {
    await this.purgeNowAndThen();
    return toState(await this.repository.hit(digest(key), windowSeconds, manager));
  }

  /** The current count without counting (0 when the window has ended). */
  async peek(key: string): Promise<CounterState> {
    const row = await this.repository.current(digest(key));
    return row ? toState(row) : { hits: 0, lockedForSeconds: 0, resetsInSeconds: 0 };
  }

  /** Gives back an attempt that turned out not to be a failure. */
  async refund(key: string): Promise<void> {
    await this.repository.refund(digest(key));
  }

  /** Forgets the key: its count and its lock. */
  async clear(key: string, manager?: EntityManager): Promise<void> {
    await this.repository.delete(digest(key), manager);
  }

  /**
   * Locks the key for `seconds`, unless it is locked already: true when this call set the lock. The lock ends the
   * window with it, so the count starts again from zero afterwards, and attempts made meanwhile never extend it.
   */
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

function digest(key: string): string {
  return hashToken(`attempts:${key}`);
}
