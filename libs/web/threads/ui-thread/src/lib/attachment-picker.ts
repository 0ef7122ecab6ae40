import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MAX_UPLOAD_BYTES } from '@passerelle/shared/dto';
import { formatBytes, formatCount } from '@passerelle/web/shared/util-format';
import type { PendingAttachments } from './pending-attachments';
import { ThreadIcon } from './thread-icon';

/** Accepted extensions, for the file chooser only: the server decides from the content. */
export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.odt,.ods,.docx,.xlsx,.csv,.txt';

/** Chooses (or drops) files for a message and shows each one going up, with a button to take it back out. */
@Component({
  selector: 'pas-attachment-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, ThreadIcon],
  template: `
    <div class="picker" (dragover)="$event.preventDefault()" (drop)="dropped($event)">
      <div class="choose">
        <button mat-stroked-button type="button" [disabled]="disabled() || full()" (click)="fileInput.click()">
          <pas-thread-icon name="attach" />
          Joindre des fichiers
        </button>
        <span class="hint">
          PDF, images, documents bureautiques, CSV ou texte&nbsp;; {{ maxSize }} au plus par fichier,
          {{ attachments().limit }} fichiers au plus.
        </span>
      </div>
      <!-- Out of the tab order and of the accessibility tree: the button above opens it. -->
      <input
        #fileInput
        type="file"
        multiple
        hidden
        [accept]="accept"
        (change)="choose(fileInput)"
      />
      @if (items().length > 0) {
        <ul class="items" aria-label="Pièces jointes à envoyer">
          @for (item of items(); track item.key) {
            <li class="item">
              <div class="line">
                <span class="name">{{ item.name }}</span>
                <span class="meta">{{ size(item.sizeBytes) }}</span>
                <span class="state">{{ item.document ? 'Prêt' : item.percent + '\u00a0%' }}</span>
                <button
                  mat-button
                  type="button"
                  class="remove"
                  [disabled]="disabled()"
                  [attr.aria-label]="'Retirer ' + item.name"
                  (click)="attachments().remove(item.key)"
                >
                  Retirer
                </button>
              </div>
              @if (!item.document) {
                <mat-progress-bar mode="determinate" [value]="item.percent" [attr.aria-label]="'Envoi de ' + item.name" />
              }
            </li>
          }
        </ul>
      }
      <p class="visually-hidden" role="status">{{ status() }}</p>
      @if (attachments().error(); as error) {
        <p class="error" role="alert">{{ error }}</p>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .choose {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
    }
    .hint,
    .meta {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .items {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
    }
    .item {
      padding: 4px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 12px;
    }
    .name {
      flex: 1 1 10rem;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .state {
      font: var(--mat-sys-label-medium);
    }
    .remove {
      --mat-button-text-label-text-color: var(--mat-sys-error);
    }
    .error {
      margin: 8px 0 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class AttachmentPicker {
  readonly attachments = input.required<PendingAttachments>();
  /** While the message is being sent. */
  readonly disabled = input(false);

  protected readonly accept = ATTACHMENT_ACCEPT;
  protected readonly maxSize = formatBytes(MAX_UPLOAD_BYTES);
  protected readonly size = formatBytes;
  protected readonly items = computed(() => this.attachments().items());
  protected readonly full = computed(() => this.items().length >= this.attachments().limit);
  protected readonly status = computed(() => {
    const items = this.items();
    if (items.length === 0) {
      return '';
    }
    const sending = items.filter((item) => !item.document).length;
    const joined = formatCount(items.length, 'fichier joint', 'fichiers joints');
    return sending > 0 ? `${joined}, ${formatCount(sending, 'envoi', 'envois')} en cours.` : `${joined}.`;
  });

  protected choose(input: HTMLInputElement): void {
    const files = Array.from(input.files ?? []);
    // The same file chosen again after removing it must fire `change` again.
    input.value = '';
    this.attachments().add(files);
  }

  protected dropped(event: DragEvent): void {
    event.preventDefault();
    if (!this.disabled() && event.dataTransfer) {
      this.attachments().add(Array.from(event.dataTransfer.files));
    }
  }
}
