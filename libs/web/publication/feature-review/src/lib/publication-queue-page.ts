import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { type DeptReportQueueItemDto, MAX_PAGE_SIZE } from '@passerelle/shared/dto';
import { DeptProjectsApi } from '@passerelle/web/departement-projects/data-access';
import { PublicationApi } from '@passerelle/web/publication/data-access';
import { apiErrorMessage, formatCalendarDay, formatCount } from '@passerelle/web/shared/util-format';
import { map } from 'rxjs';
import { PublicationKindChip } from '@passerelle/web/publication/ui-publication';
import { queueRow, type QueueRow, waitingSince } from './queue-row';

/** Below this width the table would scroll sideways: the projects become cards. */
const CARDS_QUERY = '(max-width: 959.98px)';

/**
 * `/departement/publications`: completed projects the communes want published, oldest request first; then the
 * progress reports of the département's own projects waiting for a second person's review.
 */
@Component({
  selector: 'pas-publication-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, MatTableModule, PublicationKindChip],
  templateUrl: './publication-queue-page.html',
  styleUrl: './publication-queue-page.scss',
})
export class PublicationQueuePage {
  private readonly api = inject(PublicationApi);

  protected readonly asCards = toSignal(
    inject(BreakpointObserver)
      .observe(CARDS_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected readonly queue = rxResource({ stream: () => this.api.queue(MAX_PAGE_SIZE) });
  protected readonly rows = computed<QueueRow[]>(() => {
    const now = new Date();
    return this.queue.hasValue() ? this.queue.value().items.map((item) => queueRow(item, now)) : [];
  });
  protected readonly total = computed(() => (this.queue.hasValue() ? this.queue.value().total : null));
  protected readonly countText = computed(() => {
    const total = this.total();
    if (total === null) {
      return '';
    }
    return total === 0
      ? 'Aucun projet n’attend de relecture.'
      : total === 1
        ? '1 projet attend une relecture.'
        : `${formatCount(total, 'projet attend', 'projets attendent')} une relecture, le plus ancien en premier.`;
  });
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.queue.error(), 'Impossible de charger les publications à relire. Vérifiez votre connexion puis réessayez.'),
  );

  protected readonly columns = ['title', 'commune', 'theme', 'waiting', 'kind'];

  private readonly deptApi = inject(DeptProjectsApi);
  protected readonly reportQueue = rxResource({ stream: () => this.deptApi.queue(MAX_PAGE_SIZE) });
  protected readonly reports = computed(() => (this.reportQueue.hasValue() ? this.reportQueue.value().items : []));
  protected readonly reportCountText = computed(() => {
    if (!this.reportQueue.hasValue()) {
      return '';
    }
    const total = this.reportQueue.value().total;
    return total === 0
      ? 'Aucun point d’avancement n’attend de relecture.'
      : `${formatCount(total, 'point d’avancement attend', 'points d’avancement attendent')} une relecture.`;
  });
  protected readonly reportQueueError = computed(() =>
    apiErrorMessage(this.reportQueue.error(), 'Impossible de charger les points d’avancement à relire.'),
  );
  protected readonly day = formatCalendarDay;

  protected reportLink(item: DeptReportQueueItemDto): string[] {
    return ['/departement/projets-du-departement', item.projectId];
  }

  protected reportWaiting(item: DeptReportQueueItemDto): string {
    return waitingSince(item.submittedAt, new Date());
  }

  protected trackRow(_index: number, row: QueueRow): string {
    return row.id;
  }
}
