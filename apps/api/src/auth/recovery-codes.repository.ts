import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { changedRows } from '../database/changed-rows';

/** The SQL of recovery_code (the one-time codes of the second factor). Codes arrive here already hashed. */
@Injectable()
export class RecoveryCodesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The user's codes become exactly `hashes`. */
  async replace(manager: EntityManager, userId: string, hashes: string[]): Promise<void> {
    await this.deleteAll(manager, userId);
    await manager.query(`INSERT INTO recovery_code (user_id, code_hash) SELECT $1, unnest($2::text[])`, [userId, hashes]);
  }

  async deleteAll(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM recovery_code WHERE user_id = $1`, [userId]);
  }

  /** Uses one of the user's unused codes: true when it was one (and is now used). */
  async use(userId: string, codeHash: string): Promise<boolean> {
    const used = await changedRows(
      this.db,
      `UPDATE recovery_code SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING user_id`,
      [userId, codeHash],
    );
    return used.length > 0;
  }
}
