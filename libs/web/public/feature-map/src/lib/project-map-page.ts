import { bindSearchField } from '@passerelle/web/shared/util-forms';
import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  effect,
  inject,
  input,
  linkedSignal,
  viewChild,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatChipsModule } from '@angular/material/chips';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, type Params, Router } from '@angular/router';
import {
  MAX_PAGE_SIZE,
  type Page,
  PROJECT_THEME_LABELS,
  PROJECT_THEMES,
  type ProjectTheme,
  PUBLIC_PROJECT_KIND_LABELS,
  PUBLIC_PROJECT_KINDS,
  type PublicMapQuery,
  type PublicProjectKind,
  type PublicProjectSummaryDto,
} from '@passerelle/shared/dto';
import {
  projectMapLayer,
  publicMapSetting,
  PublicDeptProjectsApi,
  PublicProjectsApi,
} from '@passerelle/web/public/data-access';
import { PublicDeptProjectCard, PublicProjectCard } from '@passerelle/web/public/ui-public';
import {
  outlineBounds,
  ProjectClusterMap,
  ProjectMapLegend,
  type ProjectMapView,
  publicProjectCommands,
  type PublicProjectRef,
} from '@passerelle/web/shared/ui-map';
import { provideFrenchPaginator } from '@passerelle/web/shared/ui-material';
import { formatInteger } from '@passerelle/web/shared/util-format';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { map } from 'rxjs';
import { IdleTimer, KIOSK_IDLE_MS } from './idle-timer';
import { KioskShowcase } from './kiosk-showcase';
import {
  activeFilterCount,
  apiFilters,
  deptListFilters,
  filterParams,
  LIST_PAGE_SIZE,
  mapFilters,
  NO_FILTERS,
  type ProjectMapFilters,
  readFilters,
  readPageIndex,
  shownKinds,
  yearChoices,
} from './map-filters';

/** Projects of each kind the touch desk's « À découvrir » goes through. */
export const SHOWCASE_COUNT = 8;

const PHONE = '(max-width: 599.98px)';
/** Waits for a pause in typing so that each keystroke does not cost a request (nor a history entry). */
export const MAP_SEARCH_DEBOUNCE_MS = 300;
/** On `body` while a touch desk shows the map: the app shell hides its toolbar and footer. */
export const KIOSK_BODY_CLASS = 'kiosque';

/**
 * `/carte`: the published projects on a clustered map, or as a list (`?vue=liste`, the map's accessible
 * equivalent), with the same filters, all in the address. `?kiosque=1` is the touch desk of the Hôtel du
 * Département: full screen, theme chips only, back to the overview after two minutes without anyone.
 */
@Component({
  selector: 'pas-project-map-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.kiosk]': 'kiosk()' },
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatChipsModule,
    MatExpansionModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatRadioModule,
    MatSelectModule,
    ProjectClusterMap,
    ProjectMapLegend,
    PublicProjectCard,
    PublicDeptProjectCard,
    KioskShowcase,
  ],
  providers: [provideFrenchPaginator()],
  templateUrl: './project-map-page.html',
  styleUrl: './project-map-page.scss',
})
export class ProjectMapPage {
  /** Query parameters (see `MapPageParams`). */
  readonly q = input<string>();
  readonly theme = input<string>();
  readonly canton = input<string>();
  readonly year = input<string>();
  readonly status = input<string>();
  readonly kind = input<string>();
  readonly axis = input<string>();
  readonly vue = input<string>();
  readonly page = input<string>();
  readonly kiosque = input<string>();

  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly api = inject(PublicProjectsApi);
  private readonly deptApi = inject(PublicDeptProjectsApi);
  private readonly territory = inject(TerritoryApi);
  private readonly document = inject(DOCUMENT);
  private readonly idleMs = inject(KIOSK_IDLE_MS);

  protected readonly themes = PROJECT_THEMES;
  protected readonly themeLabels = PROJECT_THEME_LABELS;
  protected readonly kinds = PUBLIC_PROJECT_KINDS;
  protected readonly kindLabels = PUBLIC_PROJECT_KIND_LABELS;
  protected readonly pageSize = LIST_PAGE_SIZE;

