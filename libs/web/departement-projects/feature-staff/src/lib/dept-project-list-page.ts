import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, type DeptProjectSummaryDto, MAX_PAGE_SIZE } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { DeptProjectsApi } from '@passerelle/web/departement-projects/data-access';
import { ProjectFilters, type ProjectFilterValue, StatusChip } from '@passerelle/web/projects/ui-project';
import { provideFrenchPaginator } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, formatCalendarDay, formatCount } from '@passerelle/web/shared/util-format';
import { TerritoryApi } from '@passerelle/web/territory/data-access';
import { map } from 'rxjs';
import { deptProjectQuery, type DeptProjectFilters, hasDeptProjectFilters, NO_DEPT_PROJECT_FILTERS } from './dept-project-query';

/** `/departement/projets-du-departement`: the département's own projects, to lead and follow them. */
@Component({
  selector: 'pas-dept-project-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    ProjectFilters,
    StatusChip,
  ],
  providers: [provideFrenchPaginator()],
  template: `
    <h1>Projets du Département</h1>
    <p class="subtitle">
      Les projets menés par le Département{{ departement()?.name ? ' ' + departement()?.name : '' }}, leurs points
      d’avancement et leur publication sur le portail public.
    </p>
    <p class="actions">
      <a mat-flat-button routerLink="/departement/projets-du-departement/nouveau">Nouveau projet</a>
      @if (isAdmin()) {
        <a mat-button routerLink="/departement/administration/axes">Axes du programme</a>
      }
    </p>

    <pas-project-filters (filtersChange)="applySharedFilters($event)">
      <mat-form-field appearance="outline">
        <mat-label>Axe du programme</mat-label>
        <mat-select [ngModel]="filters().axis" (ngModelChange)="setFilter('axis', $event)">
          <mat-option value="">Tous les axes</mat-option>
          @for (axis of axes.value() ?? []; track axis.id) {
            <mat-option [value]="axis.id">{{ axis.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Canton</mat-label>
        <mat-select [ngModel]="filters().canton" (ngModelChange)="setFilter('canton', $event)">
          <mat-option value="">Tous les cantons</mat-option>
          @for (canton of cantons.value() ?? []; track canton.code) {
            <mat-option [value]="canton.code">{{ canton.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-checkbox class="mine" [ngModel]="filters().mine" (ngModelChange)="setFilter('mine', $event)">
        Mes projets
      </mat-checkbox>
    </pas-project-filters>

    <p class="count" role="status">{{ countText() }}</p>

    @if (projects.isLoading() && !projects.hasValue()) {
      <mat-progress-bar mode="indeterminate" aria-label="Chargement des projets du Département" />
    } @else if (projects.error()) {
      <div class="message message--error" role="alert">
        <p>{{ loadError() }}</p>
        <button mat-flat-button type="button" (click)="projects.reload()">Réessayer</button>
      </div>
    } @else if (items().length === 0) {
      <p class="empty">
        {{ filtered() ? 'Aucun projet ne correspond à ces filtres.' : 'Aucun projet du Département pour le moment : créez le premier avec « Nouveau projet ».' }}
      </p>
    } @else {
      <ul class="projects" aria-label="Projets du Département">
        @for (project of items(); track project.id) {
          <li class="project">
            <h2><a [routerLink]="['/departement/projets-du-departement', project.id]">{{ project.title }}</a></h2>
            <p class="line">
              <pas-status-chip [status]="project.status" />
              <span class="published" [class.published--yes]="!!project.publishedAt">
                {{ project.publishedAt ? 'Publié' : 'Pas encore publié' }}
              </span>
              @if (project.reportsAwaitingReview > 0) {
                <span class="waiting">{{ waitingText(project) }}</span>
              }
            </p>
            <div class="progress">
              <mat-progress-bar mode="determinate" [value]="project.progress" [attr.aria-label]="'Avancement de ' + project.title" />
              <span>{{ project.progress }}&nbsp;%</span>
            </div>
            <dl>
              <div><dt>Axe</dt><dd>{{ project.axis?.label ?? 'Aucun' }}</dd></div>
              <div><dt>Cantons</dt><dd>{{ cantonNames(project) }}</dd></div>
              <div><dt>Chef de projet</dt><dd>{{ project.lead?.name ?? 'Non désigné' }}</dd></div>
              @if (project.lastReportOn) {
                <div><dt>Dernier point publié</dt><dd>{{ day(project.lastReportOn) }}</dd></div>
              }
            </dl>
          </li>
        }
      </ul>
    }
    @if (total() > pageSize()) {
      <mat-paginator
        [length]="total()"
        [pageIndex]="pageIndex()"
        [pageSize]="pageSize()"
        [pageSizeOptions]="[20, 50, 100]"
        (page)="changePage($event)"
        aria-label="Pages de la liste des projets"
      />
    }
  `,
  styles: `
    :host { display: block; }
    h1 { font: var(--mat-sys-headline-medium); margin: 0; }
    .subtitle, .count, .empty { color: var(--mat-sys-on-surface-variant); }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; }
    .actions a { min-height: 44px; }
    .mine { align-self: center; }
    .projects { list-style: none; padding: 0; margin: 0; display: grid; gap: 12px; }
    .project {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px 16px;
    }
    .project h2 { font: var(--mat-sys-title-medium); margin: 0 0 8px; overflow-wrap: anywhere; }
    .line { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 0 0 8px; }
    .published { font: var(--mat-sys-label-large); color: var(--mat-sys-on-surface-variant); }
    .published--yes { color: #0b3d1a; }
    .waiting { font: var(--mat-sys-label-large); color: var(--mat-sys-on-tertiary-container); background: var(--mat-sys-tertiary-container); border-radius: 999px; padding: 2px 10px; }
    .progress { display: flex; align-items: center; gap: 8px; max-width: 24rem; }
    .progress mat-progress-bar { flex: 1; }
    dl { display: flex; flex-wrap: wrap; gap: 4px 24px; margin: 8px 0 0; }
    dt { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; }
    .message--error { color: var(--mat-sys-error); }
  `,
})
export class DeptProjectListPage {
  private readonly session = inject(AuthSession);
  private readonly api = inject(DeptProjectsApi);
  private readonly territory = inject(TerritoryApi);

