import { bindSearchField, busyFlag } from '@passerelle/web/shared/util-forms';
import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  type CommuneSummaryDto,
  MAX_PAGE_SIZE,
  type Page,
  THREAD_CATEGORIES,
  THREAD_CATEGORY_LABELS,
  THREAD_STATE_STAFF_LABELS,
  THREAD_STATES,
  type ThreadSummaryDto,
} from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { LiveUpdates } from '@passerelle/web/live/data-access';
import { StaffApi } from '@passerelle/web/staff/data-access';
import { PublicationApi } from '@passerelle/web/publication/data-access';
import { provideFrenchPaginator } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, formatCount } from '@passerelle/web/shared/util-format';
import { communeSuggestions, TerritoryApi } from '@passerelle/web/territory/data-access';
import { InboxSettingsApi, ThreadsApi } from '@passerelle/web/threads/data-access';
import { LabelChip } from '@passerelle/web/threads/ui-thread';
import { catchError, filter, map, of } from 'rxjs';
import { assigneeChoices, type BulkChange, bulkDoneMessage, bulkInput } from './bulk-actions';
import { InboxBulkBar } from './inbox-bulk-bar';
import {
  changeFilters,
  DEFAULT_INBOX_FILTERS,
  filtersFromParams,
  filtersToParams,
  hasInboxFilters,
  INBOX_PAGE_SIZES,
  INBOX_SEARCH_DEBOUNCE_MS,
  type InboxFilters,
  inboxQuery,
} from './inbox-filters';
import { inboxRow } from './inbox-row';
import { InboxThreadCards } from './inbox-thread-cards';
import { InboxThreadTable } from './inbox-thread-table';
import { ThreadSelection } from './thread-selection';

/** Below this width the table would scroll sideways: the threads become cards. */
const CARDS_QUERY = '(max-width: 959.98px)';

type CommuneChoice = Pick<CommuneSummaryDto, 'insee' | 'name'>;

/**
 * `/departement`: the staff's home, the queue of the communes' questions. The filters live in the address (reload,
 * bookmark, back button); threads can be ticked and assigned or labelled together.
 */
