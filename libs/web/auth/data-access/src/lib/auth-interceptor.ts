import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import { catchError, type Observable, of, switchMap, throwError } from 'rxjs';
import { AuthSession, isSessionRefused } from './auth-session';

export const SIGN_IN_PATH = '/connexion';

/**
 * Adds the access token to the API's requests. On a 401 the token has expired (or the session was ended elsewhere):
 * one silent refresh, then the request is sent again; when the refresh is refused too, the user goes to the sign-in
 * page, which brings them back where they were going. A refresh that fails because the service is down (503, no
 * network) signs nobody out.
 *
 * The `/auth/*` routes answer 401 for a wrong password or an expired session: refreshing there would loop.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const baseUrl = inject(API_BASE_URL);
  if (!isUnder(request.url, baseUrl)) {
    return next(request);
  }
  const session = inject(AuthSession);
  const router = inject(Router);
  const sentWith = session.accessToken();

  return next(withToken(request, sentWith)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || isUnder(request.url, `${baseUrl}/auth`)) {
        return throwError(() => error);
      }
      // Another request refreshed the token while this one was under way: no need to spend the refresh token again.
      const current = session.accessToken();
      const token$: Observable<string> = current !== null && current !== sentWith ? of(current) : session.refresh();
      return token$.pipe(
        catchError((refreshError: unknown) => {
          // The service is down or unreachable: the user stays signed in and on their page, the outage is reported
          // (banner, retries) and the request fails like any other outage.
          if (!isSessionRefused(refreshError)) {
            return throwError(() => refreshError);
          }
          sendToSignIn(router);
          return throwError(() => error);
        }),
        switchMap((token) => next(withToken(request, token))),
      );
    }),
  );
};

function withToken<T>(request: HttpRequest<T>, token: string | null): HttpRequest<T> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

/** `/api/me` is under `/api`; `/apiary` is not. */
function isUnder(url: string, prefix: string): boolean {
  return url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`);
}

/** Back to the sign-in page with the page the user was on, or on their way to when a guard or resolver asked. */
function sendToSignIn(router: Router): void {
  const navigation = router.currentNavigation();
  const target = navigation ? router.serializeUrl(navigation.finalUrl ?? navigation.extractedUrl) : router.url;
  if (target === SIGN_IN_PATH || target.startsWith(`${SIGN_IN_PATH}?`)) {
    return;
  }
  void router.navigate([SIGN_IN_PATH], { queryParams: { retour: target } });
}
