import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { SessionDto } from '@passerelle/shared/dto';
import { AuditService } from '../audit/audit.service';
import { LiveEvents } from '../live/live-events';
import type { RequestMeta } from '../common/access/access.decorators';
import { hashToken, randomToken } from '../common/crypto/secret-box';
import { AuthException } from './auth.exception';
import { type RevokeReason, SessionsRepository } from './sessions.repository';

export type { RevokeReason } from './sessions.repository';

/** A session lasts at most 30 days; its refresh token must be used within 7 days of being issued. */
const SESSION_TTL_MS = 30 * 24 * 3_600_000;
const REFRESH_TTL_MS = 7 * 24 * 3_600_000;

export interface IssuedRefresh {
  sessionId: string;
  refreshToken: string;
  /** When the cookie should expire. */
  expiresAt: Date;
}

/** A rotated refresh token presented again this soon is a race between two requests of the same browser. */
const REUSE_GRACE_MS = 10_000;

/**
 * Sessions ("families" of refresh tokens). A refresh token is random, stored hashed, and rotated at every use;
 * presenting one that was already rotated (after a few seconds of grace for crossed requests) means it was stolen
 * or replayed, so the whole family is revoked.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: SessionsRepository,
    private readonly audit: AuditService,
    private readonly live: LiveEvents,
  ) {}

  async open(userId: string, meta: RequestMeta, manager: EntityManager = this.db.manager): Promise<IssuedRefresh> {
    const session = await this.repository.insert(manager, {
      userId,
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
      userAgent: meta.userAgent,
      ip: meta.ip,
    });
    return this.issue(manager, session.id, session.expires_at);
  }

  /** Exchanges a refresh token for a new one; returns the session's user. */
  async rotate(refreshToken: string, meta: RequestMeta): Promise<IssuedRefresh & { userId: string }> {
    const outcome = await this.db.transaction(async (tx) => {
      const row = await this.repository.lockByRefreshToken(tx, hashToken(refreshToken));
      if (!row) {
        return null;
      }
      const now = new Date();
      if (row.used_at && now.getTime() - row.used_at.getTime() <= REUSE_GRACE_MS && !row.revoked_at && row.state === 'ACTIVE' && row.expires_at > now) {
        // Two refreshes crossed (two tabs opening, a reload while the first answer was on its way, whose cookie the
        // browser may never have kept): not a theft. The session gets one more token; the family stays.
        return { userId: row.user_id, ...(await this.issue(tx, row.session_id, row.expires_at)) };
      }
      if (row.used_at) {
        if (!row.revoked_at) {
          await this.repository.revoke(tx, row.session_id, 'REFRESH_REUSED');
          this.live.sessionsEnded(tx, { userId: row.user_id, sessionId: row.session_id, exceptSessionId: null });
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
      await this.repository.markRefreshTokenUsed(tx, hashToken(refreshToken));
      await this.repository.touch(tx, row.session_id, meta.ip, meta.userAgent);
      return { userId: row.user_id, ...(await this.issue(tx, row.session_id, row.expires_at)) };
    });
    if (!outcome) {
      throw new AuthException('SESSION_EXPIRED');
    }
    return outcome;
  }

  /** Logout: the session of this refresh token ends, whatever the token's state. */
  async revokeByRefreshToken(refreshToken: string): Promise<{ sessionId: string; userId: string } | null> {
    const row = await this.repository.revokeByRefreshToken(hashToken(refreshToken));
    if (!row) {
      return null;
    }
    this.live.sessionsEnded(null, { userId: row.user_id, sessionId: row.id, exceptSessionId: null });
    return { sessionId: row.id, userId: row.user_id };
  }

  async revokeAll(userId: string, reason: RevokeReason, manager: EntityManager = this.db.manager, exceptSessionId?: string): Promise<void> {
    await this.repository.revokeAllOfUser(manager, userId, reason, exceptSessionId ?? null);
    this.live.sessionsEnded(manager, { userId, sessionId: null, exceptSessionId: exceptSessionId ?? null });
  }

  async list(userId: string, currentSessionId: string): Promise<SessionDto[]> {
    const rows = await this.repository.listActive(userId);
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
    const ended = await this.repository.revokeOwn(userId, sessionId, 'ENDED_BY_USER');
    if (ended) {
      this.live.sessionsEnded(null, { userId, sessionId, exceptSessionId: null });
    }
    return ended;
  }

  private async issue(manager: EntityManager, sessionId: string, sessionExpiresAt: Date): Promise<IssuedRefresh> {
    const refreshToken = randomToken();
    const expiresAt = new Date(Math.min(Date.now() + REFRESH_TTL_MS, new Date(sessionExpiresAt).getTime()));
    await this.repository.insertRefreshToken(manager, hashToken(refreshToken), sessionId, expiresAt);
    return { sessionId, refreshToken, expiresAt };
  }
}
