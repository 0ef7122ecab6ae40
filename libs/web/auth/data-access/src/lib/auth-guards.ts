import { inject } from '@angular/core';
import { type CanActivateFn, RedirectCommand, Router } from '@angular/router';
import { COMMUNE_ROLES, DEPARTEMENT_ROLES, type Role } from '@passerelle/shared/dto';
import { SIGN_IN_PATH } from './auth-interceptor';
import { AuthSession } from './auth-session';
import { homeOf, safeReturnUrl } from './return-url';

export const ACCESS_DENIED_PATH = '/acces-reserve';

/**
 * Opens a route to signed-in users with one of `roles` (any role when `null`). A visitor goes to the sign-in page,
 * which brings them back here; a user of another role sees the "Accès réservé" page at the address they asked for.
 */
export function requireRoles(roles: readonly Role[] | null): CanActivateFn {
  return async (_route, state) => {
    const session = inject(AuthSession);
    const router = inject(Router);
    // At start the session of a previous visit may still be on its way back.
    await session.whenRestored();
    const user = session.user();
    if (!user) {
      return router.createUrlTree([SIGN_IN_PATH], { queryParams: { retour: state.url } });
    }
    if (roles === null || roles.includes(user.role)) {
      return true;
    }
    // The address bar keeps what the user asked for, so that the page they were refused is clear.
    return new RedirectCommand(router.parseUrl(ACCESS_DENIED_PATH), { browserUrl: state.url });
  };
}

/** `/compte`. */
export const signedInGuard: CanActivateFn = requireRoles(null);
/** `/espace/**`: the commune's mayor and collaborators. */
export const communeMemberGuard: CanActivateFn = requireRoles(COMMUNE_ROLES);
/** `/departement/**`: agents and admins. */
export const departementStaffGuard: CanActivateFn = requireRoles(DEPARTEMENT_ROLES);
/** `/departement/administration`. */
export const adminGuard: CanActivateFn = requireRoles(['ADMIN']);

/** The sign-in page is of no use to a signed-in user: on to where they were going, or to their area. */
export const signedOutGuard: CanActivateFn = async (route) => {
  const session = inject(AuthSession);
  const router = inject(Router);
  await session.whenRestored();
  const user = session.user();
  if (!user) {
    return true;
  }
  return router.parseUrl(safeReturnUrl(route.queryParamMap.get('retour')) ?? homeOf(user.role));
};
