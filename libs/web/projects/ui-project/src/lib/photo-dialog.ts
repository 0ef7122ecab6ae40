import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

export interface PhotoDialogData {
  filename: string;
  /** A `blob:` URL of the full image, owned and revoked by the page that opened the dialog. */
  src: string;
}

/** A photo in full, in a dialog. */
@Component({
  selector: 'pas-photo-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>{{ data.filename }}</h2>
    <mat-dialog-content>
      <img [src]="data.src" [alt]="data.filename" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close cdkFocusInitial>Fermer</button>
    </mat-dialog-actions>
  `,
  styles: `
    img {
      display: block;
      max-width: 100%;
      max-height: 70vh;
      margin: 0 auto;
    }
  `,
})
export class PhotoDialog {
  protected readonly data = inject<PhotoDialogData>(MAT_DIALOG_DATA);
}
