import {
  HttpClient,
  HttpContext,
  HttpContextToken,
  HttpErrorResponse,
  type HttpEvent,
  type HttpInterceptorFn,
  HttpResponse,
} from '@angular/common/http';
import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { catchError, type Observable, retry, tap, throwError, timer } from 'rxjs';
import { API_BASE_URL } from './api-base-url';

/** Waits before the retries of a GET that met an outage: 1, 2, 4, 8 then 16 s (about half a minute in all). */
export const OUTAGE_RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000] as const;
/** While the service is down, how often it is probed when no page request is retrying. */
export const OUTAGE_PROBE_INTERVAL_MS = 15_000;

/** Marks a request the outage interceptor must not retry (the probe itself). */
export const NO_OUTAGE_RETRY = new HttpContextToken<boolean>(() => false);

/** An outage rather than an answer: the service said it is unavailable (503), or nothing came back at all. */
export function isOutage(error: unknown): boolean {
  return error instanceof HttpErrorResponse && (error.status === 503 || error.status === 0);
}

/**
 * Whether the API is reachable, as seen by the last calls: `unavailable` turns on with a 503 or a lost connection
 * and off with the next answer that is not an outage. While it is on, the API's health is probed now and then,
 * so that the banner goes away by itself even when no page is retrying.
 */
@Injectable({ providedIn: 'root' })
export class ServiceStatus {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);
  private readonly down = signal(false);
  private probe: ReturnType<typeof setInterval> | null = null;

  readonly unavailable = this.down.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopProbe());
  }

  reportOutage(): void {
    this.down.set(true);
    this.probe ??= setInterval(() => this.checkHealth(), OUTAGE_PROBE_INTERVAL_MS);
  }

  reportAnswer(): void {
    this.down.set(false);
    this.stopProbe();
  }

  private checkHealth(): void {
    this.http
      .get(`${this.baseUrl}/health`, { context: new HttpContext().set(NO_OUTAGE_RETRY, true) })
      .subscribe({ error: () => undefined });
  }

  private stopProbe(): void {
    if (this.probe !== null) {
      clearInterval(this.probe);
      this.probe = null;
    }
  }
}

/**
 * The API's outages (PostgreSQL restarting, the network gone): reported to `ServiceStatus` for the banner, and
 * reads (GET) tried again with growing delays. Writes are never repeated behind the user's back: they fail with
 * the API's French message and the form keeps its content. A 401 is the auth interceptor's business, not this one's.
 */
export const outageInterceptor: HttpInterceptorFn = (request, next) => {
  const baseUrl = inject(API_BASE_URL);
  if (!(request.url === baseUrl || request.url.startsWith(`${baseUrl}/`) || request.url.startsWith(`${baseUrl}?`))) {
    return next(request);
  }
  const status = inject(ServiceStatus);
  const retried = request.method === 'GET' && !request.context.get(NO_OUTAGE_RETRY);
  const sent: Observable<HttpEvent<unknown>> = next(request).pipe(
    tap((event) => {
      if (event instanceof HttpResponse) {
        status.reportAnswer();
      }
    }),
    catchError((error: unknown) => {
      if (isOutage(error)) {
        status.reportOutage();
      } else if (error instanceof HttpErrorResponse) {
        // Any real answer (404, 409…) means the service is back.
        status.reportAnswer();
      }
      return throwError(() => error);
    }),
  );
  return (
    retried
      ? sent.pipe(
          retry({
            count: OUTAGE_RETRY_DELAYS_MS.length,
            delay: (error: unknown, attempt: number) => (isOutage(error) ? timer(OUTAGE_RETRY_DELAYS_MS[attempt - 1]) : throwError(() => error)),
          }),
        )
      : sent
  );
};
