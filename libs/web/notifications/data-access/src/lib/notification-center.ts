import { computed, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { NotificationDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { LiveUpdates } from '@passerelle/web/live/data-access';
import {
  catchError,
  distinctUntilChanged,
  EMPTY,
  fromEvent,
  map,
  merge,
  type Observable,
  of,
  startWith,
  Subject,
  switchMap,
  tap,
  timer,
} from 'rxjs';
import { NotificationsApi } from './notifications-api';

/** How often the unread count is asked for while the tab is visible. */
export const UNREAD_POLL_INTERVAL_MS = 60_000;

/**
 * The signed-in user's unread count, shared by the toolbar bell and the notifications page. Asked for when the user
 * signs in, when the live stream says a notification arrived, then every minute while the tab is visible (a hidden tab costs the server nothing; coming back to it after
 * more than a minute asks at once), and after the user reads something. Signed out, it stops and shows nothing.
 */
@Injectable({ providedIn: 'root' })
export class NotificationCenter {
  private readonly api = inject(NotificationsApi);
  private readonly session = inject(AuthSession);
  private readonly document = inject(DOCUMENT);
  private readonly live = inject(LiveUpdates);

  private readonly count = signal(0);
  private readonly refreshes = new Subject<void>();
  /** When the count was last asked for, to keep a minute between two polls across visibility changes. */
  private lastAskedAt: number | null = null;

  /** Unread notifications of the signed-in user; 0 when signed out or not known yet. */
  readonly unread = this.count.asReadonly();

  constructor() {
    const userId = computed(() => this.session.user()?.id ?? null);
    toObservable(userId)
      .pipe(
        distinctUntilChanged(),
        // Everything below belongs to one user: signing out (or in as someone else) drops their polls and requests.
        switchMap((id) => (id === null ? of(0) : this.countsWhileSignedIn())),
        takeUntilDestroyed(),
      )
      .subscribe((unread) => this.count.set(unread));
  }

  /** Asks for the count now (ignored when signed out). */
  refresh(): void {
    this.refreshes.next();
  }

  /** A list of notifications came with the current count: no need to ask again. */
  syncUnread(unread: number): void {
    if (this.session.user()) {
      this.count.set(unread);
    }
  }

  /**
   * Following a notification's link reads it. Fire and forget: the navigation must not wait for it, and when it fails
   * the notification simply stays unread in the list, which the user can see.
   */
  open(notification: NotificationDto): void {
    if (notification.readAt !== null) {
      return;
    }
    this.markRead(notification.id).subscribe({ error: () => this.refresh() });
  }

  markRead(id: string): Observable<void> {
    return this.api.markRead(id).pipe(
      tap(() => {
        this.count.update((unread) => Math.max(0, unread - 1));
        this.refresh();
      }),
    );
  }

  markAllRead(): Observable<void> {
    return this.api.markAllRead().pipe(
      tap(() => {
        this.count.set(0);
        this.refresh();
      }),
    );
  }

  private countsWhileSignedIn(): Observable<number> {
    this.lastAskedAt = null;
    // The stream says when a notification arrives; the poll stays as the fallback when the stream cannot be opened.
    return merge(this.pollTicks(), this.refreshes, this.live.notifications).pipe(
      // A newer question makes an older answer worthless (e.g. a poll overtaken by "marked as read").
      switchMap(() => {
        this.lastAskedAt = Date.now();
        // A failed poll keeps the last count; the next one will try again.
        return this.api.unreadCount().pipe(
          map((response) => response.unread),
          catchError(() => EMPTY),
        );
      }),
    );
  }

  /** Once at sign-in, then every minute while the tab is visible. */
  private pollTicks(): Observable<unknown> {
    const isVisible = () => this.document.visibilityState === 'visible';
    return fromEvent(this.document, 'visibilitychange').pipe(
      map(isVisible),
      startWith(isVisible()),
      distinctUntilChanged(),
      switchMap((visible, index) => {
        if (!visible) {
          // Signed in from a background tab: one look, then nothing until the user comes back.
          return index === 0 ? of(0) : EMPTY;
        }
        const due =
          this.lastAskedAt === null ? 0 : Math.max(0, this.lastAskedAt + UNREAD_POLL_INTERVAL_MS - Date.now());
        return timer(due, UNREAD_POLL_INTERVAL_MS);
      }),
    );
  }
}
