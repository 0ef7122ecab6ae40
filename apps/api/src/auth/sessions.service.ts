import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { SessionDto } from '@passerelle/shared/dto';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/access/access.decorators';
import { hashToken, randomToken } from '../common/crypto/secret-box';
import { AuthException } from './auth.exception';
import { changedRows } from '../database/changed-rows';

/** A session lasts at most 30 days; its refresh token must be used within 7 days of being issued. */
const SESSION_TTL_MS = 30 * 24 * 3_600_000;
const REFRESH_TTL_MS = 7 * 24 * 3_600_000;

export interface IssuedRefresh {
  sessionId: string;
  refreshToken: string;
  /** When the cookie should expire. */
  expiresAt: Date;
}

export type RevokeReason = 'LOGOUT' | 'ENDED_BY_USER' | 'PASSWORD_CHANGED' | 'PASSWORD_RESET' | 'DISABLED' | 'REFRESH_REUSED';

/**
 * Sessions ("families" of refresh tokens). A refresh token is random, stored hashed, and rotated at every use;
 * presenting one that was already rotated (after a few seconds of grace for crossed requests) means it was stolen
 * or replayed, so the whole family is revoked.
 */
/** A rotated refresh token presented again this soon is a race between two requests of the same browser. */
const REUSE_GRACE_MS = 10_000;

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async open(userId: string, meta: RequestMeta, manager: EntityManager = this.db.manager): Promise<IssuedRefresh> {
    const [session] = await manager.query(
      `INSERT INTO user_session (user_id, expires_at, user_agent, ip) VALUES ($1, $2, $3, $4) RETURNING id, expires_at`,
      [userId, new Date(Date.now() + SESSION_TTL_MS), meta.userAgent, meta.ip],
    );
    return this.issue(manager, session.id, session.expires_at);
  }

  /** Exchanges a refresh token for a new one; returns the session's user. */
  async rotate(refreshToken: string, meta: RequestMeta): Promise<IssuedRefresh & { userId: string }> {
    const outcome = await this.db.transaction(async (tx) => {
      const [row] = await tx.query(
        `SELECT rt.used_at, rt.expires_at AS token_expires_at, s.id AS session_id, s.user_id, s.expires_at,
                s.revoked_at, u.state, u.departement_code
           FROM refresh_token rt
           JOIN user_session s ON s.id = rt.session_id
           JOIN app_user u ON u.id = s.user_id
          WHERE rt.token_hash = $1
          FOR UPDATE OF rt, s`,
        [hashToken(refreshToken)],
      );
      if (!row) {
        return null;
      }
      const now = new Date();
      if (row.used_at && now.getTime() - row.used_at.getTime() <= REUSE_GRACE_MS && !row.revoked_at && row.state === 'ACTIVE' && row.expires_at > now) {
        // Two refreshes crossed (two tabs opening, a reload while the first answer was on its way, whose cookie the
        // browser may never have kept): not a theft. The session gets one more token; the family stays.
        return { userId: row.user_id as string, ...(await this.issue(tx, row.session_id, row.expires_at)) };
      }
      if (row.used_at) {
        if (!row.revoked_at) {
          await this.revokeWith(tx, row.session_id, 'REFRESH_REUSED');
          await this.audit.record(
            { action: 'SESSION_REFRESH_REUSED', actorId: row.user_id, targetType: 'session', targetId: row.session_id, departementCode: row.departement_code },
            meta,
            tx,
          );
        }
        return null;
      }
      if (row.revoked_at || row.state !== 'ACTIVE' || row.expires_at <= now || row.token_expires_at <= now) {
        return null;
      }
      await tx.query(`UPDATE refresh_token SET used_at = now() WHERE token_hash = $1`, [hashToken(refreshToken)]);
      await tx.query(`UPDATE user_session SET last_used_at = now(), ip = $2, user_agent = $3 WHERE id = $1`, [
        row.session_id,
        meta.ip,
        meta.userAgent,
      ]);
      return { userId: row.user_id as string, ...(await this.issue(tx, row.session_id, row.expires_at)) };
    });
    if (!outcome) {
      throw new AuthException('SESSION_EXPIRED');
    }
    return outcome;
  }

  /** Logout: the session of this refresh token ends, whatever the token's state. */
  async revokeByRefreshToken(refreshToken: string): Promise<{ sessionId: string; userId: string } | null> {
    const [row] = await changedRows<{ id: string; user_id: string }>(
      this.db,
      `UPDATE user_session s SET revoked_at = now(), revoked_reason = 'LOGOUT'
         FROM refresh_token rt
        WHERE rt.session_id = s.id AND rt.token_hash = $1 AND s.revoked_at IS NULL
        RETURNING s.id, s.user_id`,
      [hashToken(refreshToken)],
    );
    return row ? { sessionId: row.id, userId: row.user_id } : null;
  }

  async revokeAll(userId: string, reason: RevokeReason, manager: EntityManager = this.db.manager, exceptSessionId?: string): Promise<void> {
    await manager.query(
      `UPDATE user_session SET revoked_at = now(), revoked_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3)`,
      [userId, reason, exceptSessionId ?? null],
    );
  }

  async list(userId: string, currentSessionId: string): Promise<SessionDto[]> {
    const rows: { id: string; created_at: Date; last_used_at: Date; user_agent: string | null; ip: string | null }[] =
      await this.db.query(
        `SELECT id, created_at, last_used_at, user_agent, ip FROM user_session
          WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
          ORDER BY last_used_at DESC`,
        [userId],
      );
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at.toISOString(),
      lastUsedAt: r.last_used_at.toISOString(),
      userAgent: r.user_agent,
      ip: r.ip,
      current: r.id === currentSessionId,
    }));
  }

  /** Ends one of the user's own sessions; another user's session id is simply not found. */
  async end(userId: string, sessionId: string): Promise<boolean> {
    const rows = await changedRows(
      this.db,
      `UPDATE user_session SET revoked_at = now(), revoked_reason = 'ENDED_BY_USER'
        WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
      [sessionId, userId],
    );
    return rows.length > 0;
  }

  private async revokeWith(manager: EntityManager, sessionId: string, reason: RevokeReason): Promise<void> {
    await manager.query(`UPDATE user_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1`, [sessionId, reason]);
  }

  private async issue(manager: EntityManager, sessionId: string, sessionExpiresAt: Date): Promise<IssuedRefresh> {
    const refreshToken = randomToken();
    const expiresAt = new Date(Math.min(Date.now() + REFRESH_TTL_MS, new Date(sessionExpiresAt).getTime()));
    await manager.query(`INSERT INTO refresh_token (token_hash, session_id, expires_at) VALUES ($1, $2, $3)`, [
      hashToken(refreshToken),
      sessionId,
      expiresAt,
    ]);
    return { sessionId, refreshToken, expiresAt };
  }
}
