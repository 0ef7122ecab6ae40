import { type KeyObject, createSecretKey, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { sign, verify } from 'jsonwebtoken';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { isUuid } from '../common/http/uuid';
import { AuthException } from './auth.exception';

export const ACCESS_TOKEN_TTL_SECONDS = 10 * 60;
const CHALLENGE_TTL_SECONDS = 5 * 60;
export const JWT_ISSUER = 'passerelle';
export const JWT_AUDIENCE = 'passerelle-api';
const CHALLENGE_AUDIENCE = 'passerelle-second-factor';
export const JWT_ALGORITHM = 'HS256';

export type ChallengePurpose = 'totp' | 'enrol';

/** A verified challenge: whose it is, and its own id (wrong codes are counted per challenge). */
export interface Challenge {
  userId: string;
  challengeId: string;
}

/**
 * Access tokens (10 minutes, HS256, issuer and audience pinned) and second-factor challenges (5 minutes,
 * another audience, so neither can stand for the other).
 */
@Injectable()
export class TokensService {
  // Keys, not strings: given a string, jsonwebtoken first tries it as a PEM public key on every call, and that
  // failed parse (an exception) cost 4 % of the CPU of a signed-in request.
  private readonly accessSecret: KeyObject;
  private readonly challengeSecret: KeyObject;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (!config.jwt.accessSecret || !config.jwt.refreshSecret) {
      throw new Error('JWT secrets are missing (withLocalSecrets or the environment provides them)');
    }
    this.accessSecret = createSecretKey(Buffer.from(config.jwt.accessSecret, 'utf8'));
    this.challengeSecret = createSecretKey(Buffer.from(config.jwt.refreshSecret, 'utf8'));
  }

  get accessSecretKey(): KeyObject {
    return this.accessSecret;
  }

  signAccess(userId: string, sessionId: string): { accessToken: string; expiresIn: number } {
    const accessToken = sign({ sid: sessionId }, this.accessSecret, {
      algorithm: JWT_ALGORITHM,
      subject: userId,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    });
    return { accessToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  /** The user of a valid access token, else `null` (no session lookup: rate limits key on it before the guard). */
  accessSubject(token: string): string | null {
    try {
      const payload = verify(token, this.accessSecret, { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER, audience: JWT_AUDIENCE });
      return typeof payload === 'object' && isUuid(payload.sub) ? payload.sub.toLowerCase() : null;
    } catch {
      return null;
    }
  }

  signChallenge(userId: string, purpose: ChallengePurpose): string {
    return sign({ purpose }, this.challengeSecret, {
      algorithm: JWT_ALGORITHM,
      subject: userId,
      issuer: JWT_ISSUER,
      audience: CHALLENGE_AUDIENCE,
      expiresIn: CHALLENGE_TTL_SECONDS,
      jwtid: randomUUID(),
    });
  }

  /** A valid challenge for this purpose; otherwise the user must sign in again. */
  verifyChallenge(token: string, purpose: ChallengePurpose): Challenge {
    try {
      const payload = verify(token, this.challengeSecret, {
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
        audience: CHALLENGE_AUDIENCE,
      });
      if (typeof payload === 'object' && payload.purpose === purpose && typeof payload.sub === 'string' && isUuid(payload.jti)) {
        return { userId: payload.sub, challengeId: payload.jti.toLowerCase() };
      }
    } catch {
      // expired, forged or malformed: same answer
    }
    throw new AuthException('CHALLENGE_EXPIRED');
  }
}
