import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  type CommuneSummaryDto,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  PROJECT_THEME_LABELS,
  PROJECT_THEMES,
  type ProjectStatus,
  type ProjectTheme,
} from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { ObjectUrls, ProjectsApi } from '@passerelle/web/projects/data-access';
import { ProjectCard } from '@passerelle/web/projects/ui-project';
import { provideFrenchPaginator } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, formatCount } from '@passerelle/web/shared/util-format';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { debounceTime, distinctUntilChanged, filter, map, of, switchMap } from 'rxjs';
import { departementProjectQuery } from './backoffice-projects-filters';

export const SEARCH_DEBOUNCE_MS = 300;

/** `/departement/projets`: every project of the département's communes, to follow them; read-only. */
@Component({
  selector: 'lib-backoffice-projects-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    ProjectCard,
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
  protected readonly statuses = PROJECT_STATUSES;
  protected readonly statusLabels = PROJECT_STATUS_LABELS;
  protected readonly themes = PROJECT_THEMES;
  protected readonly themeLabels = PROJECT_THEME_LABELS;

  protected readonly search = new FormControl('', { nonNullable: true });
  /** The text typed in the commune field, or the commune chosen from its suggestions. */
  protected readonly communeInput = new FormControl<string | CommuneSummaryDto>('', { nonNullable: true });
  protected readonly canton = new FormControl('', { nonNullable: true });
  protected readonly status = new FormControl<ProjectStatus | ''>('', { nonNullable: true });
  protected readonly theme = new FormControl<ProjectTheme | ''>('', { nonNullable: true });

  protected readonly commune = signal<CommuneSummaryDto | null>(null);
  private readonly query = toSignal(
    this.search.valueChanges.pipe(
      debounceTime(SEARCH_DEBOUNCE_MS),
      map((value) => value.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  private readonly cantonValue = toSignal(this.canton.valueChanges, { initialValue: '' });
  private readonly statusValue = toSignal(this.status.valueChanges, { initialValue: this.status.value });
  private readonly themeValue = toSignal(this.theme.valueChanges, { initialValue: this.theme.value });
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);

  protected readonly cantons = rxResource({
    params: () => this.departement()?.code,
    stream: ({ params }) => this.territory.listCantons(params, MAX_PAGE_SIZE).pipe(map((page) => page.items)),
  });
  /** Suggestions of the commune field, as the user types. */
  protected readonly communeSuggestions = toSignal(
    this.communeInput.valueChanges.pipe(
      filter((value): value is string => typeof value === 'string'),
      debounceTime(SEARCH_DEBOUNCE_MS),
      map((value) => value.trim()),
      distinctUntilChanged(),
      switchMap((q) => {
        const code = this.departement()?.code;
        return q.length < 2 || !code
          ? of([])
          : this.territory.listCommunes(code, { q, limit: 10 }).pipe(map((page) => page.items));
      }),
    ),
    { initialValue: [] as CommuneSummaryDto[] },
  );

  protected readonly projects = rxResource({
    params: () => {
      const code = this.departement()?.code;
      if (!code) {
        return undefined;
      }
      const filters = {
        q: this.query(),
        commune: this.commune()?.insee ?? null,
        canton: this.cantonValue(),
        status: this.statusValue(),
        theme: this.themeValue(),
      };
      return { code, query: departementProjectQuery(filters, this.pageIndex(), this.pageSize()) };
    },
    stream: ({ params: { code, query } }) => this.api.listDepartementProjects(code, query),
  });
  protected readonly resultText = computed(() => {
    if (!this.projects.hasValue()) {
      return '';
    }
    const total = this.projects.value().total;
    return total === 0 ? 'Aucun projet ne correspond à ces critères.' : formatCount(total, 'projet trouvé', 'projets trouvés');
  });
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.projects.error(), 'Impossible de charger les projets.'),
  );
  protected readonly covers = this.objectUrls.urls;

  constructor() {
    effect(() => {
      if (this.projects.hasValue()) {
        this.objectUrls.load(this.projects.value().items.map((project) => project.coverUrl));
      }
    });
    for (const control of [this.search, this.canton, this.status, this.theme] as FormControl<string>[]) {
      control.valueChanges.subscribe(() => this.pageIndex.set(0));
    }
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

  protected changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }
}
