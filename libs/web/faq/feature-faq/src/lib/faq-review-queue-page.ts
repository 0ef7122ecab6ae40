import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { type FaqEntryDto, type FaqEntrySummaryDto, MAX_PAGE_SIZE } from '@passerelle/shared/dto';
import { FaqApi } from '@passerelle/web/faq/data-access';
import { FaqEntryCard } from '@passerelle/web/faq/ui-faq';
import { apiErrorMessage, formatCount, formatDate } from '@passerelle/web/shared/util-format';
import { catchError, from, map, mergeMap, of, toArray } from 'rxjs';

/** How many entries' details are read at once (the list does not say who wrote them, nor who may review them). */
const DETAIL_CONCURRENCY = 4;

export interface QueueEntry {
  entry: FaqEntrySummaryDto;
  /** From the entry's detail; `null` when it could not be read. */
  authorName: string | null;
  canReview: boolean | null;
}

/** Oldest first: the entry waiting the longest is read first. */
export function oldestFirst(entries: readonly FaqEntrySummaryDto[]): FaqEntrySummaryDto[] {
  return [...entries].sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id));
}

/**
 * `/departement/faq/a-relire`: the entries waiting for review, oldest first. Their author may not review them: each
 * says who wrote it and whether the reader can review it.
 */
@Component({
  selector: 'pas-faq-review-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, FaqEntryCard],
  templateUrl: './faq-review-queue-page.html',
  styleUrl: './faq-review-queue-page.scss',
})
export class FaqReviewQueuePage {
  private readonly api = inject(FaqApi);

  protected readonly queue = rxResource({
    stream: () =>
      this.api.list({ status: 'IN_REVIEW', limit: MAX_PAGE_SIZE }).pipe(
        mergeMap((page) => {
          const entries = oldestFirst(page.items);
          if (entries.length === 0) {
            return of({ total: page.total, rows: [] as QueueEntry[] });
          }
          return from(entries).pipe(
            mergeMap(
              (entry) =>
                this.api.get(entry.id).pipe(
                  map((detail: FaqEntryDto): QueueEntry => ({
                    entry,
                    authorName: detail.authorName ?? null,
                    canReview: detail.canReview ?? null,
                  })),
                  catchError(() => of<QueueEntry>({ entry, authorName: null, canReview: null })),
                ),
              DETAIL_CONCURRENCY,
            ),
            toArray(),
            map((rows) => {
              const order = new Map(entries.map((entry, index) => [entry.id, index]));
              rows.sort((a, b) => (order.get(a.entry.id) ?? 0) - (order.get(b.entry.id) ?? 0));
              return { total: page.total, rows };
            }),
          );
        }),
      ),
  });
  protected readonly rows = computed(() => (this.queue.hasValue() ? this.queue.value().rows : []));
  protected readonly total = computed(() => (this.queue.hasValue() ? this.queue.value().total : null));
  protected readonly countText = computed(() => {
    const total = this.total();
    if (total === null) {
      return '';
    }
    return total === 0 ? 'Aucune réponse n’attend de relecture.' : `${formatCount(total, 'réponse attend', 'réponses attendent')} une relecture, la plus ancienne en premier.`;
  });
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.queue.error(), 'Impossible de charger les réponses à relire. Vérifiez votre connexion puis réessayez.'),
  );

  protected note(row: QueueEntry): string {
    const parts = [`En relecture depuis le ${formatDate(row.entry.updatedAt)}`];
    if (row.authorName) {
      parts.push(`rédigée par ${row.authorName}`);
    }
    return parts.join(', ');
  }
}
