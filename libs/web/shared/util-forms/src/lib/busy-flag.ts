import { type Signal, signal } from '@angular/core';
import { defer, finalize, type Observable } from 'rxjs';

/**
 * Whether a request started by the page is under way (a submit button disabled, a progress bar shown). Read it like
 * a signal; `track(request)` raises it when the request is subscribed and lowers it when the request ends, whether
 * it completed, failed or was cancelled (the page was left).
 */
export interface BusyFlag extends Signal<boolean> {
  track<T>(request: Observable<T>): Observable<T>;
}

/**
 * Replaces `saving = signal(false)` + `saving.set(true)` + `finalize(() => saving.set(false))` written by hand:
 * `readonly saving = busyFlag();` then `this.api.save(…).pipe(this.saving.track).subscribe(…)` — or
 * `this.saving.track(this.api.save(…))`. A plain boolean like the hand-written pattern: the page still refuses a second
 * submit while `saving()` is true.
 */
export function busyFlag(): BusyFlag {
  const busy = signal(false);
  const track = <T>(request: Observable<T>): Observable<T> =>
    defer(() => {
      busy.set(true);
      return request.pipe(finalize(() => busy.set(false)));
    });
  // Only this flag holds `busy`: its read-only getter can carry `track` without anyone else seeing it.
  return Object.assign(busy.asReadonly(), { track });
}
