import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { PROJECT_STATUS_LABELS, type ProjectStatus } from '@passerelle/shared/dto';

/** The status of a project as a coloured label; the text carries the meaning, the colour only helps. */
@Component({
  selector: 'pas-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="chip" [class]="'chip chip--' + status().toLowerCase()">{{ label() }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-large);
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
    .chip--in_progress {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .chip--completed {
      background: #c8ebd0;
      color: #0b3d1a;
    }
    .chip--abandoned {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class StatusChip {
  readonly status = input.required<ProjectStatus>();
  protected readonly label = computed(() => PROJECT_STATUS_LABELS[this.status()]);
}
