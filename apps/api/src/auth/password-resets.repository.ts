import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { changedRows } from '../database/changed-rows';

/** The SQL of password_reset (the links of "mot de passe oublié"). Tokens arrive here already hashed. */
@Injectable()
export class PasswordResetsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(manager: EntityManager, tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
    await manager.query(`INSERT INTO password_reset (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`, [tokenHash, userId, expiresAt]);
  }

  /** Whether the link is unused, unrevoked, unexpired, and its account active. */
  async isUsable(tokenHash: string): Promise<boolean> {
    const rows = await this.db.query<{ usable: number }[]>(
      `SELECT 1 AS usable FROM password_reset r JOIN app_user u ON u.id = r.user_id
        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > now()
          AND u.state = 'ACTIVE'`,
      [tokenHash],
    );
    return rows.length > 0;
  }

  /** The account of an unused, unrevoked, unexpired link; `null` otherwise. */
  async usableUserId(tokenHash: string): Promise<string | null> {
    const [row] = await this.db.query<{ user_id: string }[]>(
      `SELECT user_id FROM password_reset WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
      [tokenHash],
    );
    return row?.user_id ?? null;
  }

  /** Uses the link if it still can be: true when this call did (two concurrent uses cannot both succeed). */
  async markUsed(manager: EntityManager, tokenHash: string): Promise<boolean> {
    const used = await changedRows(
      manager,
      `UPDATE password_reset SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now() RETURNING user_id`,
      [tokenHash],
    );
    return used.length > 0;
  }

  /** Revokes the account's links not used yet. */
  async revokeUnused(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE password_reset SET revoked_at = now() WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL`, [userId]);
  }
}
