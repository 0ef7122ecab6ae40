import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { THREAD_STATE_LABELS, THREAD_STATE_STAFF_LABELS, type ThreadState } from '@passerelle/shared/dto';

/**
 * A thread's state as a small coloured badge. The text carries the meaning (the colour only repeats it), so it
 * reads the same for a screen reader and in high contrast.
 */
@Component({
  selector: 'pas-thread-state-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': 'tone()' },
  template: `{{ label() }}`,
  styles: `
    :host {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    :host(.new) {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    :host(.open) {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    :host(.waiting) {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    :host(.closed) {
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ThreadStateChip {
  readonly state = input.required<ThreadState>();
  /** Who reads it: an answered thread is « Réponse reçue » for the commune, « Réponse envoyée » for the agents. */
  readonly audience = input<'commune' | 'staff'>('commune');

  protected readonly label = computed(() =>
    (this.audience() === 'staff' ? THREAD_STATE_STAFF_LABELS : THREAD_STATE_LABELS)[this.state()],
  );
  protected readonly tone = computed(() => {
    switch (this.state()) {
      case 'NEW':
        return 'new';
      case 'OPEN':
        return 'open';
      case 'WAITING_COMMUNE':
        return 'waiting';
      case 'CLOSED':
        return 'closed';
      case 'ANSWERED':
        return 'answered';
    }
  });
}
