import { HttpException } from '@nestjs/common';
import type { ApiError } from '@passerelle/shared/dto';
import { DomainException, type ErrorKind } from './domain.exception';

export interface MappedError {
  status: number;
  body: ApiError;
  /** Unexpected errors are logged with their stack; expected ones are not. */
  unexpected: boolean;
}

export function statusForKind(kind: ErrorKind): number {
  switch (kind) {
    case 'INVALID':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'GONE':
      return 410;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'RATE_LIMITED':
      return 429;
    case 'UNAVAILABLE':
      return 503;
  }
}

/** Errors raised by the framework (routing, body parsing, limits) carry only a status: give them French words. */
const HTTP_STATUS_ERRORS: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'La requête est mal formée : vérifiez les informations envoyées.' },
  401: { code: 'UNAUTHENTICATED', message: 'Vous devez vous connecter pour accéder à cette ressource.' },
  403: { code: 'FORBIDDEN', message: 'Vous n’avez pas les droits nécessaires pour cette action.' },
  404: { code: 'NOT_FOUND', message: 'Cette adresse n’existe pas.' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'Cette opération n’est pas permise sur cette adresse.' },
  406: { code: 'NOT_ACCEPTABLE', message: 'Ce format de réponse n’est pas disponible.' },
  408: { code: 'REQUEST_TIMEOUT', message: 'La requête a pris trop de temps : réessayez.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'L’envoi est trop volumineux.' },
  414: { code: 'URI_TOO_LONG', message: 'L’adresse demandée est trop longue.' },
  415: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Ce type de contenu n’est pas accepté : envoyez du JSON (application/json).',
  },
  429: { code: 'TOO_MANY_REQUESTS', message: 'Trop de requêtes : patientez quelques instants avant de réessayer.' },
  431: { code: 'HEADERS_TOO_LARGE', message: 'Les en-têtes de la requête sont trop volumineux.' },
};

const INTERNAL = {
  code: 'INTERNAL_ERROR',
  message: 'Une erreur inattendue est survenue. Réessayez ; si le problème persiste, signalez-le avec sa référence.',
};

/** The single translation of any thrown value into the API's error answer `{ code, message, errors?, requestId }`. */
export function toApiError(error: unknown, requestId: string): MappedError {
  if (error instanceof DomainException) {
    const body: ApiError = { ...error.extra, code: error.code, message: error.message, requestId };
    if (error.errors) {
      body.errors = error.errors;
    }
    return { status: statusForKind(error.kind), body, unexpected: false };
  }
  const status = error instanceof HttpException ? error.getStatus() : httpStatusOf(error);
  if (status !== null && status >= 400 && status < 500) {
    const known = HTTP_STATUS_ERRORS[status] ?? HTTP_STATUS_ERRORS[400];
    return { status, body: { ...known, requestId }, unexpected: false };
  }
  if (isDatabaseUnavailable(error)) {
    // Expected during an outage or a restart of PostgreSQL: the client keeps its session and tries again.
    return { status: 503, body: { ...DATABASE_UNAVAILABLE, requestId }, unexpected: false };
  }
  if (status === 503) {
    return {
      status,
      body: { code: 'UNAVAILABLE', message: 'Le service est momentanément indisponible : réessayez dans un instant.', requestId },
      unexpected: true,
    };
  }
  return { status: 500, body: { ...INTERNAL, requestId }, unexpected: true };
}

export const DATABASE_UNAVAILABLE = {
  code: 'DATABASE_UNAVAILABLE',
  message: 'Le service est momentanément indisponible : réessayez dans quelques instants.',
} as const;

/** Network failures of the driver reaching the server (or the server going away). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
/** PostgreSQL's SQLSTATEs for a server that is shutting down, starting, crashed or full. */
const SERVER_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** pg and pg-pool report lost or impossible connections with plain errors: their messages are the only clue. */
const DRIVER_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end|Client has encountered a connection error|Connection refused|the database system is (?:shutting down|starting up|in recovery mode)/i;

/**
 * The database cannot be reached right now (pg or TypeORM, wrapped or not): answered 503 rather than 401 or
 * 500, so that a blip of PostgreSQL signs nobody out and the client retries.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) {
    return false;
  }
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SERVER_STATES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code))) {
    return true;
  }
  if (typeof e.message === 'string' && DRIVER_MESSAGES.test(e.message)) {
    return true;
  }
  const nested = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return nested.some((inner) => inner !== error && isDatabaseUnavailable(inner, depth + 1));
}

/** Fastify and its plugins throw plain errors with a numeric `statusCode`. */
function httpStatusOf(error: unknown): number | null {
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const status = (error as { statusCode: unknown }).statusCode;
    return typeof status === 'number' ? status : null;
  }
  return null;
}
