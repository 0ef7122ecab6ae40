import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { ObjectUrls, ProjectsApi } from '@passerelle/web/projects/data-access';
import {
  hasProjectFilters,
  NO_PROJECT_FILTERS,
  ProjectFilters,
  type ProjectFilterValue,
  ProjectGrid,
} from '@passerelle/web/projects/ui-project';
import { provideFrenchPaginator } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { ThreadsApi } from '@passerelle/web/threads/data-access';
import { ThreadList } from '@passerelle/web/threads/ui-thread';
import { TeamApi } from '@passerelle/web/workspace/data-access';
import { seatsText } from '@passerelle/web/workspace/ui-team';

/** How many questions the dashboard shows; the rest are on `/espace/questions`. */
const LATEST_THREADS = 5;

/**
 * `/espace`: the commune's dashboard: the latest questions to the département (answers waiting to be read stand
 * out), then the projects; the team stays one click away.
 */
@Component({
  selector: 'pas-workspace-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, ProjectFilters, ProjectGrid, ThreadList],
  providers: [ObjectUrls, provideFrenchPaginator()],
  templateUrl: './workspace-home-page.html',
  styleUrl: './workspace-home-page.scss',
})
export class WorkspaceHomePage {
  private readonly session = inject(AuthSession);
  private readonly teamApi = inject(TeamApi);
  private readonly projectsApi = inject(ProjectsApi);
  private readonly objectUrls = inject(ObjectUrls);
  private readonly threadsApi = inject(ThreadsApi);

  protected readonly user = this.session.user;
  protected readonly commune = computed(() => this.session.user()?.commune ?? null);
  protected readonly isMayor = computed(() => this.session.role() === 'MAYOR');
  protected readonly team = rxResource({
    params: () => this.commune()?.insee,
    stream: ({ params }) => this.teamApi.getTeam(params),
  });
  protected readonly seats = computed(() => (this.team.hasValue() ? seatsText(this.team.value().seats) : ''));
  protected readonly teamError = computed(() => apiErrorMessage(this.team.error(), 'Impossible de charger l’équipe.'));

  protected readonly threads = rxResource({
    params: () => this.commune()?.insee,
    stream: ({ params }) => this.threadsApi.listCommuneThreads(params, { state: 'ALL', limit: LATEST_THREADS }),
  });
  protected readonly threadsError = computed(() =>
    apiErrorMessage(this.threads.error(), 'Impossible de charger les questions.'),
  );

  private readonly filters = signal<ProjectFilterValue>(NO_PROJECT_FILTERS);
  protected readonly filtered = computed(() => hasProjectFilters(this.filters()));
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);

  protected readonly projects = rxResource({
    params: () => {
      const insee = this.commune()?.insee;
      const { q, status, theme } = this.filters();
      return insee
        ? {
            insee,
            q: q || undefined,
            status: status || undefined,
            theme: theme || undefined,
            limit: this.pageSize(),
            offset: this.pageIndex() * this.pageSize(),
          }
        : undefined;
    },
    stream: ({ params: { insee, ...query } }) => this.projectsApi.listCommuneProjects(insee, query),
  });
  protected readonly covers = this.objectUrls.urls;

  constructor() {
    effect(() => {
      if (this.projects.hasValue()) {
        this.objectUrls.load(this.projects.value().items.map((project) => project.coverUrl));
      }
    });
  }

  protected applyFilters(filters: ProjectFilterValue): void {
    this.filters.set(filters);
    // A new filter starts again from the first page.
    this.pageIndex.set(0);
  }
}
