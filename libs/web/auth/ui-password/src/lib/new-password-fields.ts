import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule, type ValidatorFn, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@passerelle/shared/dto';
import { fieldErrorMessage } from '@passerelle/web/shared/ui-material';

export const PASSWORD_HINT = `Au moins ${PASSWORD_MIN_LENGTH} caractères. Une phrase de plusieurs mots est plus facile à retenir et plus sûre qu’un mot compliqué.`;

/**
 * The API's password policy, checked before sending so that the user sees it under the field at once. The confirmation
 * control takes `[Validators.required, sameAs('<password control>')]` from `@passerelle/web/shared/ui-material`.
 */
export const NEW_PASSWORD_VALIDATORS: ValidatorFn[] = [
  Validators.required,
  Validators.minLength(PASSWORD_MIN_LENGTH),
  Validators.maxLength(PASSWORD_MAX_LENGTH),
];

/**
 * The "new password" and "confirmation" fields of the invitation, password reset and password change forms. The
 * controls stay in the page's form, which validates, submits and puts the API's field errors on them
 * (`showServerErrors`); this component only shows them, with their hint and error messages. Although the page changes
 * the controls from outside, this OnPush view follows them: `[formControl]` reads their touched and status signals.
 */
@Component({
  selector: 'pas-new-password-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        type="password"
        [id]="passwordId()"
        [formControl]="password()"
        autocomplete="new-password"
        [required]="required()"
      />
      <mat-hint>{{ hint() }}</mat-hint>
      <mat-error>{{ fieldErrorMessage(password()) }}</mat-error>
    </mat-form-field>
    <mat-form-field appearance="outline">
      <mat-label>{{ confirmationLabel() }}</mat-label>
      <input
        matInput
        type="password"
        [id]="confirmationId()"
        [formControl]="confirmation()"
        autocomplete="new-password"
        [required]="required()"
      />
      <mat-error>{{ fieldErrorMessage(confirmation()) }}</mat-error>
    </mat-form-field>
  `,
  // The fields lay out as if they were written in the page's form (its flex column and gap).
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class NewPasswordFields {
  readonly password = input.required<FormControl<string>>();
  readonly confirmation = input.required<FormControl<string>>();
  /** "Mot de passe" when creating an account; the browser tests find the fields by these labels. */
  readonly label = input('Nouveau mot de passe');
  readonly confirmationLabel = input('Confirmation du mot de passe');
  readonly hint = input(PASSWORD_HINT);
  /** The inputs' ids, for an error summary's links to reach them; Material's own when empty. */
  readonly passwordId = input('');
  readonly confirmationId = input('');
  /** Marks both fields required (asterisk) where the form says what the asterisk means. */
  readonly required = input(false);

  protected readonly fieldErrorMessage = fieldErrorMessage;
}
