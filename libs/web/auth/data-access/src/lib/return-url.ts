import { COMMUNE_ROLES, type Role } from '@passerelle/shared/dto';

/**
 * The `retour` parameter of the sign-in page, kept only when it is a path of this app. Anything else would turn the
 * sign-in page into an open redirect: `//evil.com` and `/\evil.com` are read by browsers as another host, and tabs
 * or line breaks are dropped from URLs, so `/\t/evil.com` would become `//evil.com`.
 */
export function safeReturnUrl(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/')) {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/^\/[/\\]/.test(value) || /[\\\u0000-\u001f\u007f]/.test(value)) {
    return null;
  }
  // Coming back to the sign-in page after signing in would look like a failure.
  if (/^\/connexion(?:[/?#]|$)/.test(value)) {
    return null;
  }
  return value;
}

/** Where a user lands after signing in when no page was asked for: their own area. */
export function homeOf(role: Role): string {
  return COMMUNE_ROLES.includes(role) ? '/espace' : '/departement';
}
