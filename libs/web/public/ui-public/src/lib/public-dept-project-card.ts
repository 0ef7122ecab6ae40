import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PROJECT_THEME_LABELS, type PublicDeptProjectSummaryDto } from '@passerelle/shared/dto';
import { ThemeIcon } from '@passerelle/web/projects/ui-project';
import { formatCalendarDay } from '@passerelle/web/shared/util-format';
import { DeptProgress } from './dept-progress';

/**
 * A project of the département in a list: cover, status and progress, axis, cantons, date of the last report. The
 * whole card is one link to `/projets-du-departement/:slug`.
 */
@Component({
  selector: 'pas-public-dept-project-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ThemeIcon, DeptProgress],
  template: `
    @let p = project();
    <a class="card" [routerLink]="link()">
      <div class="cover" aria-hidden="true">
        @if (p.coverUrl; as src) {
          <img [src]="src" alt="" loading="lazy" />
        } @else {
          <pas-theme-icon class="cover-placeholder" [theme]="p.theme" />
        }
      </div>
      <div class="body">
        <p class="kicker">Projet du Département · {{ themeLabel() }}</p>
        @switch (headingLevel()) {
          @case (2) {
            <h2 class="title">{{ p.title }}</h2>
          }
          @case (4) {
            <h4 class="title">{{ p.title }}</h4>
          }
          @default {
            <h3 class="title">{{ p.title }}</h3>
          }
        }
        <pas-dept-progress [status]="p.status" [progress]="p.progress" [label]="'Avancement de « ' + p.title + ' »'" />
        <dl class="facts">
          @if (p.axis) {
            <div>
              <dt>Axe</dt>
              <dd class="axis">{{ p.axis.label }}</dd>
            </div>
          }
          @if (p.cantons.length > 0) {
            <div>
              <dt>{{ p.cantons.length > 1 ? 'Cantons' : 'Canton' }}</dt>
              <dd class="cantons">{{ cantons() }}</dd>
            </div>
          }
          @if (p.lastReportOn) {
            <div>
              <dt>Dernier point</dt>
              <dd><time [attr.datetime]="p.lastReportOn">{{ day(p.lastReportOn) }}</time></dd>
            </div>
          }
        </dl>
      </div>
    </a>
  `,
  styles: `
    :host {
      display: block;
      height: 100%;
    }
    .card {
      display: flex;
      flex-direction: column;
      height: 100%;
      border-radius: 16px;
      overflow: hidden;
      background: var(--mat-sys-surface-container-low);
      border: 1px solid var(--mat-sys-outline-variant);
      border-top: 4px solid #5b2a86;
      color: inherit;
      text-decoration: none;
      &:hover {
        border-color: var(--mat-sys-primary);
      }
      &:focus-visible {
        outline: 3px solid var(--mat-sys-primary);
        outline-offset: 2px;
      }
    }
    .cover {
      position: relative;
      aspect-ratio: 16 / 9;
      overflow: hidden;
      background: var(--mat-sys-secondary-container);
      display: grid;
      place-items: center;
      img {
        position: absolute;
        inset: 0;
        width: 100%;
        height: 100%;
        object-fit: cover;
      }
    }
    .cover-placeholder {
      width: 48px;
      height: 48px;
      color: var(--mat-sys-on-secondary-container);
    }
    .body {
      padding: 12px 16px 16px;
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    .kicker {
      margin: 0;
      font: var(--mat-sys-label-large);
      color: #5b2a86;
    }
    .title {
      font: var(--mat-sys-title-medium);
      margin: 0;
      overflow-wrap: anywhere;
    }
    .card:hover .title,
    .card:focus-visible .title {
      text-decoration: underline;
    }
    .facts {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      div {
        display: flex;
        gap: 6px;
      }
      dt::after {
        content: ' :';
      }
      dd {
        margin: 0;
      }
    }
    @media (max-width: 599.98px) {
      .cover {
        display: none;
      }
    }
  `,
})
export class PublicDeptProjectCard {
  readonly project = input.required<PublicDeptProjectSummaryDto>();
  readonly headingLevel = input<2 | 3 | 4>(3);

  protected readonly link = computed(() => ['/projets-du-departement', this.project().slug]);
  protected readonly themeLabel = computed(() => PROJECT_THEME_LABELS[this.project().theme]);
  protected readonly cantons = computed(() => this.project().cantons.map((c) => c.name).join(', '));
  protected readonly day = formatCalendarDay;
}