  protected readonly departement = computed(() => this.session.user()?.departement ?? null);
  protected readonly isAdmin = computed(() => this.session.role() === 'ADMIN');
  protected readonly filters = signal<DeptProjectFilters>(NO_DEPT_PROJECT_FILTERS);
  protected readonly filtered = computed(() => hasDeptProjectFilters(this.filters()));
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);

  protected readonly axes = rxResource({
    params: () => this.departement()?.code,
    stream: ({ params }) => this.api.listAxes(params),
  });
  protected readonly cantons = rxResource({
    params: () => this.departement()?.code,
    stream: ({ params }) => this.territory.listCantons(params, MAX_PAGE_SIZE).pipe(map((page) => page.items)),
  });
  protected readonly projects = rxResource({
    params: () => {
      const code = this.departement()?.code;
      return code ? { code, query: deptProjectQuery(this.filters(), this.pageIndex(), this.pageSize()) } : undefined;
    },
    stream: ({ params: { code, query } }) => this.api.listProjects(code, query),
  });
  protected readonly items = computed(() => (this.projects.hasValue() ? this.projects.value().items : []));
  protected readonly total = computed(() => (this.projects.hasValue() ? this.projects.value().total : 0));
  protected readonly countText = computed(() => {
    if (!this.projects.hasValue()) {
      return '';
    }
    const total = this.total();
    return total === 0 ? 'Aucun projet trouvé.' : `${formatCount(total, 'projet trouvé', 'projets trouvés')}.`;
  });
  protected readonly loadError = computed(() =>
    apiErrorMessage(this.projects.error(), 'Impossible de charger les projets du Département. Vérifiez votre connexion puis réessayez.'),
  );

  protected applySharedFilters(shared: ProjectFilterValue): void {
    this.filters.update((filters) => ({ ...filters, ...shared }));
    this.pageIndex.set(0);
  }

  protected setFilter<K extends 'axis' | 'canton' | 'mine'>(key: K, value: DeptProjectFilters[K]): void {
    this.filters.update((filters) => ({ ...filters, [key]: value }));
    this.pageIndex.set(0);
  }

  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected cantonNames(project: DeptProjectSummaryDto): string {
    return project.cantons.length === 0 ? 'Aucun' : project.cantons.map((canton) => canton.name).join(', ');
  }

  protected waitingText(project: DeptProjectSummaryDto): string {
    return project.reportsAwaitingReview === 1
      ? '1 point à relire'
      : `${project.reportsAwaitingReview} points à relire`;
  }

  protected day(value: string): string {
    return formatCalendarDay(value);
  }
}
