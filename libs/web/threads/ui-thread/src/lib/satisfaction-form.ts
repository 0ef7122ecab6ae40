import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import {
  EFFORT_LABELS,
  EFFORT_SCORES,
  EFFORT_STATEMENT,
  type EffortScore,
  SATISFACTION_LABELS,
  SATISFACTION_QUESTION,
  SATISFACTION_SCORES,
  type SatisfactionInput,
  type SatisfactionScore,
  THREAD_LIMITS,
} from '@passerelle/shared/dto';
import { fieldErrorMessage, injectFocusInvalidField } from '@passerelle/web/shared/ui-material';

/** The effort question's answer: a score, « Passer cette question », or nothing chosen (skipped as well). */
type EffortChoice = EffortScore | 'SKIP' | null;

let nextFormId = 0;

/**
 * The question asked when a thread is closed, five answers from "très difficilement" to "très facilement"
 * (a radio group: arrow keys move between them), then the effort statement (CES, 1 to 7, optional: a radio once
 * chosen cannot be unchecked, hence « Passer cette question ») and an optional comment. The form keeps what was
 * chosen when the request fails.
 */
@Component({
  selector: 'pas-satisfaction-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatRadioModule],
  template: `
    <form [formGroup]="form" novalidate (ngSubmit)="submit()">
      <fieldset>
        <legend id="satisfaction-question">{{ question }}</legend>
        <mat-radio-group formControlName="score" class="choices" aria-labelledby="satisfaction-question">
          @for (score of scores; track score) {
            <mat-radio-button [value]="score">{{ labels[score] }}</mat-radio-button>
          }
        </mat-radio-group>
        @if (form.controls.score.touched && form.controls.score.invalid) {
          <p class="error" role="alert">Choisissez une des cinq réponses.</p>
        }
      </fieldset>
      <fieldset>
        <legend [id]="effortId">
          «&nbsp;{{ effortStatement }}&nbsp;» <span class="optional">(facultatif)</span>
        </legend>
        <p class="hint" [id]="effortId + '-hint'">
          Dites si vous êtes d’accord avec cette phrase, de 1 (pas du tout d’accord) à 7 (tout à fait d’accord).
        </p>
        <mat-radio-group
          formControlName="effort"
          class="choices choices--scale"
          [attr.aria-labelledby]="effortId"
          [attr.aria-describedby]="effortId + '-hint'"
        >
          @for (effort of efforts; track effort) {
            <mat-radio-button [value]="effort">{{ effort }}&nbsp;– {{ effortLabels[effort] }}</mat-radio-button>
          }
          <mat-radio-button value="SKIP">Passer cette question</mat-radio-button>
        </mat-radio-group>
      </fieldset>
      <mat-form-field appearance="outline" class="comment">
        <mat-label>Commentaire (facultatif)</mat-label>
        <textarea matInput formControlName="comment" rows="3" [attr.maxlength]="maxComment"></textarea>
        <mat-hint>Il sera lu par le département.</mat-hint>
        <mat-error>{{ commentError() }}</mat-error>
      </mat-form-field>
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
      <button mat-flat-button type="submit" [disabled]="sending()">Envoyer mon avis</button>
    </form>
  `,
  styles: `
    fieldset {
      border: 0;
      margin: 0 0 12px;
      padding: 0;
    }
    legend {
      font: var(--mat-sys-title-medium);
      margin-bottom: 8px;
    }
    .optional,
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .hint {
      margin: 0 0 4px;
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0 8px;
      @media (max-width: 599.98px) {
        flex-direction: column;
      }
    }
    // Seven degrees of agreement read best as a list, whatever the width.
    .choices--scale {
      flex-direction: column;
    }
    .comment {
      width: 100%;
    }
    .error {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class SatisfactionForm {
  readonly sending = input(false);
  readonly error = input('');
  readonly rate = output<SatisfactionInput>();

  protected readonly question = SATISFACTION_QUESTION;
  protected readonly scores = SATISFACTION_SCORES;
  protected readonly labels = SATISFACTION_LABELS;
  protected readonly effortStatement = EFFORT_STATEMENT;
  protected readonly efforts = EFFORT_SCORES;
  protected readonly effortLabels = EFFORT_LABELS;
  protected readonly effortId = `effort-question-${nextFormId++}`;
  protected readonly maxComment = THREAD_LIMITS.comment;
  /**
   * Two short fields, the first a radio group: the error shows under the one to correct and focus goes to it (its
   * first answer), without an error summary.
   */
  private readonly focusInvalidField = injectFocusInvalidField(
    'mat-radio-group.ng-invalid input[type="radio"], .mat-form-field-invalid textarea',
  );
  protected readonly form = new FormGroup({
    score: new FormControl<SatisfactionScore | null>(null, Validators.required),
    effort: new FormControl<EffortChoice>(null),
    comment: new FormControl('', { nonNullable: true, validators: Validators.maxLength(THREAD_LIMITS.comment) }),
  });

  protected commentError(): string {
    return fieldErrorMessage(this.form.controls.comment);
  }

  protected submit(): void {
    const { score, effort, comment } = this.form.getRawValue();
    if (this.form.invalid || score === null) {
      this.form.markAllAsTouched();
      this.focusInvalidField();
      return;
    }
    const trimmed = comment.trim();
    this.rate.emit({
      score,
      effort: effort === null || effort === 'SKIP' ? null : effort,
      comment: trimmed === '' ? null : trimmed,
    });
  }
}
