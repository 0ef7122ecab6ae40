import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type ThreadIconName = 'lock' | 'attach' | 'clock' | 'warning';

/**
 * The few pictograms of the thread pages, drawn inline (the app ships no icon font). Always decorative: the text
 * next to them says the same thing.
 */
@Component({
  selector: 'pas-thread-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-hidden': 'true' },
  template: `
    <svg viewBox="0 0 24 24" width="20" height="20" focusable="false">
      @switch (name()) {
        @case ('lock') {
          <rect x="5" y="10.5" width="14" height="10" rx="2" fill="currentColor" />
          <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" stroke-width="2" />
        }
        @case ('attach') {
          <path
            d="M16.5 7.5 9 15a1.8 1.8 0 0 0 2.6 2.6l7.6-7.6a3.6 3.6 0 0 0-5.1-5.1L6.4 12.6a5.4 5.4 0 0 0 7.6 7.6l6-6"
            fill="none"
            stroke="currentColor"
            stroke-width="1.8"
            stroke-linecap="round"
          />
        }
        @case ('clock') {
          <circle cx="12" cy="12" r="8.5" fill="none" stroke="currentColor" stroke-width="2" />
          <path d="M12 7v5.5l3.5 2" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        }
        @case ('warning') {
          <path d="M12 3 2 21h20Z" fill="currentColor" />
          <path d="M12 10v5M12 17.2v.6" stroke="var(--mat-sys-surface, #fff)" stroke-width="2" stroke-linecap="round" />
        }
      }
    </svg>
  `,
  styles: `
    :host {
      display: inline-flex;
      flex: none;
      vertical-align: middle;
    }
  `,
})
export class ThreadIcon {
  readonly name = input.required<ThreadIconName>();
}
