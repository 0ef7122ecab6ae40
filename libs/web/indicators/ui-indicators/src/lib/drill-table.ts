import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type IndicatorThreadRow, THREAD_CATEGORY_LABELS } from '@passerelle/shared/dto';
import { formatDate } from '@passerelle/web/shared/util-format';
import { formatWorkingDuration } from './format-duration';

let nextId = 0;

/** The questions behind a figure: each links to its page in the back office. */
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
            </tr>
          } @empty {
            <tr>
              <td colspan="7">Aucune question.</td>
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

  protected readonly captionId = `drill-caption-${nextId++}`;
  protected readonly categories = THREAD_CATEGORY_LABELS;

  protected date(value: string): string {
    return formatDate(value);
  }

  protected duration(ms: number | null): string {
    return formatWorkingDuration(ms, this.dayMs());
  }
}
