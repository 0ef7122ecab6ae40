import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { PUBLIC_PROJECT_KIND_LABELS, PUBLIC_PROJECT_KINDS, type PublicProjectKind } from '@passerelle/shared/dto';
import { PROJECT_PIN_SHAPES } from './project-pin-shapes';

/**
 * The legend of the project map: each kind's marker beside its name, and the cluster circle. A list with text, so
 * that the markers are told apart without their colours (RGAA 3.1). `kinds` lists the kinds shown.
 */
@Component({
  selector: 'pas-project-map-legend',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="title" [id]="titleId">Légende</p>
    <ul [attr.aria-labelledby]="titleId">
      @for (item of items(); track item.kind) {
        <li [class]="'item item--' + item.kind.toLowerCase()">
          <svg viewBox="0 0 24 32" width="18" height="24" aria-hidden="true" focusable="false">
            <path class="body" [attr.d]="item.shape.body" />
            <path class="sign" [attr.d]="item.shape.sign" />
          </svg>
          <span>{{ item.label }}</span>
        </li>
      }
      <li class="item item--cluster">
        <span class="cluster" aria-hidden="true">3</span>
        <span>Plusieurs projets proches (activer pour rapprocher)</span>
      </li>
    </ul>
  `,
  styles: `
    :host {
      display: block;
      font: var(--mat-sys-body-medium);
    }
    .title {
      margin: 0 0 4px;
      font: var(--mat-sys-label-large);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 20px;
    }
    .item {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .body {
      stroke: #fff;
      stroke-width: 2;
    }
    .sign {
      fill: #fff;
    }
    .item--commune .body {
      fill: #c25e00;
    }
    .item--departement .body {
      fill: #5b2a86;
    }
    .cluster {
      display: inline-grid;
      place-items: center;
      width: 22px;
      height: 22px;
      border-radius: 50%;
      background: #1f5fbf;
      color: #fff;
      font: 700 12px/1 system-ui, sans-serif;
    }
  `,
})
export class ProjectMapLegend {
  /** The kinds shown on the map (both by default). */
  readonly kinds = input<readonly PublicProjectKind[]>(PUBLIC_PROJECT_KINDS);

  protected readonly titleId = `project-map-legend-${nextId++}`;
  protected readonly items = computed(() =>
    this.kinds().map((kind) => ({ kind, label: PUBLIC_PROJECT_KIND_LABELS[kind], shape: PROJECT_PIN_SHAPES[kind] })),
  );
}

let nextId = 0;
