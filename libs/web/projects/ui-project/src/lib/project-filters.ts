import { ChangeDetectionStrategy, Component } from '@angular/core';
import { outputFromObservable } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  PROJECT_STATUS_LABELS,
  PROJECT_STATUSES,
  PROJECT_THEME_LABELS,
  PROJECT_THEMES,
  type ProjectStatus,
  type ProjectTheme,
} from '@passerelle/shared/dto';
import { combineLatest, debounceTime, distinctUntilChanged, map, skip, startWith } from 'rxjs';

/** The filters every project list offers; `''` stands for "all". */
export interface ProjectFilterValue {
  /** The search text, trimmed. */
  q: string;
  status: ProjectStatus | '';
  theme: ProjectTheme | '';
}

export const NO_PROJECT_FILTERS: ProjectFilterValue = { q: '', status: '', theme: '' };

/** How long the search waits for the user to pause typing, so that each keystroke does not fire a request. */
export const PROJECT_SEARCH_DEBOUNCE_MS = 300;

/** Whether any of the filters narrows the list (an empty list then means "no match", not "no project yet"). */
export function hasProjectFilters(filters: ProjectFilterValue): boolean {
  return !!(filters.q || filters.status || filters.theme);
}

function sameFilters(a: ProjectFilterValue, b: ProjectFilterValue): boolean {
  return a.q === b.q && a.status === b.status && a.theme === b.theme;
}

/**
 * The search field and the status and theme selects of a project list. Emits the filters as they apply: the search
 * once the user pauses typing, the selects at once. A page with more filters projects them between the search and the
 * selects; it lays the fields out with `--project-filters-columns` (grid columns) and `--project-filters-search-column`
 * (where the search goes), the phone layout being one column anyway.
 */
@Component({
  selector: 'pas-project-filters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <form class="filters" role="search" aria-label="Filtrer les projets" (submit)="$event.preventDefault()">
      <mat-form-field appearance="outline" class="search">
        <mat-label>Rechercher un projet</mat-label>
        <input matInput type="search" [formControl]="search" autocomplete="off" />
      </mat-form-field>
      <ng-content />
      <mat-form-field appearance="outline">
        <mat-label>Statut</mat-label>
        <mat-select [formControl]="status">
          <mat-option value="">Tous les statuts</mat-option>
          @for (s of statuses; track s) {
            <mat-option [value]="s">{{ statusLabels[s] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Thème</mat-label>
        <mat-select [formControl]="theme">
          <mat-option value="">Tous les thèmes</mat-option>
          @for (t of themes; track t) {
            <mat-option [value]="t">{{ themeLabels[t] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </form>
  `,
  styles: `
    :host {
      display: block;
    }
    .filters {
      display: grid;
      grid-template-columns: var(--project-filters-columns, 2fr 1fr 1fr);
      gap: 0 16px;
      @media (max-width: 599.98px) {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .search {
      grid-column: var(--project-filters-search-column, auto);
    }
  `,
})
export class ProjectFilters {
  protected readonly statuses = PROJECT_STATUSES;
  protected readonly statusLabels = PROJECT_STATUS_LABELS;
  protected readonly themes = PROJECT_THEMES;
  protected readonly themeLabels = PROJECT_THEME_LABELS;
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly status = new FormControl<ProjectStatus | ''>('', { nonNullable: true });
  protected readonly theme = new FormControl<ProjectTheme | ''>('', { nonNullable: true });

  /** Only real changes: typing a space, or retyping the same text before the pause, emits nothing. */
  readonly filtersChange = outputFromObservable(
    combineLatest({
      q: this.search.valueChanges.pipe(
        debounceTime(PROJECT_SEARCH_DEBOUNCE_MS),
        map((value) => value.trim()),
        startWith(NO_PROJECT_FILTERS.q),
      ),
      status: this.status.valueChanges.pipe(startWith(NO_PROJECT_FILTERS.status)),
      theme: this.theme.valueChanges.pipe(startWith(NO_PROJECT_FILTERS.theme)),
    }).pipe(distinctUntilChanged(sameFilters), skip(1)),
  );
}
