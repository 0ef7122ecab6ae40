import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../common/http/uuid';
import { changedRows } from '../database/changed-rows';
import { USER_SELECT, type UserRecord, maySignInSql } from './user-record';

/** The SQL of app_user shared by the features (sign-in, account, teams). */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async byId(id: string, manager: EntityManager = this.db.manager): Promise<UserRecord | null> {
    if (!isUuid(id)) {
      return null;
    }
    const [row] = await manager.query<UserRecord[]>(`${USER_SELECT} WHERE u.id = $1`, [id]);
    return row ?? null;
  }

  async activeByEmail(email: string, manager: EntityManager = this.db.manager): Promise<UserRecord | null> {
    const [row] = await manager.query<UserRecord[]>(`${USER_SELECT} WHERE u.email = $1 AND u.state = 'ACTIVE'`, [normalizeEmail(email)]);
    return row ?? null;
  }

  /** The account of this address if it may sign in: active, or waiting for a deletion that signing in cancels. */
  async signInByEmail(email: string): Promise<UserRecord | null> {
    const [row] = await this.db.query<UserRecord[]>(`${USER_SELECT} WHERE u.email = $1 AND ${maySignInSql('u')}`, [normalizeEmail(email)]);
    return row ?? null;
  }

  /**
   * Signing in cancels a deletion that the owner (or an admin on their request) asked for, unless an admin also
   * disabled the account: true when there was one to cancel.
   */
  async cancelDeletionOnSignIn(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await changedRows(
      manager,
      `UPDATE app_user SET state = 'ACTIVE', deletion_requested_at = NULL, deletion_due_at = NULL, deletion_requested_by = NULL,
              updated_at = now()
        WHERE id = $1 AND deletion_due_at IS NOT NULL AND disabled_at IS NULL AND deleted_at IS NULL RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /** Locks the account until the end of the caller's transaction if it is active: false otherwise. */
  async lockActive(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM app_user WHERE id = $1 AND state = 'ACTIVE' FOR NO KEY UPDATE`, [id]);
    return rows.length > 0;
  }

  async setDisplayName(id: string, displayName: string): Promise<void> {
    await this.db.query(`UPDATE app_user SET display_name = $2, updated_at = now() WHERE id = $1`, [id, displayName]);
  }

  async setPasswordHash(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager.query(`UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1`, [id, passwordHash]);
  }

  /** A sign-in also starts the inactivity period again: the warnings before an inactive account's deletion restart. */
  async touchLastSignIn(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE app_user SET last_sign_in_at = now(), inactivity_warnings = 0, inactivity_warned_at = NULL WHERE id = $1`, [id]);
  }

  /** A second factor being set up: the sealed secret waits for its first code. */
  async setPendingTotpSecret(id: string, sealedSecret: string): Promise<void> {
    await this.db.query(`UPDATE app_user SET totp_pending_secret = $2, updated_at = now() WHERE id = $1`, [id, sealedSecret]);
  }

  /** The pending secret becomes the second factor; `step` is the time step of the code that confirmed it. */
  async enableTotp(manager: EntityManager, id: string, step: number): Promise<void> {
    await manager.query(
      `UPDATE app_user SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled_at = now(),
              totp_last_step = $2, updated_at = now() WHERE id = $1`,
      [id, step],
    );
  }

  async disableTotp(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE app_user SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL,
              updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  /** Records `step` as the last TOTP step used, unless it is not newer (a replayed code): true when recorded. */
  async acceptTotpStep(id: string, step: number): Promise<boolean> {
    const accepted = await changedRows(
      this.db,
      `UPDATE app_user SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
      [id, step],
    );
    return accepted.length > 0;
  }
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
