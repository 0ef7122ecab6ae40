import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { SerializedJson } from './serialized-json';

/**
 * Sends a `SerializedJson` returned by a route as its bytes, with its entity tag: Fastify neither serialises nor
 * encodes it again, nor (@fastify/etag keeps a tag already set) hashes it, and still answers 304 to a matching
 * If-None-Match.
 */
@Injectable()
export class SerializedJsonInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof SerializedJson)) {
          return result;
        }
        const reply = context.switchToHttp().getResponse<FastifyReply>();
        if (!reply.hasHeader('content-type')) {
          void reply.header('content-type', 'application/json; charset=utf-8');
        }
        void reply.header('etag', result.etag);
        return result.bytes;
      }),
    );
  }
}
