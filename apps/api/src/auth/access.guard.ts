import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { ACCESS_KEY, type AccessRule } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { isDatabaseUnavailable } from '../common/exceptions/api-error';
import { AuthException } from './auth.exception';

/**
 * Global guard, deny by default: a route must be declared @Public() or @Allow(roles…). A route with no
 * declaration is refused (and a test walks the router so that none ships).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) {
      throw new AuthException('FORBIDDEN');
    }
    if (rule.kind === 'public') {
      return true;
    }
    await super.canActivate(context);
    const user = context.switchToHttp().getRequest<FastifyRequest & { user: AuthUser }>().user;
    if (!rule.roles.includes(user.role)) {
      throw new AuthException('FORBIDDEN');
    }
    return true;
  }

  override handleRequest<TUser = AuthUser>(error: unknown, user: TUser | false): TUser {
    // The session lookup failing because PostgreSQL is unreachable is an outage (503), not a bad token: a 401
    // here would make every client sign its user out during a blip of the database.
    if (isDatabaseUnavailable(error)) {
      throw error;
    }
    if (error || !user) {
      throw new AuthException('UNAUTHENTICATED');
    }
    return user;
  }
}
