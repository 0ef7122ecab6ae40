import { bindSearchField } from '@passerelle/web/shared/util-forms';
import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  type ElementRef,
  inject,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  MAX_PAGE_SIZE,
  type Page,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  PROJECT_THEME_LABELS,
  PROJECT_THEMES,
  type PublicProjectSummaryDto,
} from '@passerelle/shared/dto';
import { PageTitle, PublicConfig } from '@passerelle/web/shared/data-access';
import { PublicProjectsApi } from '@passerelle/web/public/data-access';
import { PublicProjectCard, PublicProjectTabs } from '@passerelle/web/public/ui-public';
import { provideFrenchPaginator } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, formatCount } from '@passerelle/web/shared/util-format';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { map } from 'rxjs';
import {
  changeSearchFilters,
  effectiveSort,
  EMPTY_SEARCH_FILTERS,
  hasSearchFilters,
  SEARCH_DEBOUNCE_MS,
  SEARCH_PAGE_SIZE,
  type ProjectSearchFilters,
  searchFiltersFromParams,
  searchFiltersToParams,
  searchQuery,
  sharedFilterParams,
} from './project-search-filters';

const PHONE_QUERY = '(max-width: 599.98px)';

/** Years offered in the filter: the current one and the fifteen before (older fiches are rare and still searchable). */
const YEARS_BACK = 15;

/**
 * `/projets`: search the published projects of the département, in French full text, with filters. The address is
 * the one source of truth (`?q=…&theme=…&page=2`), so a search can be shared and the back button undoes a filter.
 */