  protected readonly filters = computed(
    () =>
      readFilters({
        q: this.q(),
        theme: this.theme(),
        canton: this.canton(),
        year: this.year(),
        status: this.status(),
        kind: this.kind(),
        axis: this.axis(),
      }),
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly filterCount = computed(() => activeFilterCount(this.filters()));
  protected readonly shown = computed(() => shownKinds(this.filters()));
  /** The kinds on the map, for its legend. */
  protected readonly legendKinds = computed((): readonly PublicProjectKind[] => {
    const shown = this.shown();
    return PUBLIC_PROJECT_KINDS.filter((kind) => (kind === 'COMMUNE' ? shown.communes : shown.departement));
  });
  protected readonly listView = computed(() => this.vue() === 'liste');
  protected readonly kiosk = computed(() => this.kiosque() === '1');
  protected readonly pageIndex = computed(() => readPageIndex(this.page()));
  protected readonly years = computed(() => yearChoices(new Date().getFullYear(), this.filters().year));
  protected readonly isPhone = toSignal(inject(BreakpointObserver).observe(PHONE).pipe(map((state) => state.matches)), {
    initialValue: false,
  });

  private readonly setting = publicMapSetting();
  protected readonly config = this.setting.config;
  private readonly code = this.setting.code;
  protected readonly tileUrl = this.setting.tileUrl;
  protected readonly tileAttribution = this.setting.tileAttribution;
  protected readonly departement = this.setting.departement;
  protected readonly departementName = this.setting.departementName;
  protected readonly bounds = computed(() => {
    const outline = this.setting.outline();
    return outline ? outlineBounds(outline) : null;
  });
  protected readonly communeOutlines = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.territory.getCommuneOutlines(params),
  });
  protected readonly cantonOutlines = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.territory.getCantonOutlines(params),
  });
  protected readonly cantons = rxResource({
    params: () => (this.kiosk() ? undefined : this.code()),
    stream: ({ params }) => this.territory.listCantons(params, MAX_PAGE_SIZE).pipe(map((page) => page.items)),
    defaultValue: [],
  });

  /** The programme's axes, for the filter that leads to the département's projects of one axis. */
  protected readonly axes = rxResource({
    params: () => (this.kiosk() ? undefined : this.code()),
    stream: ({ params }) => this.deptApi.axes(params),
    defaultValue: [],
  });

  /** The map's current view; forgotten when the list replaces the map (a new map starts at the overview). */
  private readonly view = linkedSignal<boolean, ProjectMapView | null>({ source: this.listView, computation: () => null });
  protected readonly layer = projectMapLayer(
    computed((): PublicMapQuery | null => {
      const code = this.code();
      const view = this.view();
      return code && view && !this.listView() ? { ...mapFilters(this.filters(), code), ...view } : null;
    }),
  );

  protected readonly list = rxResource({
    params: () => {
      const code = this.code();
      return code && this.listView() && this.shown().communes
        ? { ...apiFilters(this.filters(), code), limit: LIST_PAGE_SIZE, offset: this.pageIndex() * LIST_PAGE_SIZE }
        : undefined;
    },
    stream: ({ params }) => this.api.list(params),
  });
  /** The département's projects of the list view: few, all on one page (up to the API's largest page). */
  protected readonly deptList = rxResource({
    params: () => {
      const code = this.code();
      return code && this.listView() && this.shown().departement
        ? { ...deptListFilters(this.filters(), code), limit: MAX_PAGE_SIZE }
        : undefined;
    },
    stream: ({ params }) => this.deptApi.list(params),
  });
  protected readonly deptPage = computed(() => (this.deptList.hasValue() ? this.deptList.value() : undefined));

  /** « À découvrir » of the touch desk: the latest of both kinds, in turn. Not loaded elsewhere. */
  protected readonly showcaseCommunes = rxResource({
    params: () => (this.kiosk() ? this.code() : undefined),
    stream: ({ params }) =>
      this.api.list({ departement: params, sort: 'recent', limit: SHOWCASE_COUNT }).pipe(map((page) => page.items)),
    defaultValue: [],
  });
  protected readonly showcaseDepartement = rxResource({
    params: () => (this.kiosk() ? this.code() : undefined),
    stream: ({ params }) =>
      this.deptApi.list({ departement: params, limit: SHOWCASE_COUNT }).pipe(map((page) => page.items)),
    defaultValue: [],
  });
  /** The previous page stays on screen while the next one loads, so that the cards do not jump. */
  protected readonly listPage = linkedSignal<
    Page<PublicProjectSummaryDto> | undefined,
    Page<PublicProjectSummaryDto> | undefined
  >({
    source: () => (this.list.hasValue() ? this.list.value() : undefined),
    computation: (current, previous) => current ?? previous?.value,
  });

  protected readonly loading = computed(() =>
    this.config.isLoading() ||
    (this.listView() ? this.list.isLoading() || this.deptList.isLoading() : this.layer.loading()),
  );
  protected readonly errorText = computed(() => {
    if (this.config.error()) {
      return 'Impossible de charger la carte. Vérifiez votre connexion puis réessayez.';
    }
    if (this.listView()) {
      return this.list.error() || this.deptList.error() ? 'Impossible de charger la liste des projets.' : '';
    }
    return this.layer.failed() ? 'Impossible de charger les projets de la carte.' : '';
  });
  protected readonly countText = computed(() => {
    const total = this.listView() ? this.listTotal() : this.layer.total();
    if (total == null || this.errorText()) {
      return '';
    }
    if (total === 0) {
      return this.filterCount() > 0
        ? 'Aucun projet publié ne correspond à ces critères.'
        : 'Aucun projet n’est encore publié.';
    }
    return `${formatInteger(total)} ${total < 2 ? 'projet publié correspond' : 'projets publiés correspondent'}`;
  });

  /** Both lists of the list view, once each has answered; `null` while one is still awaited. */
  private readonly listTotal = computed(() => {
    const shown = this.shown();
    const communes = shown.communes ? this.listPage()?.total : 0;
    const departement = shown.departement ? this.deptPage()?.total : 0;
    return communes == null || departement == null ? null : communes + departement;
  });

  protected readonly search = new FormControl('', { nonNullable: true });
  private readonly clusterMap = viewChild<ProjectClusterMap>('map');

  constructor() {
    bindSearchField(this.search, computed(() => this.filters().q), (q) => this.update({ q }, true), MAP_SEARCH_DEBOUNCE_MS);

    effect((onCleanup) => {
      if (!this.kiosk()) {
        return;
      }
      const body = this.document.body;
      body.classList.add(KIOSK_BODY_CLASS);
      const idle = new IdleTimer(this.document, this.idleMs, () => this.returnToOverview());
      idle.start();
      onCleanup(() => {
        idle.stop();
        body.classList.remove(KIOSK_BODY_CLASS);
      });
    });
  }

  protected onViewChanged(view: ProjectMapView): void {
    this.view.set(view);
  }

  protected openProject(project: PublicProjectRef): void {
    void this.router.navigate(publicProjectCommands(project));
  }

  /** `ALL` in the form is both kinds: no parameter. */
  protected setKind(value: PublicProjectKind | 'ALL' | null | undefined): void {
    this.update({ kind: value === 'ALL' || !value ? null : value });
  }

  protected update(change: Partial<ProjectMapFilters>, replaceUrl = false): void {
    this.navigate(filterParams(change), replaceUrl);
  }

  protected setTheme(theme: ProjectTheme | null | undefined): void {
    this.update({ theme: theme ?? null });
  }

  protected showList(list: boolean): void {
    this.navigate({ vue: list ? 'liste' : null, page: null });
  }

  protected changePage(event: PageEvent): void {
    this.navigate({ page: event.pageIndex > 0 ? String(event.pageIndex + 1) : null });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.update(NO_FILTERS);
  }

  /** The touch desk's fresh start: no filter, the map (not the list), popup closed, the whole département. */
  protected returnToOverview(): void {
    this.search.setValue('', { emitEvent: false });
    void this.router.navigate([], { relativeTo: this.route, queryParams: { kiosque: '1' }, replaceUrl: true });
    this.clusterMap()?.resetView();
  }

  protected retry(): void {
    if (this.config.error()) {
      this.config.reload();
    }
    if (this.departement.error()) {
      this.departement.reload();
    }
    if (this.listView()) {
      this.list.reload();
      this.deptList.reload();
    } else {
      this.layer.retry();
    }
  }

  private navigate(queryParams: Params, replaceUrl = false): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl });
  }
}