@Component({
  selector: 'pas-inbox-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    LabelChip,
    InboxBulkBar,
    InboxThreadCards,
    InboxThreadTable,
  ],
  providers: [provideFrenchPaginator()],
  templateUrl: './inbox-page.html',
  styleUrl: './inbox-page.scss',
})
export class InboxPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly session = inject(AuthSession);
  private readonly threadsApi = inject(ThreadsApi);
  private readonly settingsApi = inject(InboxSettingsApi);
  private readonly staffApi = inject(StaffApi);
  private readonly territory = inject(TerritoryApi);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly departement = computed(() => this.session.user()?.departement ?? null);
  private readonly code = computed(() => this.departement()?.code);
  protected readonly isAdmin = computed(() => this.session.role() === 'ADMIN');
  /** How many projects wait for a review, shown on the way to them; nothing when it cannot be known. */
  protected readonly publicationsWaiting = toSignal(
    inject(PublicationApi)
      .queue(1)
      .pipe(
        map((page) => page.total),
        catchError(() => of(0)),
      ),
    { initialValue: 0 },
  );
  protected readonly asCards = toSignal(
    inject(BreakpointObserver)
      .observe(CARDS_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  /** The address is the one source of truth: every control reads from it and writes to it. */
  protected readonly filters = toSignal(this.route.queryParams.pipe(map(filtersFromParams)), {
    initialValue: filtersFromParams(this.route.snapshot.queryParams),
  });
  protected readonly filtered = computed(() => hasInboxFilters(this.filters()));
  protected readonly activeFilterCount = computed(() => {
    const f = this.filters();
    return [f.state !== 'ACTIVE', f.category, f.canton, f.commune, f.label, f.overdue].filter(Boolean).length;
  });
  /** On a phone the secondary filters fold away under a button. */
  protected readonly filtersOpen = signal(false);

  protected readonly states = THREAD_STATES;
  protected readonly stateLabels = THREAD_STATE_STAFF_LABELS;
  protected readonly categories = THREAD_CATEGORIES;
  protected readonly categoryLabels = THREAD_CATEGORY_LABELS;
  protected readonly pageSizes = INBOX_PAGE_SIZES;

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly communeInput = new FormControl<string | CommuneChoice>('', { nonNullable: true });

  protected readonly threads = rxResource({
    params: () => {
      const code = this.code();
      return code ? inboxQuery(this.filters()) : undefined;
    },
    stream: ({ params }) => this.threadsApi.inbox(params),
  });
  /** The last page received, kept on screen while the next one loads so that the table does not flash. */
  protected readonly page = linkedSignal<Page<ThreadSummaryDto> | undefined, Page<ThreadSummaryDto> | undefined>({
    source: () => (this.threads.hasValue() ? this.threads.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly rows = computed(() => this.page()?.items.map(inboxRow) ?? []);
  private readonly pageIds = computed(() => this.rows().map((row) => row.id));
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.threads.error(), 'Impossible de charger les questions. Vérifiez votre connexion puis réessayez.'),
  );
  protected readonly countText = computed(() => {
    const page = this.page();
    if (!page) {
      return '';
    }
    if (page.total === 0) {
      return this.filtered() ? 'Aucune question ne correspond à ces critères.' : 'Aucune question en cours.';
    }
    return formatCount(page.total, 'question', 'questions');
  });
  protected readonly caption = computed(() => {
    const sort = this.filters().sort === 'due' ? 'par échéance' : 'par dernière activité';
    return `Questions des communes, ${this.countText().toLowerCase().replace(/\.$/, '')}, triées ${sort}`;
  });

  protected readonly labels = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.settingsApi.listLabels(params),
  });
  protected readonly labelList = computed(() => (this.labels.hasValue() ? this.labels.value() : []));
  protected readonly cantons = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.territory.listCantons(params, MAX_PAGE_SIZE).pipe(map((page) => page.items)),
  });
  /** Only admins may read the agents; an agent assigns to themself or to the colleagues seen in the queue. */
  private readonly agents = rxResource({
    params: () => (this.isAdmin() ? this.code() : undefined),
    stream: ({ params }) => this.staffApi.listAgents(params, MAX_PAGE_SIZE).pipe(map((page) => page.items)),
  });
  protected readonly assignees = computed(() => {
    const user = this.session.user();
    return assigneeChoices(
      this.agents.hasValue() ? this.agents.value() : null,
      user ? { id: user.id, displayName: user.displayName } : null,
      this.page()?.items ?? [],
    );
  });

  /** The commune of the filter, by name; the address holds only its INSEE code. */
  private readonly chosenCommune = signal<CommuneChoice | null>(null);
  private readonly communeFromAddress = rxResource({
    params: () => {
      const insee = this.filters().commune;
      return insee && this.chosenCommune()?.insee !== insee ? insee : undefined;
    },
    stream: ({ params }) => this.territory.getCommune(params).pipe(map(({ insee, name }) => ({ insee, name }))),
  });
  protected readonly communeSuggestions = communeSuggestions(this.communeInput.valueChanges, () => this.code(), INBOX_SEARCH_DEBOUNCE_MS);

  protected readonly selection = new ThreadSelection();
  protected readonly allSelected = computed(() => this.selection.allOf(this.pageIds()));
  protected readonly someSelected = computed(() => this.selection.someOf(this.pageIds()));
  protected readonly bulkBusy = busyFlag();

  constructor() {
    bindSearchField(this.search, computed(() => this.filters().q), (q) => this.update({ q }, true), INBOX_SEARCH_DEBOUNCE_MS);
    // A new question, a reply, a change made by a colleague: the page shown is read again, the ticks kept.
    inject(LiveUpdates)
      .threadLists.pipe(takeUntilDestroyed())
      .subscribe(() => this.threads.reload());

    effect(() => {
      const insee = this.filters().commune;
      const chosen = this.chosenCommune();
      const loaded = this.communeFromAddress.hasValue() ? this.communeFromAddress.value() : null;
      untracked(() => {
        const shown = this.communeInput.value;
        if (!insee) {
          if (typeof shown !== 'string') {
            this.communeInput.setValue('', { emitEvent: false });
          }
          return;
        }
        const commune = chosen?.insee === insee ? chosen : loaded?.insee === insee ? loaded : null;
        if (commune && (typeof shown === 'string' || shown.insee !== insee)) {
          this.communeInput.setValue(commune, { emitEvent: false });
        }
      });
    });
    // Typing again in the commune field drops the commune chosen before.
    this.communeInput.valueChanges
      .pipe(
        filter((value) => typeof value === 'string'),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        if (this.filters().commune) {
          this.update({ commune: null });
        }
      });

    effect(() => {
      const ids = this.pageIds();
      untracked(() => this.selection.keepOnly(ids));
    });
  }

  protected update(change: Partial<InboxFilters>, replaceUrl = false): void {
    const next = changeFilters(this.filters(), change);
    void this.router.navigate([], { relativeTo: this.route, queryParams: filtersToParams(next), replaceUrl });
  }

  protected clearFilters(): void {
    const { sort, pageSize } = this.filters();
    this.search.setValue('', { emitEvent: false });
    this.update({ ...DEFAULT_INBOX_FILTERS, sort, pageSize });
  }

  protected toggleAllOnPage(): void {
    this.selection.toggleAll(this.pageIds());
  }

  protected changePage(event: PageEvent): void {
    this.update({ pageIndex: event.pageSize === this.filters().pageSize ? event.pageIndex : 0, pageSize: event.pageSize });
  }

  protected displayCommune(value: string | CommuneChoice | null): string {
    return typeof value === 'string' || value === null ? (value ?? '') : value.name;
  }

  protected communeChosen(event: MatAutocompleteSelectedEvent): void {
    const commune = event.option.value as CommuneSummaryDto;
    this.chosenCommune.set({ insee: commune.insee, name: commune.name });
    this.update({ commune: commune.insee });
  }

  protected clearCommune(): void {
    this.communeInput.setValue('', { emitEvent: false });
    this.update({ commune: null });
  }

  protected applyBulk(change: BulkChange): void {
    const threadIds = [...this.selection.selected()];
    if (threadIds.length === 0 || this.bulkBusy()) {
      return;
    }
    this.threadsApi
      .bulk(bulkInput(threadIds, change))
      .pipe(this.bulkBusy.track)
      .subscribe({
        next: ({ updated }) => {
          this.snackBar.open(bulkDoneMessage(change, updated), 'OK', { duration: 6000 });
          this.selection.clear();
          this.threads.reload();
        },
        error: (error: unknown) =>
          this.snackBar.open(
            apiErrorMessage(error, 'Les questions n’ont pas été modifiées. Réessayez dans quelques instants.'),
            'Fermer',
            { duration: 10000 },
          ),
      });
  }
}
