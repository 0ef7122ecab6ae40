import { ChangeDetectionStrategy, Component, computed, inject, signal, ViewEncapsulation } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatMenu, MatMenuContent, MatMenuItem } from '@angular/material/menu';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink, type UrlTree } from '@angular/router';
import type { NotificationDto } from '@passerelle/shared/dto';
import { NotificationCenter, NotificationsApi } from '@passerelle/web/notifications/data-access';
import { NotificationBell, NotificationItem, unreadText } from '@passerelle/web/notifications/ui-notifications';
import { tap } from 'rxjs';

/** How many of the latest notifications the menu shows; the rest are on `/notifications`. */
export const MENU_NOTIFICATION_COUNT = 8;

/**
 * The bell of the toolbar and its menu of the latest notifications. Deferred by the shell with the account menu:
 * the unread count's polling, Material's menu and this menu stay out of the public pages' first download.
 *
 * Not encapsulated: the menu's panel is drawn in the overlay container, outside this component; every class here
 * starts with `notification-menu` so that nothing leaks.
 */
@Component({
  selector: 'app-notification-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [RouterLink, MatMenu, MatMenuContent, MatMenuItem, MatProgressBar, NotificationBell, NotificationItem],
  template: `
    <pas-notification-bell [unread]="center.unread()" [menu]="menu" (approached)="prefetch()" (opened)="load()" />
    <mat-menu #menu="matMenu" xPosition="before" class="notification-menu-panel">
      <ng-template matMenuContent>
        <div class="notification-menu-header">
          <span class="notification-menu-title">Notifications</span>
          <span class="notification-menu-count">{{ unread() }}</span>
        </div>
        <div class="notification-menu-progress">
          @if (recent.isLoading()) {
            <mat-progress-bar mode="indeterminate" aria-label="Chargement des notifications" />
          }
        </div>
        @if (recent.error()) {
          <p class="notification-menu-message" role="alert">
            Impossible de charger les dernières notifications. Retrouvez-les sur la page Notifications.
          </p>
        } @else if (recent.hasValue()) {
          @for (notification of recent.value().items; track notification.id) {
            <a
              mat-menu-item
              class="notification-menu-item"
              [class.notification-menu-unread]="notification.readAt === null"
              [routerLink]="linkOf(notification)"
              (click)="center.open(notification)"
            >
              <pas-notification-item [notification]="notification" [compact]="true" />
            </a>
          } @empty {
            <p class="notification-menu-message">Aucune notification pour le moment.</p>
          }
        }
        <a mat-menu-item class="notification-menu-all" routerLink="/notifications">Voir toutes les notifications</a>
      </ng-template>
    </mat-menu>
  `,
  styles: `
    .notification-menu-panel.mat-mdc-menu-panel {
      width: 400px;
      max-width: calc(100vw - 16px);
    }
    .notification-menu-header {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 16px;
      padding: 8px 16px 4px;
    }
    .notification-menu-title {
      font: var(--mat-sys-title-medium);
    }
    .notification-menu-count {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .notification-menu-progress {
      height: 4px;
    }
    .notification-menu-message {
      margin: 0;
      padding: 12px 16px;
      color: var(--mat-sys-on-surface-variant);
    }
    .notification-menu-panel .notification-menu-item {
      height: auto;
      min-height: 48px;
      padding-block: 10px;
      white-space: normal;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .notification-menu-panel .notification-menu-unread {
      background: color-mix(in srgb, var(--mat-sys-primary) 8%, transparent);
    }
    .notification-menu-panel .notification-menu-all {
      --mat-menu-item-label-text-color: var(--mat-sys-primary);
      --mat-menu-item-label-text-weight: 600;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
  `,
})
export class NotificationMenu {
  private readonly api = inject(NotificationsApi);
  private readonly router = inject(Router);
  protected readonly center = inject(NotificationCenter);

  /** Nothing is asked for until the user shows interest in the bell: most page views never open the menu. */
  private readonly wanted = signal(false);

  protected readonly recent = rxResource({
    params: () => this.wanted() || undefined,
    stream: () =>
      this.api
        .list({ limit: MENU_NOTIFICATION_COUNT })
        .pipe(tap((page) => this.center.syncUnread(page.unread))),
  });
  protected readonly unread = computed(() => unreadText(this.center.unread()));

  protected prefetch(): void {
    this.wanted.set(true);
  }

  /** Each opening asks again (the menu is a look at what is new), showing the previous list meanwhile. */
  protected load(): void {
    if (!this.wanted()) {
      this.wanted.set(true);
    } else if (!this.recent.isLoading()) {
      this.recent.reload();
    }
  }

  protected linkOf(notification: NotificationDto): UrlTree {
    return this.router.parseUrl(notification.link);
  }
}
