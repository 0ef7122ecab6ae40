import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AuthUser } from '../common/access/auth-user';
import { isUuid } from '../common/http/uuid';
import { SessionsRepository } from './sessions.repository';
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
    private readonly sessions: SessionsRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // passport-jwt hands the key to jsonwebtoken as it is, which takes a KeyObject; its types predate that.
      secretOrKey: tokens.accessSecretKey as unknown as Buffer,
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
    const row = await this.sessions.activeUser(payload.sid, payload.sub);
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
