import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { FAQ_LIMITS } from '@passerelle/shared/dto';
import { fieldErrorMessage, injectFocusInvalidField, notBlank } from '@passerelle/web/shared/ui-material';
import type { Observable } from 'rxjs';

const REASON_REQUIRED = 'Indiquez à l’auteur ce qu’il faut changer avant de publier.';

/** « Renvoyer avec un motif »: the reason, required, that the author reads on the entry. */
@Component({
  selector: 'pas-faq-reject-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>Renvoyer la réponse à son auteur</h2>
    <form (ngSubmit)="send()">
      <mat-dialog-content>
        <p class="title">«&nbsp;{{ title }}&nbsp;» repassera en brouillon avec votre motif.</p>
        <mat-form-field appearance="outline" class="reason">
          <mat-label>Motif</mat-label>
          <textarea matInput [formControl]="reason" rows="5" required [maxlength]="max" cdkFocusInitial></textarea>
          <mat-hint align="end">{{ reason.value.length }} / {{ max }}</mat-hint>
          @if (reason.invalid) {
            <mat-error>{{ error() }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuler</button>
        <button mat-flat-button type="submit">Renvoyer</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .reason {
      width: 100%;
    }
    .title {
      margin: 0 0 12px;
      overflow-wrap: anywhere;
    }
    button {
      min-height: 44px;
    }
  `,
})
export class FaqRejectDialog {
  private readonly dialogRef = inject<MatDialogRef<FaqRejectDialog, string>>(MatDialogRef);
  private readonly focusInvalidField = injectFocusInvalidField();
  protected readonly title = inject<{ title: string }>(MAT_DIALOG_DATA).title;
  protected readonly max = FAQ_LIMITS.rejectReasonMax;
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, notBlank, Validators.maxLength(FAQ_LIMITS.rejectReasonMax)],
  });

  protected error(): string {
    return this.reason.hasError('required') ? REASON_REQUIRED : fieldErrorMessage(this.reason);
  }

  protected send(): void {
    this.reason.markAsTouched();
    if (this.reason.invalid) {
      this.focusInvalidField();
      return;
    }
    this.dialogRef.close(this.reason.value.trim());
  }
}

/** The reason typed, or `undefined` when the agent cancelled. */
export function askRejectReason(dialog: MatDialog, title: string): Observable<string | undefined> {
  return dialog
    .open<FaqRejectDialog, { title: string }, string>(FaqRejectDialog, { data: { title }, width: '32rem', maxWidth: '95vw' })
    .afterClosed();
}
