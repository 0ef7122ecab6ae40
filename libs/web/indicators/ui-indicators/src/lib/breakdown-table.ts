import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { IndicatorGroupRow } from '@passerelle/shared/dto';
import { formatInteger } from '@passerelle/web/shared/util-format';
import { formatWorkingDuration } from './format-duration';
import { formatShare } from './format-figure';

let nextId = 0;

/**
 * A breakdown's groups: first responses (count, median, 90th percentile, share within the target) and the questions
 * still waiting. Each group's percentiles are its own, computed on its own questions.
 */
@Component({
  selector: 'pas-breakdown-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-scroll" role="region" [attr.aria-labelledby]="captionId" tabindex="0">
      <table>
        <caption [id]="captionId">{{ caption() }}</caption>
        <thead>
          <tr>
            <th scope="col">{{ groupHeader() }}</th>
            @if (withCommunes()) {
              <th scope="col" class="num">Communes</th>
            }
            <th scope="col" class="num">Questions répondues</th>
            <th scope="col" class="num">Médiane</th>
            <th scope="col" class="num">90<sup>e</sup> centile</th>
            <th scope="col" class="num">Dans l’objectif</th>
            <th scope="col" class="num">En attente</th>
          </tr>
        </thead>
        <tbody>
          @for (group of groups(); track group.key) {
            <tr>
              <th scope="row">{{ group.label }}</th>
              @if (withCommunes()) {
                <td class="num">{{ group.communes === null ? '—' : count(group.communes) }}</td>
              }
              <td class="num">{{ count(group.summary.firstResponse.working.count) }}</td>
              <td class="num">{{ duration(group.summary.firstResponse.working.p50Ms) }}</td>
              <td class="num">{{ duration(group.summary.firstResponse.working.p90Ms) }}</td>
              <td class="num">{{ share(group.summary.firstResponse.withinTarget.share) }}</td>
              <td class="num">{{ count(group.backlog) }}</td>
            </tr>
          } @empty {
            <tr>
              <td [attr.colspan]="withCommunes() ? 7 : 6">Aucune question dans la période.</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styleUrl: './indicator-table.scss',
})
export class BreakdownTable {
  readonly groups = input.required<readonly IndicatorGroupRow[]>();
  readonly caption = input.required<string>();
  /** The first column's header: « Canton », « Catégorie »… */
  readonly groupHeader = input.required<string>();
  readonly dayMs = input<number | null>(null);

  protected readonly captionId = `breakdown-caption-${nextId++}`;
  /** Cantons and size bands have communes; categories, labels and agents do not. */
  protected readonly withCommunes = computed(() => this.groups().some((group) => group.communes != null));
  protected readonly count = formatInteger;
  protected readonly share = formatShare;

  protected duration(ms: number | null): string {
    return formatWorkingDuration(ms, this.dayMs());
  }
}
