import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_HINT_COOKIE } from '@passerelle/shared/dto';
import type { AppConfig } from '../config/app-config';
import type { IssuedRefresh } from './sessions.service';

/** Only the auth routes ever receive it; JavaScript never sees it (HttpOnly); no other site sends it (Strict). */
export const REFRESH_COOKIE = 'passerelle_refresh';
const COOKIE_PATH = '/api/auth';

export function setRefreshCookie(reply: FastifyReply, issued: IssuedRefresh, config: AppConfig): void {
  void reply.setCookie(REFRESH_COOKIE, issued.refreshToken, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: config.publicUrl.startsWith('https:'),
    expires: issued.expiresAt,
  });
  void reply.setCookie(SESSION_HINT_COOKIE, '1', {
    path: '/',
    httpOnly: false,
    sameSite: 'strict',
    secure: config.publicUrl.startsWith('https:'),
    expires: issued.expiresAt,
  });
}

export function clearRefreshCookie(reply: FastifyReply, config: AppConfig): void {
  void reply.clearCookie(REFRESH_COOKIE, {
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: config.publicUrl.startsWith('https:'),
  });
  void reply.clearCookie(SESSION_HINT_COOKIE, { path: '/', sameSite: 'strict', secure: config.publicUrl.startsWith('https:') });
}

export function readRefreshCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies[REFRESH_COOKIE];
  return value && value.length <= 200 ? value : undefined;
}
