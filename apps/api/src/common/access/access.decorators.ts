import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ROLES, type Role } from '@passerelle/shared/dto';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user';

export const ACCESS_KEY = 'passerelle:access';

/** Every route says who may call it; the global AccessGuard refuses a route that does not (deny by default). */
export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/** Signed-in users with one of these roles; finer checks (own commune, own département) happen in the query. */
export const Allow = (...roles: Role[]) => SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule);

/** Any signed-in user. */
export const SignedIn = () => Allow(...ROLES);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
  if (!request.user) {
    // Only reachable on a route declared @Public() that asks for the user: a programming error.
    throw new Error('CurrentUser used on a route without authentication');
  }
  return request.user;
});

/** Where a request comes from, for the audit log and the session list. */
export interface RequestMeta {
  requestId: string;
  ip: string;
  userAgent: string | null;
}

export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const userAgent = request.headers['user-agent'];
  return {
    requestId: String(request.id),
    ip: request.ip,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 300) : null,
  };
});
