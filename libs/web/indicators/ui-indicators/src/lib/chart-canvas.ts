import { afterNextRender, ChangeDetectionStrategy, Component, DestroyRef, type ElementRef, effect, inject, input, signal, viewChild } from '@angular/core';
import { CHART_RENDERER, type ChartHandle, type IndicatorChartConfig } from './chart-renderer';

/**
 * One chart in a canvas. The canvas is an image named by `label`; its values are in the table that goes with every
 * chart (`ChartFigure`), which screen-reader and keyboard users read instead. Drawn after the first render, again
 * whenever the configuration changes, destroyed with the component.
 */
@Component({
  selector: 'pas-chart-canvas',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="chart" [style.height.px]="height()">
      <canvas #canvas role="img" [attr.aria-label]="label()"></canvas>
    </div>
    @if (failed()) {
      <p class="chart-error">Le graphique n’a pas pu être affiché&nbsp;; le tableau en donne les valeurs.</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .chart {
      position: relative;
      width: 100%;
      min-width: 0;
    }
    .chart-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class ChartCanvas {
  readonly config = input.required<IndicatorChartConfig>();
  /** Accessible name of the chart, e.g. « Graphique des volumes par semaine ». */
  readonly label = input.required<string>();
  /** Chart.js fills its container: a container without a height would grow with every redraw. */
  readonly height = input(280);

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly render = inject(CHART_RENDERER);
  private readonly rendered = signal(false);
  protected readonly failed = signal(false);

  private handle: ChartHandle | null = null;
  /** One drawing at a time: Chart.js refuses a second chart on a canvas still in use. */
  private queue: Promise<void> = Promise.resolve();
  /** The latest configuration's turn: a configuration replaced while waiting is skipped. */
  private turns = 0;
  private destroyed = false;

  constructor() {
    afterNextRender(() => this.rendered.set(true));
    effect(() => {
      if (this.rendered()) {
        const config = this.config();
        const turn = ++this.turns;
        this.queue = this.queue.then(() => this.draw(config, turn));
      }
    });
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.handle?.destroy();
      this.handle = null;
    });
  }

  private async draw(config: IndicatorChartConfig, turn: number): Promise<void> {
    if (this.destroyed || turn !== this.turns) {
      return;
    }
    this.handle?.destroy();
    this.handle = null;
    try {
      const handle = await this.render(this.canvas().nativeElement, config);
      if (this.destroyed) {
        handle.destroy();
        return;
      }
      this.handle = handle;
      this.failed.set(false);
    } catch (error) {
      console.error(error);
      this.failed.set(true);
    }
  }
}
