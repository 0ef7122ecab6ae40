import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  input,
  linkedSignal,
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
import { ActivatedRoute, type Params, Router, RouterLink } from '@angular/router';
import {
  MAX_PAGE_SIZE,
  type Page,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  type ProjectStatus,
  type PublicDeptProjectListQuery,
  type PublicDeptProjectSummaryDto,
} from '@passerelle/shared/dto';
import {
  PublicDeptProjectsApi,
  queryValue,
  readAxisId,
  readCantonCode,
} from '@passerelle/web/public/data-access';
import { PublicDeptProjectCard, PublicProjectTabs } from '@passerelle/web/public/ui-public';
import { PublicConfig } from '@passerelle/web/shared/data-access';
import { provideFrenchPaginator } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, formatCount } from '@passerelle/web/shared/util-format';
import { bindSearchField } from '@passerelle/web/shared/util-forms';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { map } from 'rxjs';

export const DEPT_LIST_PAGE_SIZE = 12;
const SEARCH_DEBOUNCE_MS = 350;

/** The list's filters, read from the address (`q`, `canton`, `axis`, `status`, `page`: the API's names). */
export interface DeptListFilters {
  q: string;
  canton: string | null;
  axis: string | null;
  status: ProjectStatus | null;
  pageIndex: number;
}

export function readDeptListFilters(params: Params): DeptListFilters {
  const status = queryValue(params, 'status')?.toUpperCase() ?? '';
  const page = Number(queryValue(params, 'page'));
  return {
    q: queryValue(params, 'q') ?? '',
    canton: readCantonCode(params),
    axis: readAxisId(params),
    status: (PROJECT_STATUSES as readonly string[]).includes(status) ? (status as ProjectStatus) : null,
    pageIndex: Number.isInteger(page) && page > 1 ? page - 1 : 0,
  };
}

export function deptListQuery(filters: DeptListFilters, departement: string): PublicDeptProjectListQuery {
  const query: PublicDeptProjectListQuery = { departement };
  if (filters.q) {
    query.q = filters.q;
  }
  if (filters.canton) {
    query.canton = filters.canton;
  }
  if (filters.axis) {
    query.axis = filters.axis;
  }
  if (filters.status) {
    query.status = filters.status;
  }
  query.limit = DEPT_LIST_PAGE_SIZE;
  query.offset = filters.pageIndex * DEPT_LIST_PAGE_SIZE;
  return query;
}

/**
 * `/projets-du-departement`: the département's own projects, whatever their status, with their progress. The
 * address holds the search and the filters, as on the communes' list, so that a list can be shared.
 */
@Component({
  selector: 'pas-dept-project-list-page',
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
    PublicDeptProjectCard,
    PublicProjectTabs,
  ],
  providers: [provideFrenchPaginator()],
  templateUrl: './dept-project-list-page.html',
  styleUrl: './dept-project-list-page.scss',
})
export class DeptProjectListPage {
  readonly q = input<string>();
  readonly canton = input<string>();
  readonly axis = input<string>();
  readonly status = input<string>();
  readonly page = input<string>();

  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly api = inject(PublicDeptProjectsApi);
  private readonly territory = inject(TerritoryApi);

  private readonly config = toSignal(inject(PublicConfig).load());
  private readonly code = computed(() => this.config()?.defaultDepartementCode);

  protected readonly statuses = PROJECT_STATUSES;
  protected readonly statusLabels = PROJECT_STATUS_LABELS;
  protected readonly pageSize = DEPT_LIST_PAGE_SIZE;

  protected readonly filters = computed(
    () =>
      readDeptListFilters({
        q: this.q(),
        canton: this.canton(),
        axis: this.axis(),
        status: this.status(),
        page: this.page(),
      }),
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly filtered = computed(() => {
    const f = this.filters();
    return !!(f.q || f.canton || f.axis || f.status);
  });

  protected readonly cantons = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.territory.listCantons(params, MAX_PAGE_SIZE).pipe(map((page) => page.items)),
    defaultValue: [],
  });
  protected readonly axes = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.api.axes(params),
    defaultValue: [],
  });

  protected readonly results = rxResource({
    params: () => {
      const code = this.code();
      return code ? deptListQuery(this.filters(), code) : undefined;
    },
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly current = linkedSignal<
    Page<PublicDeptProjectSummaryDto> | undefined,
    Page<PublicDeptProjectSummaryDto> | undefined
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
    const page = this.current();
    if (!page || this.loadError()) {
      return '';
    }
    if (page.total === 0) {
      return this.filtered() ? 'Aucun projet ne correspond à cette recherche.' : 'Aucun projet du Département n’est encore publié.';
    }
    return formatCount(page.total, 'projet trouvé', 'projets trouvés');
  });
  /** The map with the same canton and axis, the département's projects only. */
  protected readonly mapParams = computed(() => {
    const f = this.filters();
    return { kind: 'DEPARTEMENT', ...(f.canton ? { canton: f.canton } : {}), ...(f.axis ? { axis: f.axis } : {}) };
  });

  protected readonly search = new FormControl('', { nonNullable: true });
  private readonly resultsHeading = viewChild<ElementRef<HTMLElement>>('resultsHeading');

  constructor() {
    bindSearchField(this.search, computed(() => this.filters().q), (q) => this.update({ q }, true), SEARCH_DEBOUNCE_MS);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.update({ q: this.search.value.trim() });
  }

  protected update(change: Partial<Record<'q' | 'canton' | 'axis' | 'status', string | null>>, replaceUrl = false): void {
    const queryParams: Params = { page: null };
    for (const [key, value] of Object.entries(change)) {
      queryParams[key] = value?.trim() || null;
    }
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.update({ q: null, canton: null, axis: null, status: null });
  }

  protected changePage(event: PageEvent): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { page: event.pageIndex > 0 ? String(event.pageIndex + 1) : null },
      queryParamsHandling: 'merge',
    });
    this.resultsHeading()?.nativeElement.focus();
  }
}
