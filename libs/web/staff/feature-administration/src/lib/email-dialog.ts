import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { fieldErrorMessage, injectFocusInvalidField, showServerErrors } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { finalize, type Observable } from 'rxjs';
import { busyFlag } from '@passerelle/web/shared/util-forms';

export interface EmailDialogData {
  title: string;
  intro: string;
  /** A consequence to read before confirming (the previous mayor loses access). */
  warning?: string;
  label: string;
  confirmLabel: string;
  /** Sent from the dialog, so that a failure keeps it open with the address typed. */
  submit: (email: string) => Observable<unknown>;
  /** API field name of the address (`mayorEmail`, `email`). */
  field: string;
}

/** Asks for one e-mail address and sends it; closes with `true` once the API accepted it. */
@Component({
  selector: 'pas-email-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>{{ data.intro }}</p>
        @if (data.warning) {
          <p class="warning">{{ data.warning }}</p>
        }
        <mat-form-field appearance="outline" class="field">
          <mat-label>{{ data.label }}</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="off" cdkFocusInitial />
          <mat-error>{{ fieldErrorMessage(form.controls.email) }}</mat-error>
        </mat-form-field>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
        <div class="progress">
          @if (sending()) {
            <mat-progress-bar mode="indeterminate" aria-label="Envoi en cours" />
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuler</button>
        <button mat-flat-button type="submit" [disabled]="sending()">{{ data.confirmLabel }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .field {
      width: 100%;
    }
    .warning {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .error {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .progress {
      height: 4px;
    }
  `,
})
export class EmailDialog {
  protected readonly data = inject<EmailDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<EmailDialog, boolean>>(MatDialogRef);

  protected readonly form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
  });
  protected readonly sending = busyFlag();
  protected readonly error = signal('');
  protected readonly fieldErrorMessage = fieldErrorMessage;
  /** One field: its error shows under it and focus goes back to it, without an error summary. */
  private readonly focusInvalidField = injectFocusInvalidField();

  protected submit(): void {
    if (this.sending()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusInvalidField();
      return;
    }
    this.error.set('');
    this.dialogRef.disableClose = true;
    this.data
      .submit(this.form.controls.email.value.trim())
      .pipe(
        this.sending.track,
        finalize(() => (this.dialogRef.disableClose = false)),
      )
      .subscribe({
        next: () => this.dialogRef.close(true),
        error: (error: unknown) => {
          if (showServerErrors(this.form, error, { [this.data.field]: 'email' })) {
            this.focusInvalidField();
          } else {
            this.error.set(apiErrorMessage(error));
          }
        },
      });
  }
}
