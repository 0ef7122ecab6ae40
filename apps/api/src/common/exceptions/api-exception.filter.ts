import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DATABASE_UNAVAILABLE, toApiError } from './api-error';
import { DomainException } from './domain.exception';

/** Every error leaves the API in one shape, in French, with the request's correlation id and never a stack. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Erreur');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, body, unexpected } = toApiError(exception, String(request.id));
    if (unexpected) {
      const stack = exception instanceof Error ? exception.stack : String(exception);
      this.logger.error(`${request.method} ${request.routeOptions.url ?? '-'} → ${status} [${request.id}]`, stack);
    } else if (body.code === DATABASE_UNAVAILABLE.code) {
      // One short line per refused request, no stack: the outage itself is what the operator needs to see.
      this.logger.warn(`${request.method} ${request.routeOptions.url ?? '-'} → 503 base de données injoignable [${request.id}]`);
    }
    if (status === 429 || status === 503) {
      // A domain error may say when to come back (a sign-in lock, a limit per e-mail address); the throttler
      // sets the header itself before it refuses.
      const seconds = exception instanceof DomainException ? exception.extra?.['retryAfterSeconds'] : undefined;
      const retryAfter = typeof seconds === 'number' ? String(Math.max(1, Math.ceil(seconds))) : reply.getHeader('retry-after');
      void reply.header('retry-after', retryAfter ?? '5');
    }
    // Always JSON, whatever type the route declared for its success (GeoJSON, Atom, CSV…).
    void reply.status(status).header('cache-control', 'no-store').header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
