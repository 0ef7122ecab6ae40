import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { changedRows } from '../database/changed-rows';

/** A counter as PostgreSQL reports it: seconds are whole, measured on the clock at the time of the statement. */
export interface AttemptCounterRow {
  hits: number;
  locked_for: number;
  resets_in: number;
}

// Measured on the clock, not at the transaction's start: an upsert that waited for a concurrent lock must not
// report more time left than the lock lasts.
const LOCKED_FOR = `greatest(0, ceil(extract(epoch FROM coalesce(locked_until, clock_timestamp()) - clock_timestamp())))::int AS locked_for,
  greatest(1, ceil(extract(epoch FROM window_ends_at - clock_timestamp())))::int AS resets_in`;

/** The SQL of attempt_counter. Keys arrive here already digested. */
@Injectable()
export class AttemptCountersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Counts one attempt in one atomic upsert: concurrent attempts get distinct, increasing counts. A window that
   * has ended starts again at 1, without its lock.
   */
  async hit(key: string, windowSeconds: number, manager: EntityManager = this.db.manager): Promise<AttemptCounterRow> {
    const [row] = await manager.query<AttemptCounterRow[]>(
      `INSERT INTO attempt_counter AS c (key, hits, window_ends_at) VALUES ($1, 1, now() + $2::interval)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN c.window_ends_at <= now() THEN 1 ELSE c.hits + 1 END,
         locked_until = CASE WHEN c.window_ends_at <= now() THEN NULL ELSE c.locked_until END,
         window_ends_at = CASE WHEN c.window_ends_at <= now() THEN now() + $2::interval ELSE c.window_ends_at END
       RETURNING hits, ${LOCKED_FOR}`,
      [key, `${windowSeconds} seconds`],
    );
    return row;
  }

  /** The counter of the current window; `null` when its window has ended. */
  async current(key: string): Promise<AttemptCounterRow | null> {
    const [row] = await this.db.query<AttemptCounterRow[]>(
      `SELECT hits, ${LOCKED_FOR} FROM attempt_counter WHERE key = $1 AND window_ends_at > now()`,
      [key],
    );
    return row ?? null;
  }

  async refund(key: string): Promise<void> {
    await this.db.query(`UPDATE attempt_counter SET hits = greatest(hits - 1, 0) WHERE key = $1 AND window_ends_at > now()`, [key]);
  }

  async delete(key: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(`DELETE FROM attempt_counter WHERE key = $1`, [key]);
  }

  /** Locks the key and ends its window after `seconds`, unless it is locked already: true when this call did. */
  async lock(key: string, seconds: number): Promise<boolean> {
    const locked = await changedRows(
      this.db,
      `UPDATE attempt_counter SET locked_until = now() + $2::interval, window_ends_at = now() + $2::interval
        WHERE key = $1 AND (locked_until IS NULL OR locked_until <= now()) RETURNING key`,
      [key, `${seconds} seconds`],
    );
    return locked.length > 0;
  }

  /** Forgets windows that ended more than a minute ago. */
  async purgeEnded(): Promise<void> {
    await this.db.query(`DELETE FROM attempt_counter WHERE window_ends_at < now() - interval '1 minute'`);
  }
}
