import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** First publication, or a review of changes to a fiche already online; the text carries the meaning. */
@Component({
  selector: 'pas-publication-kind-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="chip" [class.chip--update]="republication()">{{ label() }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .chip--update {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class PublicationKindChip {
  readonly republication = input.required<boolean>();
  readonly label = input.required<string>();
}
