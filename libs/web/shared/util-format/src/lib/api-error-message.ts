import type { ApiError } from '@passerelle/shared/dto';

/** Generic French message when the failure did not come with one the user can act on. */
export const DEFAULT_ERROR_MESSAGE = 'Une erreur est survenue. Veuillez réessayer dans quelques instants.';
export const NETWORK_ERROR_MESSAGE = 'Le serveur est injoignable. Vérifiez votre connexion puis réessayez.';

function isApiError(body: unknown): body is ApiError {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Partial<ApiError>).code === 'string' &&
    typeof (body as Partial<ApiError>).message === 'string'
  );
}

/**
 * French message to show for a failed request. Takes the error as thrown by HttpClient (or anything else) without
 * depending on Angular: it only looks at `status` and `error`, so it stays a pure helper.
 */
export function apiErrorMessage(error: unknown, fallback = DEFAULT_ERROR_MESSAGE): string {
  if (typeof error !== 'object' || error === null) {
    return fallback;
  }
  const { status, error: body } = error as { status?: unknown; error?: unknown };
  if (isApiError(body)) {
    return body.message;
  }
  // HttpClient reports status 0 when the request never reached a server (offline, DNS, CORS).
  if (status === 0) {
    return NETWORK_ERROR_MESSAGE;
  }
  return fallback;
}
