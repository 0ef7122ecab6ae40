import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { type CantonDto, type CommuneSummaryDto, DEFAULT_PAGE_SIZE, type Page } from '@passerelle/shared/dto';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { CommuneTable } from '@passerelle/web/territory/ui-commune';
import { provideFrenchPaginator } from '@passerelle/web/shared/ui-material';
import { formatCount, formatInteger } from '@passerelle/web/shared/util-format';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { type EligibilityFilter, toEligibleParam } from './eligibility-filter';

/** Waits for a pause in typing so that each keystroke does not cost a request. */
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * Searchable, filterable list of the communes of a département: the accessible equivalent of the map.
 * The server filters and paginates, so the list stays light for départements with hundreds of communes.
 */
@Component({
  selector: 'pas-commune-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    CommuneTable,
  ],
  providers: [provideFrenchPaginator()],
  templateUrl: './commune-list.html',
  styleUrl: './commune-list.scss',
})
export class CommuneList {
  readonly departementCode = input.required<string>();
  readonly threshold = input.required<number>();
  readonly cantons = input<readonly CantonDto[]>([]);
  readonly selectedInsee = input<string | null>(null);
  readonly compact = input(false);

  readonly communeSelected = output<string>();

  private readonly api = inject(TerritoryApi);

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly eligibility = new FormControl<EligibilityFilter>('all', { nonNullable: true });
  protected readonly canton = new FormControl('', { nonNullable: true });
  protected readonly pageSizes = [20, 50, 100];
  protected readonly formatInteger = formatInteger;

  private readonly q = toSignal(
    this.search.valueChanges.pipe(
      debounceTime(SEARCH_DEBOUNCE_MS),
      map((value) => value.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  private readonly eligibilityValue = toSignal(this.eligibility.valueChanges, { initialValue: 'all' as const });
  private readonly cantonValue = toSignal(this.canton.valueChanges, { initialValue: '' });

  private readonly filters = computed(() => ({
    q: this.q() || undefined,
    eligible: toEligibleParam(this.eligibilityValue()),
    canton: this.cantonValue() || undefined,
  }));

  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  /** Back to the first page whenever a filter changes: page 4 of a narrower result may not exist. */
  protected readonly pageIndex = linkedSignal({ source: this.filters, computation: () => 0 });

  protected readonly communes = rxResource({
    params: () => ({
      code: this.departementCode(),
      query: { ...this.filters(), limit: this.pageSize(), offset: this.pageIndex() * this.pageSize() },
    }),
    stream: ({ params }) => this.api.listCommunes(params.code, params.query),
  });

  /** The previous page stays on screen while the next one loads, so the table does not jump. */
  protected readonly page = linkedSignal<Page<CommuneSummaryDto> | undefined, Page<CommuneSummaryDto> | undefined>({
    source: () => (this.communes.hasValue() ? this.communes.value() : undefined),
    computation: (current, previous) => current ?? previous?.value,
  });

  protected readonly resultText = computed(() => {
    const page = this.page();
    if (!page || this.communes.error()) {
      return '';
    }
    return page.total === 0
      ? 'Aucune commune ne correspond à ces critères.'
      : formatCount(page.total, 'commune trouvée', 'communes trouvées');
  });

  protected changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected resetFilters(): void {
    this.search.setValue('');
    this.eligibility.setValue('all');
    this.canton.setValue('');
  }
}
