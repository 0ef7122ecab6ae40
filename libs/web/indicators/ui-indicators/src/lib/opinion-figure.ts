import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { formatCount } from '@passerelle/web/shared/util-format';
import { formatAverage, formatShare } from './format-figure';

/** An opinion asked at closure (satisfaction out of 5, effort out of 7): its average and how many answered. */
@Component({
  selector: 'pas-opinion-figure',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="value">{{ averageText() }}</p>
    <p class="detail">{{ detail() }}</p>
  `,
  styles: `
    :host {
      display: block;
    }
    .value {
      font: var(--mat-sys-headline-small);
      margin: 0;
    }
    .detail {
      margin: 4px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class OpinionFigureView {
  readonly average = input.required<number | null>();
  readonly max = input.required<number>();
  /** Answers given. */
  readonly count = input.required<number>();
  /** Questions closed in the period, each of which could have been answered. */
  readonly closed = input.required<number>();
  readonly responseRate = input.required<number | null>();

  protected readonly averageText = computed(() => `Moyenne ${formatAverage(this.average(), this.max())}`);
  protected readonly detail = computed(() =>
    this.closed() === 0
      ? 'Aucune question fermée dans la période.'
      : `Taux de réponse ${formatShare(this.responseRate())} : ${formatCount(this.count(), 'réponse')} sur ${formatCount(this.closed(), 'question fermée', 'questions fermées')}.`,
  );
}
