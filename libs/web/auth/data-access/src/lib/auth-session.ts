import { HttpErrorResponse } from '@angular/common/http';
import { computed, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import {
  type AuthenticatedResponse,
  type LoginResponse,
  type MeDto,
  SESSION_HINT_COOKIE,
  type TotpEnrolmentCompletedResponse,
  type TotpSetupDto,
} from '@passerelle/shared/dto';
import { catchError, finalize, firstValueFrom, map, type Observable, of, shareReplay, tap, throwError } from 'rxjs';
import { isOutage } from '@passerelle/web/shared/data-access';
import { AuthApi } from './auth-api';

/**
 * Between the tries to restore a session while the API is unavailable (a page reloaded during an outage): the
 * user stays "being restored", with the outage banner, rather than being shown as signed out.
 */
export const RESTORE_RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000] as const;

/** The API refused the refresh cookie (expired, revoked, unknown): the session is over. */
export function isSessionRefused(error: unknown): boolean {
  return error instanceof HttpErrorResponse && (error.status === 401 || error.status === 403);
}

/**
 * Who is signed in. The access token lives in a signal and nowhere else: never in localStorage or sessionStorage,
 * where any injected script could read it. A page reload loses it on purpose; `restore()` gets a new one from the
 * HttpOnly refresh cookie, which scripts cannot read.
 */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly api = inject(AuthApi);
  private readonly document = inject(DOCUMENT);

  private readonly token = signal<string | null>(null);
  private readonly currentUser = signal<MeDto | null>(null);
  private readonly restoreDone = signal(false);
  private readonly deletionCancelledFlag = signal(false);

  /** The signed-in user, or `null`. */
  readonly user = this.currentUser.asReadonly();
  readonly isSignedIn = computed(() => this.currentUser() !== null);
  readonly role = computed(() => this.currentUser()?.role ?? null);
  /** `false` until the session of a previous visit has been looked for, so that the shell does not flash "Se connecter". */
  readonly restored = this.restoreDone.asReadonly();
  /**
   * This sign-in cancelled the deletion the user had asked for: the shell says so (« La suppression de votre compte
   * est annulée. ») until the user closes the message or signs out.
   */
  readonly deletionCancelled = this.deletionCancelledFlag.asReadonly();

  private restoring: Promise<void> | null = null;
  private refreshing: Observable<string> | null = null;

  private hasSessionHint(): boolean {
    return this.document.cookie.split(';').some((c) => c.trim().startsWith(`${SESSION_HINT_COOKIE}=`));
  }

  accessToken(): string | null {
    return this.token();
  }

  /**
   * Looks for the session of a previous visit; never fails (a visitor is simply not signed in). Without the
   * session hint cookie there is nothing to look for, and an anonymous visit costs no request.
   */
  restore(): Promise<void> {
    if (!this.restoring && !this.hasSessionHint()) {
      this.restoring = Promise.resolve();
      this.restoreDone.set(true);
    }
    this.restoring ??= this.restoreUntilAnswered().finally(() => this.restoreDone.set(true));
    return this.restoring;
  }

  /** Tries again as long as the API is unreachable; an answer (a session or a refusal) ends it. */
  private async restoreUntilAnswered(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await firstValueFrom(this.refresh());
        return;
      } catch (error: unknown) {
        if (!isOutage(error)) {
          return;
        }
      }
      const delay = RESTORE_RETRY_DELAYS_MS[Math.min(attempt, RESTORE_RETRY_DELAYS_MS.length - 1)];
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  /** Resolves once `restore()` has finished (at once when it was never started). */
  whenRestored(): Promise<void> {
    return this.restoring ?? Promise.resolve();
  }

  /**
   * A new access token from the refresh cookie. Callers arriving while a refresh is under way share it: the API
   * rotates the refresh token on each use and treats the reuse of a rotated one as theft, ending the session.
   */
  refresh(): Observable<string> {
    this.refreshing ??= this.api.refresh().pipe(
      map((response) => {
        this.start(response);
        return response.accessToken;
      }),
      catchError((error: unknown) => {
        // Only a refused session signs out. An outage (503) or a lost connection keeps the user signed in: the
        // refresh cookie is still valid and the next try, once the service is back, will use it.
        if (isSessionRefused(error)) {
          this.clear();
        }
        return throwError(() => error);
      }),
      finalize(() => {
        this.refreshing = null;
      }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshing;
  }

  /** First step of the sign-in; signs in at once when no second factor is asked for. */
  login(email: string, password: string): Observable<LoginResponse> {
    return this.api.login(email, password).pipe(
      tap((response) => {
        if (response.status === 'AUTHENTICATED') {
          this.signedIn(response);
        }
      }),
    );
  }

  loginWithTotp(challengeToken: string, code: string): Observable<AuthenticatedResponse> {
    return this.api.loginWithTotp(challengeToken, code).pipe(tap((response) => this.signedIn(response)));
  }

  startEnrolment(challengeToken: string): Observable<TotpSetupDto> {
    return this.api.startEnrolment(challengeToken);
  }

  /** Ends signed in; the caller shows the recovery codes once before leaving the page. */
  confirmEnrolment(challengeToken: string, code: string): Observable<TotpEnrolmentCompletedResponse> {
    return this.api.confirmEnrolment(challengeToken, code).pipe(tap((response) => this.signedIn(response)));
  }

  /** Forgets the session here even when the API cannot be reached: the user asked to leave. */
  logout(): Observable<void> {
    return this.api.logout().pipe(
      catchError(() => of(undefined)),
      map(() => undefined),
      finalize(() => this.clear()),
    );
  }

  /** After the user changed their profile or second factor. */
  updateUser(user: MeDto): void {
    this.currentUser.set(user);
  }

  clear(): void {
    this.token.set(null);
    this.currentUser.set(null);
    this.deletionCancelledFlag.set(false);
  }

  /** The user closed the message « La suppression de votre compte est annulée. ». */
  dismissDeletionCancelled(): void {
    this.deletionCancelledFlag.set(false);
  }

  /** A sign-in (not a refresh): it may have cancelled a pending deletion of the account. */
  private signedIn(response: AuthenticatedResponse): void {
    this.start(response);
    this.deletionCancelledFlag.set(response.deletionCancelled === true);
  }

  private start(response: AuthenticatedResponse): void {
    this.token.set(response.accessToken);
    this.currentUser.set(response.user);
  }
}
