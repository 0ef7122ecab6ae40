import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { PublicationViewsDto } from '@passerelle/shared/dto';
import { formatCalendarDay } from '@passerelle/web/shared/util-format';

/**
 * The public page's consultations: the totals, a bar per day of the last 30 days for the eye, and the same figures as a
 * table for screen readers (the bars are hidden from them).
 */
@Component({
  selector: 'pas-publication-views-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3>Consultations de la page publique</h3>
    <dl class="facts">
      <div>
        <dt>Depuis la publication</dt>
        <dd class="views-total">{{ views().total }}</dd>
      </div>
      <div>
        <dt>30 derniers jours</dt>
        <dd class="views-30">{{ views().last30Days }}</dd>
      </div>
    </dl>
    <div aria-hidden="true">
      <div class="chart">
        @for (d of views().daily; track d.day) {
          <span class="bar" [style.height.%]="barHeight(d.count)" [title]="shortDay(d.day) + ' : ' + d.count"></span>
        }
      </div>
      <p class="axis">
        <span>{{ views().daily.length > 0 ? shortDay(views().daily[0].day) : '' }}</span><span>aujourd’hui</span>
      </p>
    </div>
    <table class="visually-hidden">
      <caption>Consultations par jour, 30 derniers jours</caption>
      <thead>
        <tr><th scope="col">Jour</th><th scope="col">Consultations</th></tr>
      </thead>
      <tbody>
        @for (d of views().daily; track d.day) {
          <tr><td>{{ shortDay(d.day) }}</td><td>{{ d.count }}</td></tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    :host {
      display: block;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 4px;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 32px;
      margin: 0 0 8px;
      dt {
        font: var(--mat-sys-label-large);
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
        font: var(--mat-sys-title-medium);
      }
    }
    .chart {
      display: flex;
      align-items: flex-end;
      gap: 2px;
      height: 48px;
      padding-bottom: 1px;
      border-bottom: 1px solid var(--mat-sys-outline);
    }
    .axis {
      display: flex;
      justify-content: space-between;
      margin: 2px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .bar {
      flex: 1;
      background: var(--mat-sys-primary);
      border-radius: 2px 2px 0 0;
    }
  `,
})
export class PublicationViewsChart {
  readonly views = input.required<PublicationViewsDto>();

  private readonly maxDaily = computed(() => Math.max(1, ...this.views().daily.map((d) => d.count)));
  protected readonly shortDay = formatCalendarDay;

  protected barHeight(count: number): number {
    // A day with a single visit still shows, next to the busiest one.
    return count === 0 ? 0 : Math.max(6, (count / this.maxDaily()) * 100);
  }
}
