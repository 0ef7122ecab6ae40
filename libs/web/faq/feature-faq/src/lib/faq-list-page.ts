import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  DEFAULT_PAGE_SIZE,
  FAQ_STATUS_LABELS,
  FAQ_STATUSES,
  type FaqEntrySummaryDto,
  type Page,
  PROJECT_THEME_LABELS,
  PROJECT_THEMES,
  THREAD_CATEGORIES,
  THREAD_CATEGORY_LABELS,
} from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { FaqApi } from '@passerelle/web/faq/data-access';
import { FaqEntryCard } from '@passerelle/web/faq/ui-faq';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { provideFrenchPaginator } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, formatCount } from '@passerelle/web/shared/util-format';
import { bindSearchField } from '@passerelle/web/shared/util-forms';
import { catchError, of } from 'rxjs';
import { FAQ_AREA_BASE, faqAreaOf } from './faq-area';
import { faqListFilterOf, faqListParamsOf, type FaqListQuery, faqListQueryOf, hasFaqFilters } from './faq-list-query';

export const FAQ_SEARCH_DEBOUNCE_MS = 300;

/**
 * The FAQ's list, in three places: `/espace/faq` (a commune's members read the published entries), `/departement/faq`
 * (the staff's entries in every state, and the national rules of other départements, read-only) and `/faq` (the
 * public entries). The search lives in the address, so that the back button comes back to it.
 */
@Component({
  selector: 'pas-faq-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    FaqEntryCard,
  ],
  providers: [provideFrenchPaginator()],
  templateUrl: './faq-list-page.html',
  styleUrl: './faq-list-page.scss',
})
export class FaqListPage {
  /** Route data: which FAQ this is. */
  readonly area = input('commune', { transform: faqAreaOf });
  /** Query parameters. */
  readonly q = input<string>();
  readonly theme = input<string>();
  readonly categorie = input<string>();
  readonly etat = input<string>();
  readonly page = input<string>();

  private readonly api = inject(FaqApi);
  private readonly router = inject(Router);
  private readonly session = inject(AuthSession);
  private readonly config = toSignal(inject(PublicConfig).load().pipe(catchError(() => of(null))), { initialValue: null });

  protected readonly query = computed<FaqListQuery>(() =>
    faqListQueryOf({ q: this.q(), theme: this.theme(), categorie: this.categorie(), etat: this.etat(), page: this.page() }),
  );
  protected readonly staff = computed(() => this.area() === 'departement');
  protected readonly base = computed(() => FAQ_AREA_BASE[this.area()]);
  /** A national rule of another département says whose it is: « another » than the reader's, or the portal's. */
  protected readonly readerDepartement = computed(
    () => this.session.user()?.departement.code ?? this.config()?.defaultDepartementCode ?? null,
  );
  protected readonly filtered = computed(() => hasFaqFilters(this.query()));
  protected readonly pageSize = DEFAULT_PAGE_SIZE;

  protected readonly themes = PROJECT_THEMES;
  protected readonly themeLabels = PROJECT_THEME_LABELS;
  protected readonly categories = THREAD_CATEGORIES;
  protected readonly categoryLabels = THREAD_CATEGORY_LABELS;
  protected readonly statuses = FAQ_STATUSES;
  protected readonly statusLabels = FAQ_STATUS_LABELS;

  protected readonly search = new FormControl('', { nonNullable: true });

  protected readonly entries = rxResource({
    params: () => ({ area: this.area(), filter: faqListFilterOf(this.query(), this.pageSize, this.staff()) }),
    // Outside the back office the filter holds no state.
    stream: ({ params: { area, filter } }) => (area === 'public' ? this.api.publicList(filter) : this.api.list(filter)),
  });
  /** The last page received stays on screen while the next one loads, so that the list does not flash. */
  protected readonly list = linkedSignal<Page<FaqEntrySummaryDto> | undefined, Page<FaqEntrySummaryDto> | undefined>({
    source: () => (this.entries.hasValue() ? this.entries.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly countText = computed(() => {
    const list = this.list();
    if (!list) {
      return '';
    }
    return list.total === 0 ? 'Aucune réponse' : formatCount(list.total, 'réponse');
  });
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.entries.error(), 'Impossible de charger les questions fréquentes. Vérifiez votre connexion puis réessayez.'),
  );

  constructor() {
    bindSearchField(this.search, computed(() => this.query().q), (q) => this.navigate({ q }), FAQ_SEARCH_DEBOUNCE_MS);
  }

  protected update(change: Partial<FaqListQuery>): void {
    this.navigate(change);
  }

  protected changePage(event: PageEvent): void {
    this.navigate({ pageIndex: event.pageIndex });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.navigate({ q: '', theme: null, category: null, status: null });
  }

  protected link(entry: FaqEntrySummaryDto): string {
    return `${this.base()}/${entry.id}`;
  }

  /** A search replaces the history entry: « back » leaves the list rather than undoing each letter typed. */
  private navigate(change: Partial<FaqListQuery>): void {
    void this.router.navigate([], {
      queryParams: faqListParamsOf(change),
      queryParamsHandling: 'merge',
      replaceUrl: 'q' in change,
    });
  }
}
