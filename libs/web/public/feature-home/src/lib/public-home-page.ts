import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { PublicMapQuery } from '@passerelle/shared/dto';
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
import { catchError, of } from 'rxjs';
import { formatCount } from '@passerelle/web/shared/util-format';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { map } from 'rxjs';

/** How many of the latest publications the home page shows. */
export const LATEST_COUNT = 6;
/** How many of the département's projects the home page shows. */
export const LATEST_DEPT_COUNT = 3;

/**
 * `/`: what visitors find here, the map of the published projects of the whole département, the latest
 * publications and the ways further (map, search, open data, communes). Leaflet loads with the map only.
 */
@Component({
  selector: 'pas-public-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ProjectClusterMap,
    ProjectMapLegend,
    PublicProjectCard,
    PublicDeptProjectCard,
  ],
  templateUrl: './public-home-page.html',
  styleUrl: './public-home-page.scss',
})
export class PublicHomePage {
  private readonly router = inject(Router);
  private readonly api = inject(PublicProjectsApi);
  private readonly deptApi = inject(PublicDeptProjectsApi);
  private readonly territory = inject(TerritoryApi);

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
  // Canton limits only: the commune outlines weigh ten times more and the home page should stay light.
  protected readonly cantonOutlines = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.territory.getCantonOutlines(params),
  });

  private readonly view = signal<ProjectMapView | null>(null);
  protected readonly layer = projectMapLayer(
    computed((): PublicMapQuery | null => {
      const code = this.code();
      const view = this.view();
      return code && view ? { departement: code, ...view } : null;
    }),
  );
  protected readonly mapSummary = computed(() => {
    const total = this.layer.total();
    return total == null ? '' : `${formatCount(total, 'projet publié', 'projets publiés')} sur la carte.`;
  });

  protected readonly latest = rxResource({
    params: () => this.code(),
    stream: ({ params }) =>
      this.api.list({ departement: params, sort: 'recent', limit: LATEST_COUNT }).pipe(map((page) => page.items)),
  });

  /** A bonus on this page: when it fails, the block is simply not shown. */
  protected readonly latestDept = rxResource({
    params: () => this.code(),
    stream: ({ params }) =>
      this.deptApi.list({ departement: params, limit: LATEST_DEPT_COUNT }).pipe(
        map((page) => page.items),
        catchError(() => of([])),
      ),
    defaultValue: [],
  });

  protected readonly search = new FormControl('', { nonNullable: true });

  protected onViewChanged(view: ProjectMapView): void {
    this.view.set(view);
  }

  protected openProject(project: PublicProjectRef): void {
    void this.router.navigate(publicProjectCommands(project));
  }

  protected submitSearch(event: Event): void {
    event.preventDefault();
    const q = this.search.value.trim();
    void this.router.navigate(['/projets'], { queryParams: q ? { q } : {} });
  }
}
