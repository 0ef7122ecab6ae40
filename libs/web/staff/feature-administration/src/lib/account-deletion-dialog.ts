import { ChangeDetectionStrategy, Component, inject, signal, type WritableSignal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type AccountDeletionDto, PRIVACY_LIMITS } from '@passerelle/shared/dto';
import type { AccountDeletionApi } from '@passerelle/web/privacy/data-access';
import { fieldErrorMessage, injectFocusInvalidField, notBlank, showServerErrors } from '@passerelle/web/shared/ui-material';
import { apiErrorMessage, formatDate } from '@passerelle/web/shared/util-format';
import { busyFlag } from '@passerelle/web/shared/util-forms';
import { filter, finalize, type Observable, switchMap, tap } from 'rxjs';
import { confirmAction } from '@passerelle/web/shared/ui-material';

export interface AccountDeletionDialogData {
  /** Whose account: « Claire Agent ». */
  name: string;
  /** What stays of what they wrote: « Ancien agent du département ». */
  keptAs: string;
  /** Sent from the dialog, so that a refusal (the last mayor, the last admin) keeps it open with the reason typed. */
  submit: (reason: string) => Observable<AccountDeletionDto>;
}

/**
 * An admin deletes an account at its owner's request: the reason goes to the security log. The same path as the
 * owner's own request: disabled at once, deleted after the grace period, cancelled if the person signs in again.
 */
@Component({
  selector: 'pas-account-deletion-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  template: `
    <h2 mat-dialog-title>Supprimer le compte de {{ data.name }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>
          À la demande de la personne. Son compte est désactivé aussitôt et supprimé à la fin du délai de grâce&nbsp;; si
          elle se reconnecte d’ici là, la suppression est annulée. Ce qu’elle a écrit reste, sous la mention
          «&nbsp;{{ data.keptAs }}&nbsp;».
        </p>
        <mat-form-field appearance="outline" class="field">
          <mat-label>Motif de la demande</mat-label>
          <textarea
            matInput
            id="deletion-reason"
            formControlName="reason"
            rows="3"
            [maxlength]="maxLength"
            required
            cdkFocusInitial
          ></textarea>
          <mat-hint>Par exemple «&nbsp;Demande écrite reçue le 3 mars&nbsp;». Il est gardé au journal de sécurité.</mat-hint>
          <mat-error>{{ fieldErrorMessage(form.controls.reason) }}</mat-error>
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
        <button mat-flat-button type="submit" class="destructive" [disabled]="sending()">Supprimer le compte</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .field {
      width: 100%;
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
    .destructive:not(:disabled) {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class AccountDeletionDialog {
  protected readonly data = inject<AccountDeletionDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<AccountDeletionDialog, AccountDeletionDto>>(MatDialogRef);

  protected readonly maxLength = PRIVACY_LIMITS.deletionReason;
  protected readonly form = new FormGroup({
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.maxLength(PRIVACY_LIMITS.deletionReason)],
    }),
  });
  protected readonly sending = busyFlag();
  protected readonly error = signal('');
  protected readonly fieldErrorMessage = fieldErrorMessage;
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
      .submit(this.form.controls.reason.value.trim())
      .pipe(
        this.sending.track,
        finalize(() => (this.dialogRef.disableClose = false)),
      )
      .subscribe({
        next: (deletion) => this.dialogRef.close(deletion),
        error: (error: unknown) => {
          if (showServerErrors(this.form, error)) {
            this.focusInvalidField();
          } else {
            this.error.set(apiErrorMessage(error));
          }
        },
      });
  }
}

/** Opens the dialog; emits the deletion once the API accepted it, `undefined` when the admin gave up. */
export function askAccountDeletion(dialog: MatDialog, data: AccountDeletionDialogData): Observable<AccountDeletionDto | undefined> {
  return dialog
    .open<AccountDeletionDialog, AccountDeletionDialogData, AccountDeletionDto>(AccountDeletionDialog, {
      data,
      width: '34rem',
      maxWidth: '95vw',
    })
    .afterClosed();
}

/** A panel listing people (agents, a commune's team) whose accounts an admin may delete on request. */
export interface AccountDeletionHost {
  dialog: MatDialog;
  deletions: AccountDeletionApi;
  notice: WritableSignal<string>;
  error: WritableSignal<string>;
  busyId: WritableSignal<string | null>;
  /** The list again, with the account's new state. */
  reload: () => void;
}

interface Person {
  id: string;
  displayName: string | null;
  email: string;
}

/** « Supprimer le compte (à la demande de la personne) »: the reason asked in the dialog, the outcome said in the panel. */
export function requestAccountDeletion(host: AccountDeletionHost, person: Person, keptAs: string): void {
  const name = person.displayName ?? person.email;
  host.notice.set('');
  host.error.set('');
  askAccountDeletion(host.dialog, { name, keptAs, submit: (reason) => host.deletions.requestFor(person.id, reason) }).subscribe((deletion) => {
    if (deletion) {
      host.notice.set(`Le compte de ${name} est désactivé\u00a0; il sera supprimé le ${formatDate(deletion.dueAt)}.`);
      host.reload();
    }
  });
}

/** « Annuler la suppression », once confirmed. */
export function cancelAccountDeletion(host: AccountDeletionHost, person: Person): void {
  const name = person.displayName ?? person.email;
  confirmAction(host.dialog, {
    title: 'Annuler la suppression\u00a0?',
    message: `Le compte de ${name} ne sera pas supprimé.`,
    confirmLabel: 'Annuler la suppression',
  })
    .pipe(
      filter(Boolean),
      tap(() => {
        host.busyId.set(person.id);
        host.notice.set('');
        host.error.set('');
      }),
      switchMap(() => host.deletions.cancelFor(person.id)),
      finalize(() => host.busyId.set(null)),
    )
    .subscribe({
      next: () => {
        host.notice.set(`La suppression du compte de ${name} est annulée.`);
        host.reload();
      },
      error: (error: unknown) => host.error.set(apiErrorMessage(error)),
    });
}
