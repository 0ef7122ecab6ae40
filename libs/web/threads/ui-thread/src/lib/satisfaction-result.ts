import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  EFFORT_LABELS,
  EFFORT_STATEMENT,
  SATISFACTION_LABELS,
  SATISFACTION_QUESTION,
  type SatisfactionDto,
} from '@passerelle/shared/dto';
import { formatDateTime } from '@passerelle/web/shared/util-format';

/**
 * The commune's answer to the satisfaction question and, when it gave one, its agreement with the effort statement,
 * with a thank-you right after they were given.
 */
@Component({
  selector: 'pas-satisfaction-result',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (thanks()) {
      <p class="thanks" role="status">Merci pour votre réponse&nbsp;: elle aide le département à s’améliorer.</p>
    }
    <p class="question">{{ question }}</p>
    <p class="answer">
      <strong>{{ label() }}</strong><span class="score"> ({{ satisfaction().score }} sur 5)</span>
    </p>
    @if (satisfaction().effort; as effort) {
      <p class="question question--effort">«&nbsp;{{ effortStatement }}&nbsp;»</p>
      <p class="answer effort">
        <strong>{{ effortLabels[effort] }}</strong><span class="score"> ({{ effort }} sur 7)</span>
      </p>
    }
    @if (satisfaction().comment; as comment) {
      <blockquote class="comment">{{ comment }}</blockquote>
    }
    <p class="by">Réponse de {{ satisfaction().answeredBy }} le {{ when(satisfaction().answeredAt) }}</p>
  `,
  styles: `
    :host {
      display: block;
    }
    p {
      margin: 0 0 4px;
    }
    .thanks {
      padding: 8px 12px;
      margin-bottom: 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .question,
    .score,
    .by {
      color: var(--mat-sys-on-surface-variant);
    }
    .answer {
      font: var(--mat-sys-title-medium);
    }
    .question--effort {
      margin-top: 12px;
    }
    .comment {
      margin: 8px 0;
      padding-inline-start: 12px;
      border-inline-start: 3px solid var(--mat-sys-outline-variant);
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .by {
      font: var(--mat-sys-body-small);
    }
  `,
})
export class SatisfactionResult {
  readonly satisfaction = input.required<SatisfactionDto>();
  /** Just answered by the current user. */
  readonly thanks = input(false);

  protected readonly question = SATISFACTION_QUESTION;
  protected readonly label = computed(() => SATISFACTION_LABELS[this.satisfaction().score]);
  protected readonly effortStatement = EFFORT_STATEMENT;
  protected readonly effortLabels = EFFORT_LABELS;
  protected readonly when = formatDateTime;
}
