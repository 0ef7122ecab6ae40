import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PROJECT_THEME_LABELS, type ProjectSummaryDto } from '@passerelle/shared/dto';
import { formatCalendarDay } from '@passerelle/web/shared/util-format';
import { StatusChip } from './status-chip';
import { ThemeIcon } from './theme-icon';

/**
 * A page of projects as a table, for those who compare many (the département's agents): one row per project, its
 * title a link to the fiche. A plain semantic table: caption, column and row headers.
 */
@Component({
  selector: 'pas-project-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, StatusChip, ThemeIcon],
  template: `
    <div class="scroller">
      <table>
        <caption class="visually-hidden">{{ caption() }}</caption>
        <thead>
          <tr>
            <th scope="col">Projet</th>
            @if (showCommune()) {
              <th scope="col">Commune</th>
            }
            <th scope="col">Thème</th>
            <th scope="col">Statut</th>
            <th scope="col" class="num">Avancement</th>
            <th scope="col">Prochaine étape</th>
          </tr>
        </thead>
        <tbody>
          @for (project of projects(); track project.id) {
            <tr>
              <th scope="row" class="title">
                <a [routerLink]="linkBase() + '/' + project.id">{{ project.title }}</a>
              </th>
              @if (showCommune()) {
                <td>{{ project.commune.name }}</td>
              }
              <td>
                <span class="theme">
                  <pas-theme-icon [theme]="project.theme" />
                  {{ themeLabels[project.theme] }}
                </span>
              </td>
              <td class="status"><pas-status-chip [status]="project.status" /></td>
              <td class="num">{{ project.progress }}&nbsp;%</td>
              <td>
                @if (project.nextMilestone; as milestone) {
                  {{ milestone.title }}
                  <time class="hint" [attr.datetime]="milestone.date">{{ day(milestone.date) }}</time>
                } @else {
                  <span class="hint">Aucune étape à venir</span>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .scroller {
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    table {
      width: 100%;
      min-width: 48rem;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      padding: 10px 12px;
      text-align: start;
      vertical-align: top;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    tbody tr:last-child > * {
      border-bottom: 0;
    }
    thead th {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      white-space: nowrap;
    }
    .title {
      min-width: 14rem;
      font: var(--mat-sys-body-large);
      font-weight: 500;
    }
    .theme {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      pas-theme-icon {
        flex: none;
        width: 20px;
        height: 20px;
        color: var(--mat-sys-on-surface-variant);
      }
    }
    .num,
    .status {
      white-space: nowrap;
    }
    .num {
      text-align: end;
    }
    .hint {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    tbody tr:hover {
      background: var(--mat-sys-surface-container-low);
    }
  `,
})
export class ProjectTable {
  readonly projects = input.required<readonly ProjectSummaryDto[]>();
  /** Where the titles lead, without the trailing slash; the project's id is appended. */
  readonly linkBase = input.required<string>();
  readonly showCommune = input(false);
  readonly caption = input('Projets');

  protected readonly themeLabels = PROJECT_THEME_LABELS;
  protected readonly day = formatCalendarDay;
}
