import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { type FaqEntrySummaryDto, MAX_PAGE_SIZE } from '@passerelle/shared/dto';
import { FaqApi } from '@passerelle/web/faq/data-access';
import { FaqEntryCard } from '@passerelle/web/faq/ui-faq';
import { apiErrorMessage, formatCount, formatDate } from '@passerelle/web/shared/util-format';
import { map } from 'rxjs';

export interface QueueEntry {
  entry: FaqEntrySummaryDto;
  authorName: string | null;
  /** Whether the reader may review it: not its author, nor the one who submitted it. */
  canReview: boolean | null;
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
      this.api.list({ status: 'IN_REVIEW', sort: 'OLDEST', limit: MAX_PAGE_SIZE }).pipe(
        map((page) => ({
          total: page.total,
          rows: page.items.map((entry): QueueEntry => ({ entry, authorName: entry.authorName ?? null, canReview: entry.canReview ?? null })),
        })),
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
