import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { PROJECT_STATUS_LABELS, type ProjectStatus } from '@passerelle/shared/dto';

/**
 * A project's status and progress: « En cours · 40 % » in text, and a bar that assistive technologies read as a
 * progress bar with its value and name.
 */
@Component({
  selector: 'pas-dept-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule],
  template: `
    <p class="text">
      <span class="status">{{ statusLabel() }}</span> · <span class="value">{{ value() }}&nbsp;%</span>
    </p>
    <mat-progress-bar mode="determinate" [value]="value()" [attr.aria-label]="barLabel()" />
  `,
  styles: `
    :host {
      display: block;
    }
    .text {
      margin: 0 0 4px;
      font: var(--mat-sys-label-large);
    }
    .status {
      font-weight: 600;
    }
    mat-progress-bar {
      --mat-progress-bar-track-height: 8px;
      --mat-progress-bar-active-indicator-height: 8px;
      border-radius: 4px;
    }
  `,
})
export class DeptProgress {
  readonly status = input.required<ProjectStatus>();
  readonly progress = input.required<number>();
  /** The bar's accessible name, e.g. « Avancement du projet Véloroute du Vexin ». */
  readonly label = input('Avancement du projet');

  protected readonly statusLabel = computed(() => PROJECT_STATUS_LABELS[this.status()]);
  protected readonly value = computed(() => Math.max(0, Math.min(100, Math.round(this.progress()))));
  protected readonly barLabel = computed(() => this.label());
}
