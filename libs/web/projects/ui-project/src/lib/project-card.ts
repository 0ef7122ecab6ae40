import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { PROJECT_STATUS_LABELS, PROJECT_THEME_LABELS, type ProjectSummaryDto } from '@passerelle/shared/dto';
import { formatCalendarDay } from '@passerelle/web/shared/util-format';
import { StatusChip } from './status-chip';
import { ThemeIcon } from './theme-icon';

/** A project in a list: the whole card is one link to the fiche. */
@Component({
  selector: 'pas-project-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatProgressBarModule, StatusChip, ThemeIcon],
  template: `
    <a class="card" [routerLink]="link()">
      <div class="cover" [class.cover--icon]="!coverSrc()" aria-hidden="true">
        @if (coverSrc(); as src) {
          <img [src]="src" alt="" />
        } @else {
          <pas-theme-icon class="cover-placeholder" [theme]="project().theme" />
        }
      </div>
      <div class="body">
        <div class="meta">
          <pas-status-chip [status]="project().status" />
          <span class="theme">{{ themeLabel() }}</span>
        </div>
        <h3 class="title">{{ project().title }}</h3>
        @if (showCommune()) {
          <p class="commune">{{ project().commune.name }}</p>
        }
        <div class="progress">
          <mat-progress-bar
            mode="determinate"
            [value]="project().progress"
            [attr.aria-label]="'Avancement de ' + project().title"
          />
          <span class="percent">{{ project().progress }}&nbsp;%</span>
        </div>
        @if (project().nextMilestone; as milestone) {
          <p class="milestone">
            Prochaine étape&nbsp;: {{ milestone.title }} — <time [attr.datetime]="milestone.date">{{ day(milestone.date) }}</time>
          </p>
        } @else {
          <p class="milestone milestone--none">Aucune étape à venir</p>
        }
      </div>
    </a>
  `,
  styles: `
    :host {
      display: block;
    }
    .card {
      display: flex;
      flex-direction: column;
      height: 100%;
      border-radius: 16px;
      overflow: hidden;
      background: var(--mat-sys-surface-container-low);
      border: 1px solid var(--mat-sys-outline-variant);
      color: inherit;
      text-decoration: none;
      &:hover {
        border-color: var(--mat-sys-primary);
      }
    }
    .cover {
      aspect-ratio: 16 / 7;
      background: var(--mat-sys-secondary-container);
      display: grid;
      place-items: center;
      img {
        width: 100%;
        height: 100%;
        object-fit: cover;
      }
    }
    /* Without a photo, the theme's pictogram (its name is written below). */
    .cover-placeholder {
      width: 48px;
      height: 48px;
      color: var(--mat-sys-on-secondary-container);
    }
    /* On a phone the cards stack: a band as tall as a photo would only push the list down. */
    @media (max-width: 599.98px) {
      .cover--icon {
        aspect-ratio: auto;
        height: 56px;
      }
      .cover--icon .cover-placeholder {
        width: 32px;
        height: 32px;
      }
    }
    .body {
      padding: 12px 16px 16px;
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .theme,
    .commune,
    .milestone {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      margin: 0;
    }
    .title {
      font: var(--mat-sys-title-medium);
      margin: 0;
      text-decoration: underline;
      text-decoration-color: transparent;
    }
    .card:hover .title {
      text-decoration-color: currentColor;
    }
    .progress {
      display: flex;
      align-items: center;
      gap: 8px;
      mat-progress-bar {
        flex: 1;
      }
    }
    .percent {
      font: var(--mat-sys-label-large);
      min-width: 3.5em;
      text-align: end;
    }
  `,
})
export class ProjectCard {
  readonly project = input.required<ProjectSummaryDto>();
  /** Where the card leads, e.g. `/espace/projets/<id>`. */
  readonly link = input.required<string>();
  /** The cover thumbnail as a `blob:` URL (the API's needs the token), `null` while it loads or when there is none. */
  readonly coverSrc = input<string | null>(null);
  /** The département's list mixes communes. */
  readonly showCommune = input(false);

  protected readonly themeLabel = computed(() => PROJECT_THEME_LABELS[this.project().theme]);
  protected readonly statusLabel = computed(() => PROJECT_STATUS_LABELS[this.project().status]);
  protected readonly day = formatCalendarDay;
}
