import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogModule } from '@angular/material/dialog';
import { map, type Observable } from 'rxjs';

export interface ConfirmDialogData {
  title: string;
  /** What happens if the user confirms: read out with the title when the dialog opens. */
  message: string;
  confirmLabel: string;
  /** The action cannot be undone (removing a member): the button takes the error colour. */
  destructive?: boolean;
}

/**
 * Asks before an action that cannot be undone or that reaches someone else (an e-mail). "Annuler" has the initial
 * focus, so Enter does not confirm by accident; the dialog is named by its title and described by its message, and
 * MatDialog gives the focus back to the button that opened it once closed.
 */
@Component({
  selector: 'pas-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p [id]="messageId">{{ data.message }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" cdkFocusInitial>Annuler</button>
      <button
        mat-flat-button
        type="button"
        [class.destructive]="data.destructive"
        [mat-dialog-close]="true"
      >
        {{ data.confirmLabel }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    /* What will happen is the point of the dialog: read at body size, not as small print. */
    p {
      margin: 0;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface);
    }
    .destructive {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData & { messageId?: string }>(MAT_DIALOG_DATA);
  protected readonly messageId = this.data.messageId ?? null;
}

let nextMessageId = 0;

/** `true` when the user confirmed; closing the dialog any other way (Échap, outside click) means no. */
export function confirmAction(dialog: MatDialog, data: ConfirmDialogData): Observable<boolean> {
  const messageId = `confirm-dialog-message-${nextMessageId++}`;
  return dialog
    .open<ConfirmDialog, ConfirmDialogData & { messageId: string }, boolean>(ConfirmDialog, {
      data: { ...data, messageId },
      ariaDescribedBy: messageId,
      width: '28rem',
      maxWidth: '95vw',
    })
    .afterClosed()
    .pipe(map((confirmed) => confirmed === true));
}
