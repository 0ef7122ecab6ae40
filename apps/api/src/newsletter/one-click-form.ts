import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The one route that takes a form body: the one-click unsubscribe of mail clients (RFC 8058). */
export const ONE_CLICK_ROUTE = '/api/public/newsletter/unsubscribe/:token';
const MAX_FORM_BYTES = 1_024;

/**
 * Mail clients post `List-Unsubscribe=One-Click` as `application/x-www-form-urlencoded`; the API otherwise accepts
 * JSON only (`registerHttpEdge`). This parser takes that type for the one-click route alone, reads at most 1 KB and
 * answers 415 on every other route, as before.
 */
export function acceptOneClickForms(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: MAX_FORM_BYTES },
    (request: FastifyRequest, body: string | Buffer, done: (error: Error | null, body?: unknown) => void) => {
      if (request.routeOptions.url !== ONE_CLICK_ROUTE) {
        done(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 }));
        return;
      }
      done(null, Object.fromEntries(new URLSearchParams(body.toString())));
    },
  );
}
