import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PROJECT_THEME_LABELS, type PublicProjectSummaryDto } from '@passerelle/shared/dto';
import { ThemeIcon } from '@passerelle/web/projects/ui-project';
import { formatEuros } from '@passerelle/web/shared/util-format';

/**
 * A published project in a list (search results, latest publications, similar projects): the whole card is one link
 * to its public page. The title is a heading whose level follows the list's place in the page (`h3` under an `h2`
 * by default).
 */
@Component({
  selector: 'pas-public-project-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ThemeIcon],
  template: `
    <a class="card" [routerLink]="link()">
      <div class="cover" aria-hidden="true">
        @if (project().coverUrl; as src) {
          <img [src]="src" alt="" loading="lazy" />
        } @else {
          <pas-theme-icon class="cover-placeholder" [theme]="project().theme" />
        }
      </div>
      <div class="body">
        <p class="theme">{{ themeLabel() }}</p>
        @switch (headingLevel()) {
          @case (2) {
            <h2 class="title">{{ project().title }}</h2>
          }
          @case (4) {
            <h4 class="title">{{ project().title }}</h4>
          }
          @default {
            <h3 class="title">{{ project().title }}</h3>
          }
        }
        <p class="place">
          {{ project().commune.name }}
          @if (project().year; as year) {
            <span aria-hidden="true"> · </span><span class="visually-hidden">, </span>{{ year }}
          }
        </p>
        @if (project().finalCostCents !== null) {
          <p class="cost">Coût final&nbsp;: {{ cost() }}</p>
        }
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
    /* Without a photo, the theme's pictogram (its name is written beside). */
    .cover-placeholder {
      width: 48px;
      height: 48px;
      color: var(--mat-sys-on-secondary-container);
    }
    /* On a phone the cards stack: a small square cover leaves room for more results on the screen. */
    @media (max-width: 599.98px) {
      .card {
        flex-direction: row;
      }
      .cover {
        flex: 0 0 6.5rem;
        aspect-ratio: auto;
        min-height: 6.5rem;
      }
      .cover-placeholder {
        width: 36px;
        height: 36px;
      }
      .body {
        flex: 1;
        min-width: 0;
        padding: 10px 12px;
      }
    }
    .body {
      padding: 12px 16px 16px;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .theme {
      margin: 0;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
    }
    .title {
      font: var(--mat-sys-title-medium);
      margin: 0;
      text-decoration: underline;
      text-decoration-color: transparent;
      overflow-wrap: anywhere;
    }
    .card:hover .title,
    .card:focus-visible .title {
      text-decoration-color: currentColor;
    }
    .place,
    .cost {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      margin: 0;
    }
  `,
})
export class PublicProjectCard {
  readonly project = input.required<PublicProjectSummaryDto>();
  /** Level of the title: 3 under a section's `h2` (the default), 2 directly under the page's `h1`. */
  readonly headingLevel = input<2 | 3 | 4>(3);

  protected readonly link = computed(() => ['/projets', this.project().slug]);
  protected readonly themeLabel = computed(() => PROJECT_THEME_LABELS[this.project().theme]);
  protected readonly cost = computed(() => formatEuros(this.project().finalCostCents));
}
