import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/**
 * « Cette réponse vous a-t-elle aidé ? Oui / Non ». The chosen button stays pressed; the page sends the answer and says
 * whether it was recorded (`saved`, `error`), read out in a live region. The reader may change their mind.
 */
@Component({
  selector: 'pas-faq-feedback',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <div class="feedback" role="group" [attr.aria-labelledby]="questionId">
      <p class="question" [id]="questionId">Cette réponse vous a-t-elle aidé&nbsp;?</p>
      <div class="buttons">
        <button mat-stroked-button type="button" [attr.aria-pressed]="chosen() === true" (click)="choose(true)">
          @if (chosen() === true) {
            <span class="tick" aria-hidden="true">✓</span>
          }
          Oui
        </button>
        <button mat-stroked-button type="button" [attr.aria-pressed]="chosen() === false" (click)="choose(false)">
          @if (chosen() === false) {
            <span class="tick" aria-hidden="true">✓</span>
          }
          Non
        </button>
      </div>
    </div>
    <p class="status" [class.status--error]="!!error()" aria-live="polite">{{ message() }}</p>
  `,
  styles: `
    :host {
      display: block;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
    }
    .feedback {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    .question {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .buttons {
      display: flex;
      gap: 8px;
    }
    button {
      min-width: 64px;
      min-height: 44px;
    }
    /* Pressed reads in colour and in shape (the tick), not in colour alone. */
    button[aria-pressed='true'] {
      background-color: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .tick {
      margin-inline-end: 4px;
    }
    .status {
      margin: 8px 0 0;
    }
    .status:empty {
      margin: 0;
    }
    .status--error {
      color: var(--mat-sys-error);
    }
  `,
})
export class FaqFeedback {
  /** The answer is being sent: another click waits (the buttons stay focusable, so focus is not lost). */
  readonly busy = input(false);
  /** The last answer was recorded. */
  readonly saved = input(false);
  /** Why the last answer was not recorded. */
  readonly error = input('');
  /** The reader's answer given on an earlier visit, pressed from the start (`null`: none). */
  readonly previous = input<boolean | null>(null);
  /** `true` for « Oui ». */
  readonly answered = output<boolean>();

  private static nextId = 0;
  protected readonly questionId = `faq-feedback-${FaqFeedback.nextId++}`;
  /** The answer chosen on this page, else the one of an earlier visit. */
  protected readonly chosen = linkedSignal<boolean | null>(() => this.previous());
  protected readonly message = computed(() => {
    if (this.error()) {
      return this.error();
    }
    if (!this.saved()) {
      return '';
    }
    return this.chosen()
      ? 'Merci pour votre réponse\u00a0!'
      : 'Merci\u00a0: votre avis aide le département à améliorer cette réponse.';
  });

  protected choose(helpful: boolean): void {
    if (this.busy()) {
      return;
    }
    this.chosen.set(helpful);
    this.answered.emit(helpful);
  }
}
