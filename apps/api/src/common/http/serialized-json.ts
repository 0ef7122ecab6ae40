import { createHash } from 'node:crypto';

/**
 * A JSON answer serialised once, with its entity tag. A kept answer (a page of communes, a page of published
 * projects) is sent again as it is: no `JSON.stringify` and no hashing per request, which were most of what such a
 * request cost (`SerializedJsonInterceptor` sends it).
 */
export class SerializedJson<T = unknown> {
  readonly text: string;
  readonly etag: string;

  constructor(readonly value: T) {
    this.text = JSON.stringify(value);
    // The same form as @fastify/etag's (strong, SHA-1 in base64), so that a client's If-None-Match still matches.
    this.etag = `"${createHash('sha1').update(this.text).digest('base64')}"`;
  }
}
