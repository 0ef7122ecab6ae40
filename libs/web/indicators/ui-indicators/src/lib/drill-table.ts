import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type IndicatorThreadRow, THREAD_CATEGORY_LABELS } from '@passerelle/shared/dto';
import { formatDate } from '@passerelle/web/shared/util-format';
import { formatWorkingDuration } from './format-duration';

let nextId = 0;

/** An opinion asked at closure, whose score a list of questions can show. */
export type IndicatorOpinion = 'satisfaction' | 'effort';

const OPINION_COLUMNS: Record<IndicatorOpinion, { header: string; max: number; score: (row: IndicatorThreadRow) => number | null }> = {
  satisfaction: { header: 'Satisfaction (sur 5)', max: 5, score: (row) => row.satisfactionScore },
  effort: { header: 'Effort (sur 7)', max: 7, score: (row) => row.effortScore },
};

/** The columns always shown; the opinion's score adds one. */
const BASE_COLUMNS = 7;

/** The questions behind a figure: each links to its page in the back office; a list about an opinion shows its score. */
@Component({
  selector: 'pas-drill-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <div class="table-scroll" role="region" [attr.aria-labelledby]="captionId" tabindex="0">
      <table>
        <caption [id]="captionId">{{ caption() }}</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Commune</th>
            <th scope="col">Catégorie</th>
            <th scope="col">Déposée le</th>
            <th scope="col">Première réponse le</th>
            <th scope="col" class="num">Délai ouvré</th>
            <th scope="col">Fermée le</th>
            @if (opinionColumn(); as column) {
              <th scope="col" class="num">{{ column.header }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.threadId) {
            <tr>
              <th scope="row"><a [routerLink]="[linkBase(), row.threadId]">{{ row.subject }}</a></th>
              <td>{{ row.communeName }}</td>
              <td>{{ categories[row.category] }}</td>
              <td>{{ date(row.createdAt) }}</td>
              <td>{{ row.firstResponseAt ? date(row.firstResponseAt) : '—' }}</td>
              <td class="num">{{ duration(row.firstResponseWorkingMs) }}</td>
              <td>{{ row.closedAt ? date(row.closedAt) : '—' }}</td>
              @if (opinionColumn(); as column) {
                <td class="num">{{ score(column.score(row), column.max) }}</td>
              }
            </tr>
          } @empty {
            <tr>
              <td [attr.colspan]="columnCount()">Aucune question.</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styleUrl: './indicator-table.scss',
})
export class DrillTable {
  readonly rows = input.required<readonly IndicatorThreadRow[]>();
  readonly caption = input.required<string>();
  readonly dayMs = input<number | null>(null);
  readonly linkBase = input('/departement/questions');
  /** The opinion the list is about (the questions rated…), whose score then gets its own column. */
  readonly opinion = input<IndicatorOpinion | null>(null);

  protected readonly captionId = `drill-caption-${nextId++}`;
  protected readonly categories = THREAD_CATEGORY_LABELS;
  protected readonly opinionColumn = computed(() => {
    const opinion = this.opinion();
    return opinion ? OPINION_COLUMNS[opinion] : null;
  });
  protected readonly columnCount = computed(() => BASE_COLUMNS + (this.opinionColumn() ? 1 : 0));

  protected date(value: string): string {
    return formatDate(value);
  }

  protected duration(ms: number | null): string {
    return formatWorkingDuration(ms, this.dayMs());
  }

  /** `4 / 5`, the way the averages are written; no score is `—`. */
  protected score(value: number | null, max: number): string {
    return value == null ? '—' : `${value}\u00a0/\u00a0${max}`;
  }
}
