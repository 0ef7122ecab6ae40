import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { DurationFigure } from '@passerelle/shared/dto';
import { formatWorkingDuration } from './format-duration';
import { durationCountText } from './format-figure';

/**
 * A duration's median and 90th percentile with the count they are computed on; under the minimum both read « — »,
 * and the count says why.
 */
@Component({
  selector: 'pas-duration-figure',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dl class="values">
      <div>
        <dt>Médiane</dt>
        <dd class="value">{{ p50() }}</dd>
      </div>
      <div>
        <dt>90<sup>e</sup> centile</dt>
        <dd class="value">{{ p90() }}</dd>
      </div>
    </dl>
    <p class="count">{{ countText() }}</p>
  `,
  styles: `
    :host {
      display: block;
    }
    .values {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 24px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .value {
      font: var(--mat-sys-headline-small);
    }
    .count {
      margin: 4px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class DurationFigureView {
  readonly figure = input.required<DurationFigure>();
  /** The office day, to count working days (`2 j 3 h`); `null` keeps hours (`52 h 30`). */
  readonly dayMs = input<number | null>(null);
  /** How the counted cases are called: « question répondue », « questions répondues ». */
  readonly countWords = input<readonly [string, string]>(['question répondue', 'questions répondues']);
  /** A formatter other than working time (calendar time). */
  readonly format = input<((ms: number | null) => string) | null>(null);

  protected readonly p50 = computed(() => this.formatted(this.figure().p50Ms));
  protected readonly p90 = computed(() => this.formatted(this.figure().p90Ms));
  protected readonly countText = computed(() => {
    const [singular, plural] = this.countWords();
    const text = durationCountText(this.figure(), singular, plural);
    return text.charAt(0).toUpperCase() + text.slice(1);
  });

  private formatted(ms: number | null): string {
    const format = this.format();
    return format ? format(ms) : formatWorkingDuration(ms, this.dayMs());
  }
}
