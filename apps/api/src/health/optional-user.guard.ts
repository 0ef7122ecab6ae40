import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { AuthUser } from '../common/access/auth-user';

/**
 * For a public route that says more to a signed-in user: reads the bearer token when there is one, and lets
 * the request through without a user otherwise (no token, a bad one, or a database that does not answer — the
 * health check must still say so).
 */
@Injectable()
export class OptionalUserGuard extends AuthGuard('jwt') {
  override handleRequest<TUser = AuthUser>(_error: unknown, user: TUser | false): TUser | null {
    return user || null;
  }
}
