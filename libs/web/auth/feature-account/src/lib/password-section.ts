import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { PASSWORD_MIN_LENGTH } from '@passerelle/shared/dto';
import { AccountApi } from '@passerelle/web/auth/data-access';
import { NEW_PASSWORD_VALIDATORS, NewPasswordFields } from '@passerelle/web/auth/ui-password';
import {
  ErrorSummary,
  type ErrorSummaryItem,
  fieldErrorMessage,
  formErrorItems,
  sameAs,
  showServerErrors,
  FocusOnText,
} from '@passerelle/web/shared/ui-material';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';

/** Password change; the API ends the user's other sessions, which the message says. */
@Component({
  selector: 'pas-password-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FocusOnText, 
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    NewPasswordFields,
    ErrorSummary,
  ],
  template: `
    <h2 id="password-title">Mot de passe</h2>
    <p class="required-note">Les champs marqués * sont obligatoires.</p>
    <pas-error-summary [items]="errorSummary()" />
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate aria-labelledby="password-title">
      <mat-form-field appearance="outline">
        <mat-label>Mot de passe actuel</mat-label>
        <input
          matInput
          type="password"
          id="password-currentPassword"
          formControlName="currentPassword"
          autocomplete="current-password"
          required
        />
        <mat-error>{{ fieldErrorMessage(form.controls.currentPassword) }}</mat-error>
      </mat-form-field>
      <pas-new-password-fields
        [hint]="hint"
        [password]="form.controls.newPassword"
        [confirmation]="form.controls.confirmation"
        passwordId="password-newPassword"
        confirmationId="password-confirmation"
        [required]="true"
      />
      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="saving()">Changer le mot de passe</button>
      </div>
    </form>
    <p class="notice" role="status" [pasFocusOnText]="notice()">{{ notice() }}</p>
    <div class="progress">
      @if (saving()) {
        <mat-progress-bar mode="indeterminate" aria-label="Enregistrement" />
      }
    </div>
  `,
  styleUrl: './_account-section.scss',
})
export class PasswordSection {
  private readonly api = inject(AccountApi);

  protected readonly hint = `Au moins ${PASSWORD_MIN_LENGTH} caractères\u00a0; une phrase de plusieurs mots convient très bien.`;
  protected readonly form = new FormGroup({
    currentPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    newPassword: new FormControl('', { nonNullable: true, validators: NEW_PASSWORD_VALIDATORS }),
    confirmation: new FormControl('', { nonNullable: true, validators: [Validators.required, sameAs('newPassword')] }),
  });
  protected readonly saving = busyFlag();
  protected readonly error = signal('');
  /** The fields to correct, listed above the form after a failed submit. */
  protected readonly errorSummary = signal<ErrorSummaryItem[]>([]);
  protected readonly notice = signal('');
  protected readonly fieldErrorMessage = fieldErrorMessage;

  protected submit(): void {
    if (this.saving()) {
      return;
    }
    this.form.controls.confirmation.updateValueAndValidity();
    this.errorSummary.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.showErrorSummary();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.error.set('');
    this.notice.set('');
    this.api
      .changePassword(currentPassword, newPassword)
      .pipe(this.saving.track)
      .subscribe({
        next: () => {
          this.form.reset();
          this.notice.set('Votre mot de passe est changé. Vos autres sessions ont été fermées.');
        },
        error: (error: unknown) => {
          if (showServerErrors(this.form, error, { password: 'newPassword' })) {
            this.showErrorSummary();
          } else {
            this.error.set(apiErrorMessage(error));
          }
        },
      });
  }

  private showErrorSummary(): void {
    this.errorSummary.set(formErrorItems(this.form, { prefix: 'password' }));
  }
}
