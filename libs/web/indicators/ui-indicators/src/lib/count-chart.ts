import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { formatInteger } from '@passerelle/web/shared/util-format';
import { ChartFigure } from './chart-figure';
import { barChartHeight, countBarConfig, type CountItem } from './chart-configs';

let nextId = 0;

/** Counts by a key (projects by status, questions by age…): bars and their table. */
@Component({
  selector: 'pas-count-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChartFigure],
  template: `
    <pas-chart-figure [config]="config()" [label]="'Graphique : ' + caption() + ' ; ses valeurs sont dans le tableau qui suit.'" [height]="height()" [tableOpen]="tableOpen()">
      <div class="table-scroll" role="region" [attr.aria-labelledby]="captionId" tabindex="0">
        <table>
          <caption [id]="captionId">{{ caption() }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ keyHeader() }}</th>
              <th scope="col" class="num">{{ countHeader() }}</th>
            </tr>
          </thead>
          <tbody>
            @for (item of items(); track item.label) {
              <tr>
                <th scope="row">{{ item.label }}</th>
                <td class="num">{{ count(item.count) }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="2">Aucun.</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </pas-chart-figure>
  `,
  styleUrl: './indicator-table.scss',
})
export class CountChart {
  readonly items = input.required<readonly CountItem[]>();
  /** The table's caption, also the chart's name. */
  readonly caption = input.required<string>();
  readonly keyHeader = input.required<string>();
  readonly countHeader = input.required<string>();
  /** Bars across, for long labels. */
  readonly horizontal = input(false);
  readonly tableOpen = input(false);

  protected readonly captionId = `count-caption-${nextId++}`;
  protected readonly config = computed(() => countBarConfig(this.items(), this.countHeader(), this.horizontal()));
  protected readonly height = computed(() => (this.horizontal() ? barChartHeight(this.items().length) : 240));
  protected readonly count = formatInteger;
}
