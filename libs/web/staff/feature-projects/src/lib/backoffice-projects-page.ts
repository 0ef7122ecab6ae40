import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { type CommuneSummaryDto, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { ObjectUrls, ProjectsApi } from '@passerelle/web/projects/data-access';
import {
  hasProjectFilters,
  NO_PROJECT_FILTERS,
  PROJECT_SEARCH_DEBOUNCE_MS,
  ProjectFilters,
  type ProjectFilterValue,
  ProjectGrid,
} from '@passerelle/web/projects/ui-project';
import { provideFrenchPaginator } from '@passerelle/web/shared/ui-material';
import { communeSuggestions, TerritoryApi } from '@passerelle/web/territory/data-access';
import { filter, map } from 'rxjs';
import { departementProjectQuery } from './backoffice-projects-filters';

/** `/departement/projets`: every project of the département's communes, to follow them; read-only. */
@Component({
  selector: 'pas-backoffice-projects-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ProjectFilters,
    ProjectGrid,
  ],
  providers: [ObjectUrls, provideFrenchPaginator()],
  templateUrl: './backoffice-projects-page.html',
  styleUrl: './backoffice-projects-page.scss',
})
export class BackofficeProjectsPage {
  private readonly session = inject(AuthSession);
  private readonly api = inject(ProjectsApi);
  private readonly territory = inject(TerritoryApi);
  private readonly objectUrls = inject(ObjectUrls);

  protected readonly departement = computed(() => this.session.user()?.departement ?? null);
  protected readonly countWords = ['projet trouvé', 'projets trouvés'] as const;

  /** The text typed in the commune field, or the commune chosen from its suggestions. */
  protected readonly communeInput = new FormControl<string | CommuneSummaryDto>('', { nonNullable: true });
  protected readonly canton = new FormControl('', { nonNullable: true });

  /** Search, status and theme, from the shared filters. */
  private readonly filters = signal<ProjectFilterValue>(NO_PROJECT_FILTERS);
  protected readonly commune = signal<CommuneSummaryDto | null>(null);
  private readonly cantonValue = toSignal(this.canton.valueChanges, { initialValue: '' });
  protected readonly filtered = computed(
    () => hasProjectFilters(this.filters()) || !!this.commune() || !!this.cantonValue(),
  );
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);

  protected readonly cantons = rxResource({
    params: () => this.departement()?.code,
    stream: ({ params }) => this.territory.listCantons(params, MAX_PAGE_SIZE).pipe(map((page) => page.items)),
  });
  /** Suggestions of the commune field, as the user types. */
  protected readonly communeSuggestions = communeSuggestions(this.communeInput.valueChanges, () => this.departement()?.code, PROJECT_SEARCH_DEBOUNCE_MS);

  protected readonly projects = rxResource({
    params: () => {
      const code = this.departement()?.code;
      if (!code) {
        return undefined;
      }
      const filters = { ...this.filters(), commune: this.commune()?.insee ?? null, canton: this.cantonValue() };
      return { code, query: departementProjectQuery(filters, this.pageIndex(), this.pageSize()) };
    },
    stream: ({ params: { code, query } }) => this.api.listDepartementProjects(code, query),
  });
  protected readonly covers = this.objectUrls.urls;

  constructor() {
    effect(() => {
      if (this.projects.hasValue()) {
        this.objectUrls.load(this.projects.value().items.map((project) => project.coverUrl));
      }
    });
    this.canton.valueChanges.subscribe(() => this.pageIndex.set(0));
    // Typing again in the commune field drops the commune chosen before.
    this.communeInput.valueChanges.pipe(filter((value) => typeof value === 'string')).subscribe(() => {
      if (this.commune()) {
        this.commune.set(null);
        this.pageIndex.set(0);
      }
    });
  }

  protected displayCommune(value: string | CommuneSummaryDto | null): string {
    return typeof value === 'string' || value === null ? (value ?? '') : value.name;
  }

  protected communeChosen(event: MatAutocompleteSelectedEvent): void {
    this.commune.set(event.option.value as CommuneSummaryDto);
    this.pageIndex.set(0);
  }

  protected clearCommune(): void {
    this.communeInput.setValue('');
    this.commune.set(null);
  }

  protected applyFilters(filters: ProjectFilterValue): void {
    this.filters.set(filters);
    this.pageIndex.set(0);
  }
}
