import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink, type UrlTree } from '@angular/router';
import { DEFAULT_PAGE_SIZE, type NotificationDto } from '@passerelle/shared/dto';
import { NotificationCenter, NotificationsApi } from '@passerelle/web/notifications/data-access';
import { NotificationItem } from '@passerelle/web/notifications/ui-notifications';
import { provideFrenchPaginator, FocusOnText } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, formatCount } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { tap } from 'rxjs';

export const NOTIFICATIONS_PAGE_SIZE = DEFAULT_PAGE_SIZE;
/** Value of the `filtre` query parameter that keeps the unread ones only. */
export const UNREAD_FILTER = 'non-lues';

/**
 * `/notifications`: everything that happened to the user's questions, newest first. The filter and the page live in
 * the address (`?filtre=non-lues&page=2`), so that coming back from a notification finds the list as it was left.
 */
@Component({
  selector: 'pas-notifications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FocusOnText, 
    RouterLink,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatPaginator,
    MatProgressBar,
    NotificationItem,
  ],
  providers: [provideFrenchPaginator()],
  template: `
    <div class="heading">
      <h1>Notifications</h1>
      <button
        mat-stroked-button
        type="button"
        [disabled]="center.unread() === 0 || markingAll()"
        (click)="markAllRead()"
      >
        Tout marquer comme lu
      </button>
    </div>

    <mat-button-toggle-group
      class="filter"
      aria-label="Notifications affichées"
      hideSingleSelectionIndicator
      [value]="unreadOnly() ? 'unread' : 'all'"
      (change)="showUnreadOnly($event.value === 'unread')"
    >
      <mat-button-toggle value="all">Toutes</mat-button-toggle>
      <mat-button-toggle value="unread">Non lues</mat-button-toggle>
    </mat-button-toggle-group>

    <p class="count" role="status">{{ countText() }}</p>
    <div class="progress">
      @if (notifications.isLoading() || markingAll()) {
        <mat-progress-bar mode="indeterminate" aria-label="Chargement des notifications" />
      }
    </div>
    @if (error()) {
      <p class="error" role="alert">{{ error() }}</p>
    }
    <p class="notice" role="status" [pasFocusOnText]="notice()">{{ notice() }}</p>
    @if (hasNewer()) {
      <p class="newer">
        De nouvelles notifications sont arrivées.
        <button mat-button type="button" (click)="notifications.reload()">Les afficher</button>
      </p>
    }

    @if (notifications.error()) {
      <p class="error" role="alert">{{ loadError() }}</p>
      <button mat-stroked-button type="button" (click)="notifications.reload()">Réessayer</button>
    } @else if (notifications.value(); as page) {
      @if (page.items.length > 0) {
        <ul class="list" aria-label="Notifications">
          @for (notification of page.items; track notification.id) {
            <li>
              <a
                class="notification"
                [class.unread]="notification.readAt === null"
                [routerLink]="linkOf(notification)"
                (click)="center.open(notification)"
              >
                <pas-notification-item [notification]="notification" />
              </a>
            </li>
          }
        </ul>
        @if (page.total > pageSize) {
          <mat-paginator
            [length]="page.total"
            [pageIndex]="pageIndex()"
            [pageSize]="pageSize"
            [hidePageSize]="true"
            (page)="goToPage($event)"
          />
        }
      } @else if (unreadOnly()) {
        <div class="empty">
          <p>Vous êtes à jour&nbsp;: tout a été lu.</p>
          <button mat-button type="button" (click)="showUnreadOnly(false)">Voir toutes les notifications</button>
        </div>
      } @else {
        <div class="empty">
          <p>Rien de nouveau pour le moment.</p>
          <p class="hint">
            Vous serez prévenu ici des réponses et des nouvelles questions qui vous concernent. Choisissez ce qui vous
            est aussi envoyé par courriel depuis <a routerLink="/compte">Mon compte</a>.
          </p>
        </div>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 960px;
    }
    .heading {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
      margin-bottom: 16px;
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0;
    }
    .count {
      margin: 16px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .progress {
      height: 4px;
      margin: 8px 0;
    }
    .list {
      list-style: none;
      margin: 0 0 16px;
      padding: 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 16px;
      overflow: hidden;

      li + li {
        border-top: 1px solid var(--mat-sys-outline-variant);
      }
    }
    .notification {
      display: block;
      padding: 16px;
      color: var(--mat-sys-on-surface);
      text-decoration: none;

      &:hover {
        background: var(--mat-sys-surface-container-high);
      }
      &:focus-visible {
        outline-offset: -3px;
      }
      &.unread {
        background: color-mix(in srgb, var(--mat-sys-primary) 8%, var(--mat-sys-surface));

        &:hover {
          background: color-mix(in srgb, var(--mat-sys-primary) 14%, var(--mat-sys-surface));
        }
      }
    }
    .newer {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 8px;
      margin: 0 0 8px;
      padding: 4px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .empty {
      padding: 24px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container-low);

      p {
        margin: 0 0 8px;
        font: var(--mat-sys-body-large);
      }
      .hint {
        font: var(--mat-sys-body-medium);
        color: var(--mat-sys-on-surface-variant);
      }
    }
    .notice {
      margin: 0 0 8px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);

      &:empty {
        display: none;
      }
    }
    .error {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class NotificationsPage {
  private readonly api = inject(NotificationsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly center = inject(NotificationCenter);

  /** Query parameter `filtre`: `non-lues` keeps the unread ones. */
  readonly filtre = input<string>();
  /** Query parameter `page`, from 1. */
  readonly page = input<string>();

  protected readonly pageSize = NOTIFICATIONS_PAGE_SIZE;
  protected readonly unreadOnly = computed(() => this.filtre() === UNREAD_FILTER);
  protected readonly pageIndex = computed(() => {
    const page = Number(this.page());
    return Number.isInteger(page) && page > 1 ? page - 1 : 0;
  });

  /** The unread count that came with the list shown, to tell when newer ones have arrived since. */
  private readonly listedUnread = signal<number | null>(null);

  protected readonly notifications = rxResource({
    params: () => ({
      unread: this.unreadOnly() ? true : undefined,
      limit: this.pageSize,
      offset: this.pageIndex() * this.pageSize,
    }),
    stream: ({ params }) =>
      this.api.list(params).pipe(
        tap((page) => {
          this.listedUnread.set(page.unread);
          this.center.syncUnread(page.unread);
        }),
      ),
  });

  protected readonly markingAll = busyFlag();
  protected readonly error = signal('');
  protected readonly notice = signal('');

  protected readonly loadError = computed(() =>
    apiErrorMessage(this.notifications.error(), 'Impossible de charger les notifications.'),
  );
  protected readonly hasNewer = computed(() => {
    const listed = this.listedUnread();
    return listed !== null && !this.notifications.isLoading() && this.center.unread() > listed;
  });
  protected readonly countText = computed(() => {
    const page = this.notifications.hasValue() ? this.notifications.value() : undefined;
    if (!page) {
      return '';
    }
    if (page.total === 0) {
      return this.unreadOnly() ? 'Aucune notification non lue.' : 'Aucune notification.';
    }
    if (this.unreadOnly()) {
      return formatCount(page.total, 'notification non lue', 'notifications non lues');
    }
    const total = formatCount(page.total, 'notification');
    return page.unread > 0 ? `${total}, dont ${formatCount(page.unread, 'non lue', 'non lues')}` : total;
  });

  protected linkOf(notification: NotificationDto): UrlTree {
    // Parsed rather than given as a string, so that a query or a fragment in the link survives.
    return this.router.parseUrl(notification.link);
  }

  protected showUnreadOnly(unreadOnly: boolean): void {
    this.navigate({ filtre: unreadOnly ? UNREAD_FILTER : null, page: null });
  }

  protected goToPage(event: PageEvent): void {
    this.navigate({ page: event.pageIndex > 0 ? String(event.pageIndex + 1) : null });
  }

  protected markAllRead(): void {
    this.error.set('');
    this.notice.set('');
    this.center
      .markAllRead()
      .pipe(this.markingAll.track)
      .subscribe({
        next: () => {
          this.notice.set('Toutes vos notifications sont marquées comme lues.');
          this.notifications.reload();
        },
        error: (error: unknown) =>
          this.error.set(apiErrorMessage(error, 'Impossible de marquer les notifications comme lues. Réessayez.')),
      });
  }

  private navigate(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}
