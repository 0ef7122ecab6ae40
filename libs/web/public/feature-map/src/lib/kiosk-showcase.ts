import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  InjectionToken,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { PublicDeptProjectSummaryDto, PublicProjectSummaryDto } from '@passerelle/shared/dto';
import { PublicDeptProjectCard, PublicProjectCard } from '@passerelle/web/public/ui-public';

/** How long the touch desk shows each project of « À découvrir ». */
export const KIOSK_SHOWCASE_MS = new InjectionToken<number>('KIOSK_SHOWCASE_MS', {
  providedIn: 'root',
  factory: () => 10_000,
});

export type ShowcaseItem =
  | { kind: 'COMMUNE'; project: PublicProjectSummaryDto }
  | { kind: 'DEPARTEMENT'; project: PublicDeptProjectSummaryDto };

/** One of each in turn (a commune's, the département's, …), then the rest of the longer list. */
export function alternateProjects(
  communes: readonly PublicProjectSummaryDto[],
  departement: readonly PublicDeptProjectSummaryDto[],
): ShowcaseItem[] {
  const items: ShowcaseItem[] = [];
  for (let i = 0; i < Math.max(communes.length, departement.length); i++) {
    if (i < communes.length) {
      items.push({ kind: 'COMMUNE', project: communes[i] });
    }
    if (i < departement.length) {
      items.push({ kind: 'DEPARTEMENT', project: departement[i] });
    }
  }
  return items;
}

/**
 * « À découvrir » on the touch desk: one project at a time, the communes' and the département's in turn, changing by
 * itself. A button pauses it (RGAA 13.8: moving content can be stopped), and the previous and next buttons move by
 * hand. The change is not announced while it moves by itself, only when the visitor moves it.
 */
@Component({
  selector: 'pas-kiosk-showcase',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, PublicProjectCard, PublicDeptProjectCard],
  template: `
    @if (current(); as item) {
      <section class="showcase" aria-labelledby="showcase-title" aria-roledescription="carrousel">
        <div class="head">
          <h2 id="showcase-title">À découvrir</h2>
          <div class="controls">
            <button mat-stroked-button type="button" (click)="move(-1)">Précédent</button>
            <button mat-stroked-button type="button" (click)="playing.set(!playing())">
              {{ playing() ? 'Mettre en pause' : 'Reprendre le défilement' }}
            </button>
            <button mat-stroked-button type="button" (click)="move(1)">Suivant</button>
          </div>
        </div>
        <div class="slide" [attr.aria-live]="playing() ? 'off' : 'polite'">
          <p class="position">
            {{ item.kind === 'DEPARTEMENT' ? 'Projet du Département' : 'Projet d’une commune' }} — {{ index() + 1 }} sur
            {{ items().length }}
          </p>
          @if (item.kind === 'DEPARTEMENT') {
            <pas-public-dept-project-card [project]="item.project" />
          } @else {
            <pas-public-project-card [project]="item.project" />
          }
        </div>
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
      margin-top: 16px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      button {
        min-height: 56px;
        font-size: 1.1rem;
      }
    }
    .position {
      margin: 12px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .slide {
      max-width: 560px;
    }
  `,
})
export class KioskShowcase {
  readonly communes = input<readonly PublicProjectSummaryDto[]>([]);
  readonly departement = input<readonly PublicDeptProjectSummaryDto[]>([]);

  protected readonly items = computed(() => alternateProjects(this.communes(), this.departement()));
  protected readonly index = linkedSignal({ source: this.items, computation: () => 0 });
  protected readonly current = computed(() => this.items()[this.index()] ?? null);
  protected readonly playing = signal(true);

  constructor() {
    const delay = inject(KIOSK_SHOWCASE_MS);
    let timer: ReturnType<typeof setInterval> | null = null;
    const stop = () => {
      if (timer !== null) {
        clearInterval(timer);
        timer = null;
      }
    };
    effect((onCleanup) => {
      if (!this.playing() || this.items().length < 2) {
        return;
      }
      timer = setInterval(() => this.step(1), delay);
      onCleanup(stop);
    });
    inject(DestroyRef).onDestroy(stop);
  }

  protected move(delta: number): void {
    this.playing.set(false);
    this.step(delta);
  }

  private step(delta: number): void {
    const count = this.items().length;
    if (count > 0) {
      this.index.update((i) => (i + delta + count) % count);
    }
  }
}
