import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { DataExportStatus } from '@passerelle/shared/dto';
import { changedRows } from '../../database/changed-rows';
import { SqlParams } from '../../common/sql/sql-params';

export interface DataExportRow {
  id: string;
  user_id: string;
  status: DataExportStatus;
  requested_at: Date;
  ready_at: Date | null;
  expires_at: Date | null;
  storage_key: string | null;
  size_bytes: number | null;
  error: string | null;
}

/** What the retention of exports does to one row. */
export type PurgeAction = 'EXPIRE' | 'DELETE' | 'FAIL';

export interface PurgeCandidateRow {
  id: string;
  storage_key: string | null;
  action: PurgeAction;
}

export interface PurgeLimits {
  /** READY exports whose link ended by then expire (their file is deleted). */
  now: Date;
  /** FAILED exports asked before, and EXPIRED ones expired before, are forgotten. */
  forgetBefore: Date;
  /** PENDING exports asked before are given up (their build died). */
  staleBefore: Date;
}

const COLUMNS = `id, user_id, status, requested_at, ready_at, expires_at, storage_key, size_bytes::float8 AS size_bytes, error`;

/** The SQL of `data_export`: the users' « Télécharger mes données » archives. */
@Injectable()
export class DataExportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A new PENDING export, or `null` when the user already has one being built (one at a time, on every instance). */
  async insertPending(tx: EntityManager, userId: string, at: Date): Promise<DataExportRow | null> {
    const [row] = await tx.query<DataExportRow[]>(
      `INSERT INTO data_export (user_id, status, requested_at) VALUES ($1, 'PENDING', $2)
       ON CONFLICT (user_id) WHERE status = 'PENDING' DO NOTHING
       RETURNING ${COLUMNS}`,
      [userId, at],
    );
    return row ?? null;
  }

  async pendingOf(userId: string): Promise<DataExportRow | null> {
    const [row] = await this.db.query<DataExportRow[]>(`SELECT ${COLUMNS} FROM data_export WHERE user_id = $1 AND status = 'PENDING'`, [userId]);
    return row ?? null;
  }

  /** The user's requests since `since`, oldest first (for the limit per day). */
  async requestedSince(userId: string, since: Date): Promise<Date[]> {
    const rows = await this.db.query<{ requested_at: Date }[]>(
      `SELECT requested_at FROM data_export WHERE user_id = $1 AND requested_at > $2 ORDER BY requested_at`,
      [userId, since],
    );
    return rows.map((r) => r.requested_at);
  }

  latest(userId: string, limit: number): Promise<DataExportRow[]> {
    return this.db.query<DataExportRow[]>(`SELECT ${COLUMNS} FROM data_export WHERE user_id = $1 ORDER BY requested_at DESC, id LIMIT $2`, [
      userId,
      limit,
    ]);
  }

  /** The export if it is this user's: anyone else's is not found, as a missing one. */
  async ownedBy(id: string, userId: string): Promise<DataExportRow | null> {
    const [row] = await this.db.query<DataExportRow[]>(`SELECT ${COLUMNS} FROM data_export WHERE id = $1 AND user_id = $2`, [id, userId]);
    return row ?? null;
  }

  async byId(id: string): Promise<DataExportRow | null> {
    const [row] = await this.db.query<DataExportRow[]>(`SELECT ${COLUMNS} FROM data_export WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** PENDING → READY; `false` when it is no longer PENDING (given up meanwhile). */
  async markReady(tx: EntityManager, id: string, ready: { at: Date; expiresAt: Date; storageKey: string; sizeBytes: number }): Promise<boolean> {
    const rows = await changedRows<{ id: string }>(
      tx,
      `UPDATE data_export SET status = 'READY', ready_at = $2, expires_at = $3, storage_key = $4, size_bytes = $5, error = NULL
        WHERE id = $1 AND status = 'PENDING' RETURNING id`,
      [id, ready.at, ready.expiresAt, ready.storageKey, ready.sizeBytes],
    );
    return rows.length > 0;
  }

  /** PENDING → FAILED, with a short reason for the operator. */
  async markFailed(id: string, error: string): Promise<boolean> {
    const rows = await changedRows<{ id: string }>(
      this.db,
      `UPDATE data_export SET status = 'FAILED', error = $2 WHERE id = $1 AND status = 'PENDING' RETURNING id`,
      [id, error],
    );
    return rows.length > 0;
  }

  /** The user's PENDING export asked before `before` becomes FAILED (its build died with its process). */
  async failStale(userId: string, before: Date, error: string): Promise<void> {
    await this.db.query(`UPDATE data_export SET status = 'FAILED', error = $3 WHERE user_id = $1 AND status = 'PENDING' AND requested_at <= $2`, [
      userId,
      before,
      error,
    ]);
  }

  /** What the retention has to do, oldest first, at most `limit` rows. */
  purgeCandidates(limits: PurgeLimits, limit: number): Promise<PurgeCandidateRow[]> {
    const params = new SqlParams();
    const now = params.add(limits.now);
    const forget = params.add(limits.forgetBefore);
    const stale = params.add(limits.staleBefore);
    return this.db.query<PurgeCandidateRow[]>(
      `SELECT id, storage_key,
              CASE status WHEN 'READY' THEN 'EXPIRE' WHEN 'PENDING' THEN 'FAIL' ELSE 'DELETE' END AS action
         FROM data_export
        WHERE (status = 'READY' AND expires_at <= ${now})
           OR (status = 'FAILED' AND requested_at <= ${forget})
           OR (status = 'EXPIRED' AND coalesce(expires_at, requested_at) <= ${forget})
           OR (status = 'PENDING' AND requested_at <= ${stale})
        ORDER BY requested_at, id
        LIMIT ${params.add(limit)}`,
      params.values,
    );
  }

  /** READY → EXPIRED, once its file is deleted. */
  async markExpired(id: string): Promise<boolean> {
    const rows = await changedRows<{ id: string }>(
      this.db,
      `UPDATE data_export SET status = 'EXPIRED', storage_key = NULL WHERE id = $1 AND status = 'READY' RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  async deleteFinished(id: string): Promise<boolean> {
    const rows = await changedRows<{ id: string }>(this.db, `DELETE FROM data_export WHERE id = $1 AND status IN ('FAILED', 'EXPIRED') RETURNING id`, [id]);
    return rows.length > 0;
  }
}
