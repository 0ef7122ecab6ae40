import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { IndicatorPeriod, WeekVolumes } from '@passerelle/shared/dto';
import { formatCalendarDay, formatInteger } from '@passerelle/web/shared/util-format';
import { ChartFigure } from './chart-figure';
import { volumesChartConfig } from './chart-configs';
import { formatPeriod } from './format-figure';
import { fillWeeks, totalOfWeeks } from './weeks';

let nextId = 0;

/** The weekly volumes (asked, answered, closed, reopened) of a period: a line chart and its table, with the totals. */
@Component({
  selector: 'pas-volumes-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChartFigure],
  template: `
    <pas-chart-figure [config]="config()" [label]="'Graphique des questions par semaine, ' + periodText() + ' ; ses valeurs sont dans le tableau qui suit.'">
      <div class="table-scroll" role="region" [attr.aria-labelledby]="captionId" tabindex="0">
        <table>
          <caption [id]="captionId">Questions par semaine (du lundi au dimanche), {{ periodText() }}</caption>
          <thead>
            <tr>
              <th scope="col">Semaine du</th>
              <th scope="col" class="num">Déposées</th>
              <th scope="col" class="num">Répondues</th>
              <th scope="col" class="num">Fermées</th>
              <th scope="col" class="num">Rouvertes</th>
            </tr>
          </thead>
          <tbody>
            @for (week of filled(); track week.week) {
              <tr>
                <th scope="row">{{ day(week.week) }}</th>
                <td class="num">{{ count(week.created) }}</td>
                <td class="num">{{ count(week.answered) }}</td>
                <td class="num">{{ count(week.closed) }}</td>
                <td class="num">{{ count(week.reopened) }}</td>
              </tr>
            }
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td class="num">{{ count(total().created) }}</td>
              <td class="num">{{ count(total().answered) }}</td>
              <td class="num">{{ count(total().closed) }}</td>
              <td class="num">{{ count(total().reopened) }}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </pas-chart-figure>
  `,
  styleUrl: './indicator-table.scss',
})
export class VolumesView {
  readonly weeks = input.required<readonly WeekVolumes[]>();
  readonly period = input.required<IndicatorPeriod>();

  protected readonly captionId = `volumes-caption-${nextId++}`;
  protected readonly filled = computed(() => fillWeeks(this.weeks(), this.period()));
  protected readonly total = computed(() => totalOfWeeks(this.filled()));
  protected readonly config = computed(() => volumesChartConfig(this.filled()));
  protected readonly periodText = computed(() => formatPeriod(this.period()));
  protected readonly day = formatCalendarDay;
  protected readonly count = formatInteger;
}
