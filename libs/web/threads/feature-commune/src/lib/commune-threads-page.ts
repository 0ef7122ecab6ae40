import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, type ThreadState } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { LiveUpdates } from '@passerelle/web/live/data-access';
import { provideFrenchPaginator } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, formatCount } from '@passerelle/web/shared/util-format';
import { ThreadsApi } from '@passerelle/web/threads/data-access';
import { ThreadList } from '@passerelle/web/threads/ui-thread';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

/** The state filter as it reads in the address (`?etat=fermees`); "en cours" is the default and is left out. */
export const STATE_FILTERS = {
  'en-cours': { label: 'En cours', state: 'ACTIVE' },
  toutes: { label: 'Toutes', state: 'ALL' },
  fermees: { label: 'Fermées', state: 'CLOSED' },
} as const satisfies Record<string, { label: string; state: ThreadState | 'ACTIVE' | 'ALL' }>;
export type StateFilter = keyof typeof STATE_FILTERS;

const DEFAULT_FILTER: StateFilter = 'en-cours';
const SEARCH_DEBOUNCE_MS = 300;

/** Whatever the address says; an unknown value (or `toString`, inherited by every object) is the default. */
export function stateFilterOf(value: string | undefined): StateFilter {
  return (Object.keys(STATE_FILTERS) as StateFilter[]).find((filter) => filter === value) ?? DEFAULT_FILTER;
}

/** `?page=3` → 2; anything else is the first page. */
export function pageIndexOf(value: string | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 ? page - 1 : 0;
}

/**
 * `/espace/questions`: the commune's questions to the département, most recent activity first. The filters live in
 * the address, so that coming back from a question finds the list as it was left.
 */
@Component({
  selector: 'pas-commune-threads-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    ThreadList,
  ],
  providers: [provideFrenchPaginator()],
  templateUrl: './commune-threads-page.html',
  styleUrl: './commune-threads-page.scss',
})
export class CommuneThreadsPage {
  /** Query parameters. */
  readonly etat = input<string>();
  readonly q = input<string>();
  readonly page = input<string>();

  private readonly api = inject(ThreadsApi);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);

  protected readonly filters = Object.entries(STATE_FILTERS).map(([value, { label }]) => ({ value, label }));
  protected readonly filter = computed(() => stateFilterOf(this.etat()));
  protected readonly query = computed(() => this.q()?.trim() ?? '');
  protected readonly pageIndex = computed(() => pageIndexOf(this.page()));
  protected readonly pageSize = DEFAULT_PAGE_SIZE;
  protected readonly search = new FormControl('', { nonNullable: true });

  protected readonly threads = rxResource({
    params: () => {
      const insee = this.session.user()?.commune?.insee;
      return insee
        ? {
            insee,
            state: STATE_FILTERS[this.filter()].state,
            q: this.query() || undefined,
            limit: this.pageSize,
            offset: this.pageIndex() * this.pageSize,
          }
        : undefined;
    },
    stream: ({ params: { insee, ...query } }) => this.api.listCommuneThreads(insee, query),
  });
  protected readonly list = computed(() => (this.threads.hasValue() ? this.threads.value() : null));
  protected readonly countText = computed(() => {
    const list = this.list();
    return list ? formatCount(list.total, 'question') : '';
  });
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.threads.error(), 'Impossible de charger les questions.'),
  );

  constructor() {
    // The field follows the address (back button, a link), and the address follows the field once typing pauses.
    effect(() => {
      const query = this.query();
      untracked(() => {
        if (this.search.value.trim() !== query) {
          this.search.setValue(query, { emitEvent: false });
        }
      });
    });
    this.search.valueChanges
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((value) => value.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((q) => {
        if (q !== this.query()) {
          this.navigate({ q: q || null, page: null });
        }
      });
    // A question answered or changed elsewhere: the page shown is read again (silently: the list says its count).
    inject(LiveUpdates)
      .threadLists.pipe(takeUntilDestroyed())
      .subscribe(() => this.threads.reload());
  }

  protected setFilter(value: string): void {
    this.navigate({ etat: value === DEFAULT_FILTER ? null : value, page: null });
  }

  protected changePage(event: PageEvent): void {
    this.navigate({ page: event.pageIndex > 0 ? String(event.pageIndex + 1) : null });
  }

  protected clearSearch(): void {
    this.search.setValue('', { emitEvent: false });
    this.navigate({ q: null, page: null });
  }

  private navigate(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge', replaceUrl: true });
  }
}
