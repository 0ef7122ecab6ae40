import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, input, model, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DEFAULT_PAGE_SIZE, type Page, type ProjectSummaryDto } from '@passerelle/shared/dto';
import { apiErrorMessage, formatCount } from '@passerelle/web/shared/util-format';
import { map } from 'rxjs';
import { ProjectCard } from './project-card';
import { ProjectTable } from './project-table';

/** Below this width a table would scroll sideways: the table layout shows cards there too. */
const PHONE = '(max-width: 599.98px)';

/**
 * A page of a project list: how many projects, the cards, the paginator, and the loading and error states. Content
 * projected into it is the empty state, shown instead of the cards when there is no project at all, filters aside.
 * The host provides the paginator's French labels (`provideFrenchPaginator()`).
 */
@Component({
  selector: 'pas-project-grid',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatPaginatorModule, MatProgressBarModule, ProjectCard, ProjectTable],
  template: `
    <p class="count" role="status">{{ countText() }}</p>
    <div class="progress">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Chargement des projets" />
      }
    </div>

    @if (error()) {
      <p class="error" role="alert">{{ errorText() }}</p>
      <button mat-stroked-button type="button" (click)="retry.emit()">Réessayer</button>
    } @else if (projects(); as page) {
      @if (page.total > 0 && asTable()) {
        <pas-project-table
          [projects]="page.items"
          [linkBase]="linkBase()"
          [showCommune]="showCommune()"
          [caption]="label()"
        />
      } @else if (page.total > 0) {
        <ul class="cards" [attr.aria-label]="label()">
          @for (project of page.items; track project.id) {
            <li>
              <pas-project-card
                [project]="project"
                [link]="linkBase() + '/' + project.id"
                [showCommune]="showCommune()"
                [coverSrc]="project.coverUrl ? (covers()[project.coverUrl] ?? null) : null"
              />
            </li>
          }
        </ul>
      }
      @if (page.total > 0) {
        @if (page.total > pageSize() || showSinglePagePaginator()) {
          <mat-paginator
            [length]="page.total"
            [pageIndex]="pageIndex()"
            [pageSize]="pageSize()"
            [pageSizeOptions]="[20, 50, 100]"
            (page)="changePage($event)"
          />
        }
      } @else if (!filtered()) {
        <ng-content />
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .count {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .progress {
      height: 4px;
      margin: 8px 0;
    }
    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      gap: 16px;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class ProjectGrid {
  /** The page loaded, `undefined` until the first one arrives. */
  readonly projects = input<Page<ProjectSummaryDto> | undefined>(undefined);
  readonly loading = input(false);
  /** Why the list could not be loaded; the API's message is shown when it gave one. */
  readonly error = input<unknown>(undefined);
  /** Whether filters narrow the list: an empty result then reads as "no match" instead of the empty state. */
  readonly filtered = input(false);
  /** The words counted, singular and plural, e.g. `['projet trouvé', 'projets trouvés']`. */
  readonly countWords = input<readonly [singular: string, plural: string]>(['projet', 'projets']);
  /** Where the cards lead, without the trailing slash; the project's id is appended. */
  readonly linkBase = input.required<string>();
  /** The département's list mixes communes. */
  readonly showCommune = input(false);
  /** API cover address → `blob:` URL, for the covers that have arrived. */
  readonly covers = input<Readonly<Record<string, string>>>({});
  /** The list's name for assistive technologies (the table's caption). */
  readonly label = input('Projets');
  /** `table`: one row per project (the back office compares many); cards remain on a phone. */
  readonly layout = input<'cards' | 'table'>('cards');
  /** The back office keeps its paginator when one page holds everything, for its range and page size. */
  readonly showSinglePagePaginator = input(false);
  readonly pageIndex = model(0);
  readonly pageSize = model(DEFAULT_PAGE_SIZE);
  readonly retry = output();

  private readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe(PHONE)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly asTable = computed(() => this.layout() === 'table' && !this.phone());
  protected readonly countText = computed(() => {
    const page = this.projects();
    if (!page) {
      return '';
    }
    const [singular, plural] = this.countWords();
    return page.total === 0 && this.filtered()
      ? 'Aucun projet ne correspond à ces critères.'
      : formatCount(page.total, singular, plural);
  });
  protected readonly errorText = computed(() => apiErrorMessage(this.error(), 'Impossible de charger les projets.'));

  protected changePage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }
}
