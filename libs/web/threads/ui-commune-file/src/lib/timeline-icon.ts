import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { TimelineKind } from '@passerelle/shared/dto';

/** Simple line drawings on a 24 × 24 grid, one per kind of event; the summary next to it carries the meaning. */
const ICON_PATHS: Record<TimelineKind, string> = {
  // A circle with a question mark.
  THREAD_CREATED: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .9-1 1.7v.5 M12 17v.01',
  // A speech bubble.
  MESSAGE: 'M4 5h16v11H9l-5 4z',
  // A padlock: the note stays inside the département.
  INTERNAL_NOTE: 'M6 11h12v9H6z M8.5 11V8a3.5 3.5 0 0 1 7 0v3',
  // Two arrows going opposite ways.
  STATE_CHANGED: 'M4 8h14 M14 4l4 4l-4 4 M20 16H6 M10 12l-4 4l4 4',
  // A star.
  SATISFACTION: 'M12 3l2.8 5.9l6.2.7l-4.6 4.3l1.2 6.1L12 17l-5.6 3l1.2-6.1L3 9.6l6.2-.7z',
  // A folder with a plus.
  PROJECT_CREATED: 'M3 6h6l2 2h10v11H3z M12 11v6 M9 14h6',
  // A pencil.
  PROJECT_UPDATED: 'M4 20h4L19 9l-4-4L4 16z M13 7l4 4',
  // A sheet with a folded corner.
  DOCUMENT_ADDED: 'M6 3h8l4 4v14H6z M14 3v4h4 M9 13h6 M9 17h6',
};

/** The icon of a timeline event; decorative (`aria-hidden`), the event's text says what happened. */
@Component({
  selector: 'pas-timeline-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-hidden': 'true', '[class.internal]': "kind() === 'INTERNAL_NOTE'" },
  template: `
    <svg viewBox="0 0 24 24" width="18" height="18" focusable="false">
      <path [attr.d]="path()" />
    </svg>
  `,
  styles: `
    :host {
      display: inline-grid;
      place-items: center;
      width: 28px;
      height: 28px;
      border-radius: 50%;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      flex: none;
    }
    :host(.internal) {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    path {
      fill: none;
      stroke: currentColor;
      stroke-width: 1.8;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
  `,
})
export class TimelineIcon {
  readonly kind = input.required<TimelineKind>();

  protected readonly path = computed(() => ICON_PATHS[this.kind()]);
}
