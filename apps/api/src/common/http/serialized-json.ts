import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * A JSON answer serialised once, with its entity tag. A kept answer (a page of communes, a page of published
 * projects) is sent again as it is: no `JSON.stringify`, no hashing and no UTF-8 encoding per request, which were
 * most of what such a request cost (`sendSerializedJson` sends its bytes).
 */
export class SerializedJson<T = unknown> {
  /** The JSON text in UTF-8, encoded once. */
  readonly bytes: Buffer;
  readonly etag: string;

  constructor(readonly value: T) {
    this.bytes = Buffer.from(JSON.stringify(value), 'utf8');
    // The same form as @fastify/etag's (strong, SHA-1 in base64), so that a client's If-None-Match still matches.
    this.etag = `"${createHash('sha1').update(this.bytes).digest('base64')}"`;
  }
}

/**
 * Sends a `SerializedJson` returned by a route as its bytes, with its entity tag: Fastify neither serialises nor
 * encodes it again, nor (@fastify/etag keeps a tag already set) hashes it, and still answers 304 to a matching
 * If-None-Match. Fastify hooks rather than a Nest interceptor: an interceptor wraps every request of the API in
 * an async resource and an observable, which cost a tenth of the CPU of a kept page.
 */
export function sendSerializedJson(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', (_request, reply: FastifyReply, payload: unknown, done: (error: Error | null, payload: unknown) => void) => {
    if (payload instanceof SerializedJson) {
      void reply.header('etag', payload.etag);
    }
    done(null, payload);
  });
  // The route's content type is kept (GeoJSON); Fastify gives a JSON one to a route that set none.
  fastify.setReplySerializer((payload: unknown) => (payload instanceof SerializedJson ? payload.bytes : JSON.stringify(payload)) as string);
}
