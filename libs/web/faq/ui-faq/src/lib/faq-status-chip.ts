import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FAQ_STATUS_LABELS, type FaqStatus } from '@passerelle/shared/dto';

/** The state of an entry, for the département's staff: « Brouillon », « À relire », « Publiée », « Archivée ». */
@Component({
  selector: 'pas-faq-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="chip" [class]="'chip chip--' + status().toLowerCase()">{{ label() }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-large);
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
      white-space: nowrap;
    }
    .chip--in_review {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .chip--published {
      background: #c8ebd0;
      color: #0b3d1a;
    }
    .chip--archived {
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class FaqStatusChip {
  readonly status = input.required<FaqStatus>();
  protected readonly label = computed(() => FAQ_STATUS_LABELS[this.status()]);
}
