import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { type MatMenuPanel, MatMenuTrigger } from '@angular/material/menu';
import { formatCount, formatInteger } from '@passerelle/web/shared/util-format';

/** Beyond this the badge reads "99+": the exact number is in the button's label and on the notifications page. */
export const MAX_BADGE_COUNT = 99;

/**
 * The toolbar's bell: an icon button that opens the given menu, with the unread count as a badge. The count is told
 * to screen readers politely when it rises (new notifications), not on every poll nor when the user reads some.
 */
@Component({
  selector: 'pas-notification-bell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIconButton, MatMenuTrigger],
  template: `
    <button
      mat-icon-button
      type="button"
      class="bell"
      [matMenuTriggerFor]="menu()"
      [attr.aria-label]="label()"
      (menuOpened)="opened.emit()"
      (focus)="approached.emit()"
      (pointerenter)="approached.emit()"
    >
      <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d="M12 2.5c-.83 0-1.5.67-1.5 1.5v.68C7.64 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2v-5c0-3.08-1.64-5.64-4.5-6.32V4c0-.83-.67-1.5-1.5-1.5Zm0 19.5c1.1 0 2-.9 2-2h-4c0 1.1.9 2 2 2Z"
        />
      </svg>
      @if (unread() > 0) {
        <span class="badge" aria-hidden="true">{{ badge() }}</span>
      }
    </button>
    <span class="visually-hidden" aria-live="polite">{{ announcement() }}</span>
  `,
  styles: `
    :host {
      display: inline-block;
      position: relative;
    }
    .bell {
      position: relative;

      &:focus-visible {
        outline: 3px solid currentColor;
        outline-offset: 2px;
      }
    }
    .icon {
      display: block;
      width: 24px;
      height: 24px;
      fill: currentColor;
    }
    .badge {
      position: absolute;
      top: 2px;
      left: 22px;
      min-width: 20px;
      height: 20px;
      padding: 0 5px;
      box-sizing: border-box;
      border-radius: 10px;
      /* A ring of the toolbar's colour keeps the badge apart from the bell it overlaps. */
      box-shadow: 0 0 0 2px var(--mat-sys-primary);
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      font: var(--mat-sys-label-small);
      font-weight: 700;
      line-height: 20px;
      text-align: center;
      pointer-events: none;
    }
  `,
})
export class NotificationBell {
  readonly unread = input.required<number>();
  /** The menu the bell opens (the latest notifications). */
  readonly menu = input.required<MatMenuPanel>();
  /** The menu opened: time to load what it shows. */
  readonly opened = output();
  /**
   * The bell is pointed at or focused: the menu is likely to open, and what it shows can be loaded ahead. Having its
   * items when it opens lets the menu put the keyboard focus on the first notification.
   */
  readonly approached = output();

  protected readonly label = computed(() => `Notifications, ${unreadText(this.unread())}`);
  protected readonly badge = computed(() => {
    const unread = this.unread();
    return unread > MAX_BADGE_COUNT ? `${MAX_BADGE_COUNT}+` : formatInteger(unread);
  });

  /**
   * Said once per rise. Emptied when the count goes down, so that the same text becomes news again the next time
   * it rises to that number (a live region only speaks when its text changes).
   */
  protected readonly announcement = linkedSignal<number, string>({
    source: this.unread,
    computation: (unread, previous) =>
      unread > (previous?.source ?? 0)
        ? `Vous avez ${formatCount(unread, 'notification non lue', 'notifications non lues')}.`
        : '',
  });
}

/** `0` → `aucune non lue`, `1` → `1 non lue`, `3` → `3 non lues`. */
export function unreadText(unread: number): string {
  return unread === 0 ? 'aucune non lue' : formatCount(unread, 'non lue', 'non lues');
}
