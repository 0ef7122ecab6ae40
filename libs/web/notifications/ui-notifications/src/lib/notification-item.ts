import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { NotificationDto } from '@passerelle/shared/dto';
import { formatDateTime } from '@passerelle/web/shared/util-format';

/**
 * What a notification says: its title, the excerpt of the message and when. Content only: the host wraps it in the
 * link or menu item that opens it, and gives unread ones their background.
 */
@Component({
  selector: 'pas-notification-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="dot" [class.visible]="unread()" aria-hidden="true"></span>
    <span class="text">
      <span class="title" [class.compact]="compact()">
        @if (unread()) {
          <span class="visually-hidden">Non lue&nbsp;: </span>
        }
        {{ notification().title }}
      </span>
      @if (notification().excerpt) {
        <span class="excerpt" [class.compact]="compact()">{{ notification().excerpt }}</span>
      }
      <time class="date" [attr.datetime]="notification().createdAt">{{ date() }}</time>
    </span>
  `,
  styles: `
    :host {
      display: flex;
      align-items: flex-start;
      gap: 12px;
      min-width: 0;
      text-align: start;
    }
    .dot {
      flex: none;
      width: 10px;
      height: 10px;
      margin-top: 6px;
      border-radius: 50%;

      &.visible {
        background: var(--mat-sys-primary);
      }
    }
    .text {
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-width: 0;
    }
    .title {
      font: var(--mat-sys-body-large);
      overflow-wrap: anywhere;

      &.compact {
        font: var(--mat-sys-body-medium);
      }
    }
    :host(.unread) .title {
      font-weight: 700;
    }
    .excerpt {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;

      &.compact {
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 2;
        line-clamp: 2;
        overflow: hidden;
      }
    }
    .date {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  host: { '[class.unread]': 'unread()' },
})
export class NotificationItem {
  readonly notification = input.required<NotificationDto>();
  /** In the toolbar's menu the excerpt keeps to two lines. */
  readonly compact = input(false);

  protected readonly unread = computed(() => this.notification().readAt === null);
  protected readonly date = computed(() => formatDateTime(this.notification().createdAt));
}
