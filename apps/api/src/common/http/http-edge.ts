import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationFailedException } from '../exceptions/domain.exception';
import { CONTROL_CHARACTER_MESSAGE, findControlCharacterInParameters } from './control-characters';
import { parseJsonBody } from './json-body';

/**
 * How long a client may take, so that connections trickling bytes are closed instead of held for ever.
 * Node checks the header and request deadlines every `checkIntervalMs` (its default, 30 s, would double them).
 */
export interface HttpTimeouts {
  /** Request line and headers (slowloris). A phone sends them in one packet. */
  headersMs: number;
  /**
   * Whole request, body included. Uploads stream up to 25 MB: ten minutes lets a phone on a weak mobile
   * link (about 0.35 Mbit/s) finish; a stalled body is cut earlier by `idleMs`.
   */
  requestMs: number;
  /** No byte in either direction for this long: the socket is closed. */
  idleMs: number;
  /** An idle kept-alive connection waits this long for its next request. */
  keepAliveMs: number;
  checkIntervalMs: number;
}

export const HTTP_TIMEOUTS: HttpTimeouts = {
  headersMs: 20_000,
  requestMs: 600_000,
  idleMs: 30_000,
  keepAliveMs: 10_000,
  checkIntervalMs: 5_000,
};

/** The options of `fastify()` that apply the timeouts to its Node server. */
export function serverTimeoutOptions(timeouts: HttpTimeouts) {
  return {
    connectionTimeout: timeouts.idleMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: timeouts.checkIntervalMs },
  };
}

/**
 * Input rules applied to every request before any route sees it (called before other plugins add parsers):
 * - JSON is the only body type besides the uploads' multipart (anything else answers 415: Fastify's
 *   `text/plain` parser and Nest's form parser are not installed), parsed within a budget of keys and depth;
 * - no control character in query-string values, path parameters (none at all) or body strings (tab and
 *   line breaks allowed): PostgreSQL refuses NUL, and the others only corrupt names, searches and exports;
 * - a response that did not choose its cache policy is not stored (every signed-in answer).
 */
export function registerHttpEdge(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  // Hooks with a callback rather than async ones, here and in createApp: every request runs them, and an async
  // hook costs a promise and a turn of the microtask queue each time.
  fastify.addHook('onRequest', (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
    const field = findControlCharacterInParameters(request.query, request.params);
    done(field === null ? undefined : new ValidationFailedException({ [field]: CONTROL_CHARACTER_MESSAGE }));
  });

  fastify.addHook('onSend', (_request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: Error | null, payload: unknown) => void) => {
    if (!reply.hasHeader('cache-control')) {
      void reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
}
