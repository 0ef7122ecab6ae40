import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule, type ValidatorFn, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { fieldErrorMessage } from '@passerelle/web/shared/ui-material';

/** Six digits, optionally typed as "123 456" as authenticator apps display them. */
export const TOTP_CODE_VALIDATORS: ValidatorFn[] = [Validators.required, Validators.pattern(/^\s*\d{3}\s?\d{3}\s*$/)];

/**
 * The "Code à 6 chiffres" field of the sign-in step, the enrolment at sign-in and the account's set-up. The control
 * stays in the page's form (validation, submission, API errors); this component only shows it.
 */
@Component({
  selector: 'pas-totp-code-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>Code à 6 chiffres</mat-label>
      <input matInput type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="7" [formControl]="control()" />
      <mat-error>{{ control().hasError('pattern') ? 'Le code compte 6 chiffres.' : fieldErrorMessage(control()) }}</mat-error>
    </mat-form-field>
  `,
  // Laid out as if written in the page's form.
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class TotpCodeField {
  readonly control = input.required<FormControl<string>>();

  protected readonly fieldErrorMessage = fieldErrorMessage;
}
