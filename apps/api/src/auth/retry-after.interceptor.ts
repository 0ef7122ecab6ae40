import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { type Observable, catchError, throwError } from 'rxjs';
import { DomainException } from '../common/exceptions/domain.exception';

/**
 * A domain error that says when to come back (`extra.retryAfterSeconds`: a sign-in lock, a limit per e-mail
 * address) sets `Retry-After`, which the exception filter keeps on the 429 answer.
 */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const seconds = error instanceof DomainException ? error.extra?.['retryAfterSeconds'] : undefined;
        if (typeof seconds === 'number' && context.getType() === 'http') {
          void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(Math.max(1, Math.ceil(seconds))));
        }
        return throwError(() => error);
      }),
    );
  }
}
