import type { ApiError } from '@passerelle/shared/dto';

/** Field errors of a failed request (`{ password: "…" }`), to show under each field; empty when there are none. */
export function apiFieldErrors(error: unknown): Record<string, string> {
  if (typeof error !== 'object' || error === null) {
    return {};
  }
  const body = (error as { error?: unknown }).error;
  if (typeof body !== 'object' || body === null) {
    return {};
  }
  const errors = (body as Partial<ApiError>).errors;
  return typeof errors === 'object' && errors !== null ? errors : {};
}

/** The stable code of an API error (`NO_FREE_SEAT`), or `null` when the body is not one. */
export function apiErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) {
    return null;
  }
  const body = (error as { error?: unknown }).error;
  const code = typeof body === 'object' && body !== null ? (body as Partial<ApiError>).code : undefined;
  return typeof code === 'string' ? code : null;
}