@Component({
  selector: 'pas-project-search-page',
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
    PublicProjectCard,
    PublicProjectTabs,
  ],
  providers: [provideFrenchPaginator()],
  templateUrl: './project-search-page.html',
  styleUrl: './project-search-page.scss',
})
export class ProjectSearchPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly api = inject(PublicProjectsApi);
  private readonly territory = inject(TerritoryApi);

  private readonly config = toSignal(inject(PublicConfig).load());
  private readonly departement = computed(() => this.config()?.defaultDepartementCode);

  protected readonly filters = toSignal(this.route.queryParams.pipe(map(searchFiltersFromParams)), {
    initialValue: searchFiltersFromParams(this.route.snapshot.queryParams),
  });
  protected readonly filtered = computed(() => hasSearchFilters(this.filters()));
  protected readonly activeFilterCount = computed(() => {
    const f = this.filters();
    return [f.theme, f.canton, f.year, f.status, f.sort].filter((value) => value !== null).length;
  });
  /** On a phone the filters fold away under a button, so that the results start on the first screen. */
  protected readonly isPhone = toSignal(
    inject(BreakpointObserver)
      .observe(PHONE_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly filtersOpen = signal(false);
  protected readonly sort = computed(() => effectiveSort(this.filters()));
  protected readonly hasWords = computed(() => this.filters().q.trim() !== '');

  protected readonly themes = PROJECT_THEMES;
  protected readonly themeLabels = PROJECT_THEME_LABELS;
  protected readonly statuses = PROJECT_STATUSES;
  protected readonly statusLabels = PROJECT_STATUS_LABELS;
  protected readonly pageSize = SEARCH_PAGE_SIZE;
  protected readonly years = computed(() => {
    const current = new Date().getFullYear();
    const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => current - i);
    const asked = this.filters().year;
    return asked !== null && !years.includes(asked) ? [...years, asked].sort((a, b) => b - a) : years;
  });

  protected readonly search = new FormControl('', { nonNullable: true });
  private readonly resultsHeading = viewChild<ElementRef<HTMLElement>>('resultsHeading');

  protected readonly results = rxResource({
    params: () => {
      const departement = this.departement();
      return departement ? searchQuery(this.filters(), departement) : undefined;
    },
    stream: ({ params }) => this.api.list(params),
  });
  /** The last page received, kept on screen while the next one loads so that the grid does not flash. */
  protected readonly page = linkedSignal<
    Page<PublicProjectSummaryDto> | undefined,
    Page<PublicProjectSummaryDto> | undefined
  >({
    source: () => (this.results.hasValue() ? this.results.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly loadError = computed(() =>
    this.results.error()
      ? apiErrorMessage(this.results.error(), 'Impossible de charger les projets. Vérifiez votre connexion puis réessayez.')
      : null,
  );
  protected readonly countText = computed(() => {
    const page = this.page();
    if (!page || this.loadError()) {
      return '';
    }
    if (page.total === 0) {
      return this.filtered() ? 'Aucun projet ne correspond à cette recherche.' : 'Aucun projet publié pour l’instant.';
    }
    return formatCount(page.total, 'projet trouvé', 'projets trouvés');
  });

  protected readonly cantons = rxResource({
    params: () => this.departement(),
    stream: ({ params }) => this.territory.listCantons(params, MAX_PAGE_SIZE).pipe(map((page) => page.items)),
  });
  protected readonly cantonList = computed(() => (this.cantons.hasValue() ? this.cantons.value() : []));
  /** The commune of a link such as "other projects of the commune", by name; the address holds its INSEE code. */
  protected readonly commune = rxResource({
    params: () => this.filters().commune ?? undefined,
    stream: ({ params }) => this.territory.getCommune(params).pipe(map(({ insee, name }) => ({ insee, name }))),
  });
  protected readonly communeName = computed(() =>
    this.commune.hasValue() && this.commune.value().insee === this.filters().commune
      ? this.commune.value().name
      : this.filters().commune,
  );

  /** What narrows the list, each with what removes it: the empty state offers to remove them one by one. */
  protected readonly removableFilters = computed(() => {
    const f = this.filters();
    const canton = this.cantonList().find((c) => c.code === f.canton)?.name ?? f.canton;
    const list: { label: string; change: Partial<ProjectSearchFilters> }[] = [];
    if (f.q.trim()) {
      list.push({ label: `les mots « ${f.q.trim()} »`, change: { q: '' } });
    }
    if (f.theme) {
      list.push({ label: `le thème ${PROJECT_THEME_LABELS[f.theme]}`, change: { theme: null } });
    }
    if (f.canton) {
      list.push({ label: `le canton ${canton}`, change: { canton: null } });
    }
    if (f.commune) {
      list.push({ label: `la commune ${this.communeName()}`, change: { commune: null } });
    }
    if (f.year !== null) {
      list.push({ label: `l’année ${f.year}`, change: { year: null } });
    }
    if (f.status) {
      list.push({ label: `le statut ${PROJECT_STATUS_LABELS[f.status]}`, change: { status: null } });
    }
    return list;
  });

  /** The map and the open-data page with the same filters. */
  protected readonly mapParams = computed(() => sharedFilterParams(this.filters()));

  constructor() {
    // The words searched for in the title, so that the history and the tabs tell two searches apart.
    const pageTitle = inject(PageTitle);
    effect(() => {
      const q = this.filters().q.trim();
      if (q) {
        pageTitle.set('Rechercher un projet', `« ${q} »`);
      } else {
        pageTitle.set();
      }
    });
    bindSearchField(this.search, computed(() => this.filters().q), (q) => this.update({ q }, true), SEARCH_DEBOUNCE_MS);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const q = this.search.value.trim();
    if (q !== this.filters().q) {
      this.update({ q });
    }
  }

  protected update(change: Partial<ProjectSearchFilters>, replaceUrl = false): void {
    const next = changeSearchFilters(this.filters(), change);
    void this.router.navigate([], { relativeTo: this.route, queryParams: searchFiltersToParams(next), replaceUrl });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.update(EMPTY_SEARCH_FILTERS);
  }

  protected changePage(event: PageEvent): void {
    this.update({ pageIndex: event.pageIndex });
    // The new page is read from its first result, not from where the paginator was.
    this.resultsHeading()?.nativeElement.focus();
  }
}
