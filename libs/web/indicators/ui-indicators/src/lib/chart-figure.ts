import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ChartCanvas } from './chart-canvas';
import type { IndicatorChartConfig } from './chart-renderer';

/**
 * A chart and its table equivalent (RGAA 1.8 / 4.x: every chart has the same information as text): the table, given
 * as content, is behind « Voir le tableau », open from the start where it is short.
 */
@Component({
  selector: 'pas-chart-figure',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChartCanvas],
  template: `
    <pas-chart-canvas [config]="config()" [label]="label()" [height]="height()" />
    <details class="chart-table" [open]="tableOpen()">
      <summary>Voir le tableau</summary>
      <ng-content />
    </details>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .chart-table {
      margin-top: 8px;
    }
    summary {
      cursor: pointer;
      min-height: 44px;
      display: flex;
      align-items: center;
      color: var(--mat-sys-primary);
      font-weight: 500;
    }
  `,
})
export class ChartFigure {
  readonly config = input.required<IndicatorChartConfig>();
  /** Names the chart for screen readers, and says where its values are. */
  readonly label = input.required<string>();
  readonly height = input(280);
  readonly tableOpen = input(false);
}
