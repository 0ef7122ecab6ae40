import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectDataSource } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../common/access/auth-user';
import { isUuid } from '../common/http/uuid';
import { preparedQuery } from '../database/prepared-query';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER, TokensService } from './tokens.service';

interface AccessPayload {
  sub?: unknown;
  sid?: unknown;
}

/**
 * Bearer access tokens: algorithm, issuer and audience pinned (an `alg: none` token or another key fails the
 * signature), subject and session required, and the session looked up on every request so that a logout, a
 * removal or a deactivation takes effect at once rather than when the token expires.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    tokens: TokensService,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: tokens.accessSecretKey,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessPayload): Promise<AuthUser | false> {
    if (!isUuid(payload.sub) || !isUuid(payload.sid)) {
      return false;
    }
    // On every authenticated request: prepared once per connection.
    const [row] = await preparedQuery<{ id: string; email: string; role: AuthUser['role']; departement_code: string; commune_insee: string | null }>(
      this.db,
      `SELECT u.id, u.email, u.role, u.departement_code, u.commune_insee
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.state = 'ACTIVE'`,
      [payload.sid, payload.sub],
    );
    if (!row) {
      return false;
    }
    return {
      id: row.id,
      sessionId: payload.sid,
      email: row.email,
      role: row.role,
      departementCode: row.departement_code,
      communeInsee: row.commune_insee,
    };
  }
}
