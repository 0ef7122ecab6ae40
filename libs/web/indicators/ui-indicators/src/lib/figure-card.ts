import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import type { Comparison } from './comparison';

let nextId = 0;

/**
 * One figure of the dashboard: its title, the figure itself (content), its change since the previous period in words,
 * its definition behind « ? », and its actions (content marked `figureActions`, e.g. « Voir les questions »).
 */
@Component({
  selector: 'pas-figure-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="card" [attr.aria-labelledby]="id + '-title'">
      <div class="head">
        <h3 [id]="id + '-title'">{{ title() }}</h3>
        @if (definition()) {
          <button
            type="button"
            class="help"
            [attr.aria-expanded]="definitionOpen()"
            [attr.aria-controls]="id + '-definition'"
            [attr.aria-label]="'Définition : ' + title()"
            (click)="definitionOpen.set(!definitionOpen())"
          >
            ?
          </button>
        }
      </div>
      @if (definition()) {
        <p class="definition" [id]="id + '-definition'" [hidden]="!definitionOpen()">{{ definition() }}</p>
      }
      <div class="body"><ng-content /></div>
      @if (comparison(); as c) {
        <p class="comparison">
          <span class="arrow" aria-hidden="true">{{ arrows[c.direction] }}</span>
          <span>{{ c.text }}</span>
        </p>
      }
      <div class="actions"><ng-content select="[figureActions]" /></div>
    </article>
  `,
  styleUrl: './figure-card.scss',
})
export class FigureCard {
  readonly title = input.required<string>();
  readonly definition = input<string | null | undefined>(null);
  readonly comparison = input<Comparison | null>(null);

  protected readonly id = `figure-card-${nextId++}`;
  protected readonly definitionOpen = signal(false);
  protected readonly arrows: Record<Comparison['direction'], string> = { up: '↑', down: '↓', same: '=', none: '·' };
}
