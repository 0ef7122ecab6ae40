import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { hashToken } from '../common/crypto/secret-box';
import { changedRows } from '../database/changed-rows';

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

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One more attempt for `key`; a new window of `windowSeconds` starts when the previous one has ended. */
  async hit(key: string, windowSeconds: number, manager: EntityManager = this.db.manager): Promise<CounterState> {
    await this.purgeNowAndThen();
    const [row] = await manager.query(
      `INSERT INTO attempt_counter AS c (key, hits, window_ends_at) VALUES ($1, 1, now() + $2::interval)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN c.window_ends_at <= now() THEN 1 ELSE c.hits + 1 END,
         locked_until = CASE WHEN c.window_ends_at <= now() THEN NULL ELSE c.locked_until END,
         window_ends_at = CASE WHEN c.window_ends_at <= now() THEN now() + $2::interval ELSE c.window_ends_at END
       RETURNING hits, ${LOCKED_FOR}`,
      [digest(key), `${windowSeconds} seconds`],
    );
    return toState(row);
  }

  /** The current count without counting (0 when the window has ended). */
  async peek(key: string): Promise<CounterState> {
    const [row] = await this.db.query(`SELECT hits, ${LOCKED_FOR} FROM attempt_counter WHERE key = $1 AND window_ends_at > now()`, [digest(key)]);
    return row ? toState(row) : { hits: 0, lockedForSeconds: 0, resetsInSeconds: 0 };
  }

  /** Gives back an attempt that turned out not to be a failure. */
  async refund(key: string): Promise<void> {
    await this.db.query(`UPDATE attempt_counter SET hits = greatest(hits - 1, 0) WHERE key = $1 AND window_ends_at > now()`, [digest(key)]);
  }

  /** Forgets the key: its count and its lock. */
  async clear(key: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(`DELETE FROM attempt_counter WHERE key = $1`, [digest(key)]);
  }

  /**
   * Locks the key for `seconds`, unless it is locked already: true when this call set the lock. The lock ends the
   * window with it, so the count starts again from zero afterwards, and attempts made meanwhile never extend it.
   */
  async lock(key: string, seconds: number): Promise<boolean> {
    const locked = await changedRows(
      this.db,
      `UPDATE attempt_counter SET locked_until = now() + $2::interval, window_ends_at = now() + $2::interval
        WHERE key = $1 AND (locked_until IS NULL OR locked_until <= now()) RETURNING key`,
      [digest(key), `${seconds} seconds`],
    );
    return locked.length > 0;
  }

  private async purgeNowAndThen(): Promise<void> {
    if (Date.now() - this.lastPurge < PURGE_EVERY_MS) {
      return;
    }
    this.lastPurge = Date.now();
    await this.db.query(`DELETE FROM attempt_counter WHERE window_ends_at < now() - interval '1 minute'`);
  }
}

// Measured on the clock, not at the transaction's start: an upsert that waited for a concurrent lock must not
// report more time left than the lock lasts.
const LOCKED_FOR = `greatest(0, ceil(extract(epoch FROM coalesce(locked_until, clock_timestamp()) - clock_timestamp())))::int AS locked_for,
  greatest(1, ceil(extract(epoch FROM window_ends_at - clock_timestamp())))::int AS resets_in`;

function toState(row: { hits: number; locked_for: number; resets_in: number }): CounterState {
  return { hits: Number(row.hits), lockedForSeconds: Number(row.locked_for), resetsInSeconds: Number(row.resets_in) };
}

function digest(key: string): string {
  return hashToken(`attempts:${key}`);
}
