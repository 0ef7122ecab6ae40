import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { InboxRow } from './inbox-row';

/** The response due date, with "En retard" past it and "En pause" while the commune has the ball. */
@Component({
  selector: 'pas-inbox-due',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (row().dueAt; as dueAt) {
      <time [attr.datetime]="dueAt">{{ row().due }}</time>
    } @else if (!row().paused) {
      <span class="none">{{ row().due }}</span>
    }
    @if (row().overdue) {
      <span class="badge badge--late">En retard</span>
    }
    @if (row().paused) {
      <span class="badge badge--paused" title="Le délai est suspendu tant que la commune n’a pas répondu">En pause</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
    .badge {
      padding: 1px 8px;
      border-radius: 6px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    .badge--late {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
    }
    .badge--paused {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
  `,
})
export class InboxDue {
  readonly row = input.required<InboxRow>();
}
