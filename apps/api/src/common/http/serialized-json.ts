import { createHash } from 'node:crypto';

/**
 * A JSON answer serialised once, with its entity tag. A kept answer (a page of communes, a page of published
 * projects) is sent again as it is: no `JSON.stringify`, no hashing and no UTF-8 encoding per request, which were
 * most of what such a request cost (`SerializedJsonInterceptor` sends its bytes).
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
