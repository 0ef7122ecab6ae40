import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@passerelle/shared/dto';
import { changedRows } from '../database/changed-rows';
import { preparedQuery } from '../database/prepared-query';

export type RevokeReason = 'LOGOUT' | 'ENDED_BY_USER' | 'PASSWORD_CHANGED' | 'PASSWORD_RESET' | 'DISABLED' | 'REFRESH_REUSED' | 'DELETION_REQUESTED';

/** A refresh token with its session and the session's user, as `rotate` decides on it. */
export interface RefreshTokenRow {
  used_at: Date | null;
  token_expires_at: Date;
  session_id: string;
  user_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  state: 'ACTIVE' | 'DISABLED';
  departement_code: string;
}

/** A live session, as the user's list of sessions shows it. */
export interface ActiveSessionRow {
  id: string;
  created_at: Date;
  last_used_at: Date;
  user_agent: string | null;
  ip: string | null;
}

/** The user behind a live session (what the access guard needs on every request). */
export interface SessionUserRow {
  id: string;
  email: string;
  role: Role;
  departement_code: string;
  commune_insee: string | null;
}

/** The SQL of user_session and refresh_token. Tokens arrive here already hashed. */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    manager: EntityManager,
    session: { userId: string; expiresAt: Date; userAgent: string | null; ip: string | null },
  ): Promise<{ id: string; expires_at: Date }> {
    const [row] = await manager.query<{ id: string; expires_at: Date }[]>(
      `INSERT INTO user_session (user_id, expires_at, user_agent, ip) VALUES ($1, $2, $3, $4) RETURNING id, expires_at`,
      [session.userId, session.expiresAt, session.userAgent, session.ip],
    );
    return row;
  }

  /** The refresh token and its session, both locked until the end of the caller's transaction. */
  async lockByRefreshToken(manager: EntityManager, tokenHash: string): Promise<RefreshTokenRow | null> {
    const [row] = await manager.query<RefreshTokenRow[]>(
      `SELECT rt.used_at, rt.expires_at AS token_expires_at, s.id AS session_id, s.user_id, s.expires_at,
              s.revoked_at, u.state, u.departement_code
         FROM refresh_token rt
         JOIN user_session s ON s.id = rt.session_id
         JOIN app_user u ON u.id = s.user_id
        WHERE rt.token_hash = $1
        FOR UPDATE OF rt, s`,
      [tokenHash],
    );
    return row ?? null;
  }

  async markRefreshTokenUsed(manager: EntityManager, tokenHash: string): Promise<void> {
    await manager.query(`UPDATE refresh_token SET used_at = now() WHERE token_hash = $1`, [tokenHash]);
  }

  async insertRefreshToken(manager: EntityManager, tokenHash: string, sessionId: string, expiresAt: Date): Promise<void> {
    await manager.query(`INSERT INTO refresh_token (token_hash, session_id, expires_at) VALUES ($1, $2, $3)`, [tokenHash, sessionId, expiresAt]);
  }

  async touch(manager: EntityManager, sessionId: string, ip: string | null, userAgent: string | null): Promise<void> {
    await manager.query(`UPDATE user_session SET last_used_at = now(), ip = $2, user_agent = $3 WHERE id = $1`, [sessionId, ip, userAgent]);
  }

  /** Ends the live session that issued this refresh token; `null` when there is none. */
  async revokeByRefreshToken(tokenHash: string): Promise<{ id: string; user_id: string } | null> {
    const [row] = await changedRows<{ id: string; user_id: string }>(
      this.db,
      `UPDATE user_session s SET revoked_at = now(), revoked_reason = 'LOGOUT'
         FROM refresh_token rt
        WHERE rt.session_id = s.id AND rt.token_hash = $1 AND s.revoked_at IS NULL
        RETURNING s.id, s.user_id`,
      [tokenHash],
    );
    return row ?? null;
  }

  async revoke(manager: EntityManager, sessionId: string, reason: RevokeReason): Promise<void> {
    await manager.query(`UPDATE user_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1`, [sessionId, reason]);
  }

  /** Ends every live session of the user, but `exceptSessionId` when given. */
  async revokeAllOfUser(manager: EntityManager, userId: string, reason: RevokeReason, exceptSessionId: string | null): Promise<void> {
    await manager.query(
      `UPDATE user_session SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3)`,
      [userId, reason, exceptSessionId],
    );
  }

  /** Ends one of the user's own live sessions: true when it did. */
  async revokeOwn(userId: string, sessionId: string, reason: RevokeReason): Promise<boolean> {
    const rows = await changedRows(
      this.db,
      `UPDATE user_session SET revoked_at = now(), revoked_reason = $3
        WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
      [sessionId, userId, reason],
    );
    return rows.length > 0;
  }

  listActive(userId: string): Promise<ActiveSessionRow[]> {
    return this.db.query<ActiveSessionRow[]>(
      `SELECT id, created_at, last_used_at, user_agent, ip FROM user_session
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
        ORDER BY last_used_at DESC`,
      [userId],
    );
  }

  /** The active user of a live session; on every authenticated request, hence a prepared statement. */
  async activeUser(sessionId: string, userId: string): Promise<SessionUserRow | null> {
    const [row] = await preparedQuery<SessionUserRow>(
      this.db,
      `SELECT u.id, u.email, u.role, u.departement_code, u.commune_insee
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.state = 'ACTIVE'`,
      [sessionId, userId],
    );
    return row ?? null;
  }
}
