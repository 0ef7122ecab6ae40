import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  DEFAULT_PAGE_SIZE,
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
import { TeamApi } from '@passerelle/web/workspace/data-access';
import { seatsText } from '@passerelle/web/workspace/ui-team';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

const SEARCH_DEBOUNCE_MS = 300;

/** `/espace`: the commune's dashboard, its projects first; the team stays one click away. */
@Component({
  selector: 'lib-workspace-home-page',
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
    ProjectCard,
  ],
  providers: [ObjectUrls, provideFrenchPaginator()],
  templateUrl: './workspace-home-page.html',
  styleUrl: './workspace-home-page.scss',
})
export class WorkspaceHomePage {
  private readonly session = inject(AuthSession);
  private readonly teamApi = inject(TeamApi);
  private readonly projectsApi = inject(ProjectsApi);
  private readonly objectUrls = inject(ObjectUrls);

  protected readonly user = this.session.user;
  protected readonly commune = computed(() => this.session.user()?.commune ?? null);
  protected readonly isMayor = computed(() => this.session.role() === 'MAYOR');
  protected readonly team = rxResource({
    params: () => this.commune()?.insee,
    stream: ({ params }) => this.teamApi.getTeam(params),
  });
  protected readonly seats = computed(() => (this.team.hasValue() ? seatsText(this.team.value().seats) : ''));
  protected readonly teamError = computed(() => apiErrorMessage(this.team.error(), 'Impossible de charger l’équipe.'));

  protected readonly statuses = PROJECT_STATUSES;
  protected readonly statusLabels = PROJECT_STATUS_LABELS;
  protected readonly themes = PROJECT_THEMES;
  protected readonly themeLabels = PROJECT_THEME_LABELS;
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly status = new FormControl<ProjectStatus | ''>('', { nonNullable: true });
  protected readonly theme = new FormControl<ProjectTheme | ''>('', { nonNullable: true });
  private readonly query = toSignal(
    this.search.valueChanges.pipe(
      debounceTime(SEARCH_DEBOUNCE_MS),
      map((value) => value.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  private readonly statusValue = toSignal(this.status.valueChanges, { initialValue: this.status.value });
  private readonly themeValue = toSignal(this.theme.valueChanges, { initialValue: this.theme.value });
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly filtered = computed(() => !!(this.query() || this.statusValue() || this.themeValue()));

  protected readonly projects = rxResource({
    params: () => {
      const insee = this.commune()?.insee;
      return insee
        ? {
            insee,
            q: this.query() || undefined,
            status: this.statusValue() || undefined,
            theme: this.themeValue() || undefined,
            limit: this.pageSize(),
            offset: this.pageIndex() * this.pageSize(),
          }
        : undefined;
    },
    stream: ({ params: { insee, ...query } }) => this.projectsApi.listCommuneProjects(insee, query),
  });
  protected readonly resultText = computed(() => {
    if (!this.projects.hasValue()) {
      return '';
    }
    const total = this.projects.value().total;
    return total === 0 && this.filtered()
      ? 'Aucun projet ne correspond à ces critères.'
      : formatCount(total, 'projet');
  });
  protected readonly projectsError = computed(() =>
    apiErrorMessage(this.projects.error(), 'Impossible de charger les projets.'),
  );
  protected readonly covers = this.objectUrls.urls;

  constructor() {
    effect(() => {
      if (this.projects.hasValue()) {
        this.objectUrls.load(this.projects.value().items.map((project) => project.coverUrl));
      }
    });
    // A new filter starts again from the first page.
    for (const control of [this.search, this.status, this.theme] as FormControl<string>[]) {
      control.valueChanges.subscribe(() => this.pageIndex.set(0));
    }
  }

  protected changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }
}
