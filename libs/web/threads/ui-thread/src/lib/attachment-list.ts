import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { ALLOWED_DOCUMENT_TYPES, type DocumentDto } from '@passerelle/shared/dto';
import { formatBytes } from '@passerelle/web/shared/util-format';
import { ThreadIcon } from './thread-icon';

/** The files of a message: each one a button that downloads it (the download needs the bearer token). */
@Component({
  selector: 'pas-attachment-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ThreadIcon],
  template: `
    <ul class="attachments" [attr.aria-label]="label()">
      @for (document of documents(); track document.id) {
        <li>
          <button
            type="button"
            class="attachment"
            [disabled]="busyId() === document.id"
            (click)="download.emit(document)"
          >
            <!-- The name comes from the content, so that it holds the visible text word for word (WCAG 2.5.3). -->
            <pas-thread-icon name="attach" />
            <span class="visually-hidden">Télécharger&ngsp;</span>
            <span class="name">{{ document.filename }}</span><span class="visually-hidden">,</span>&ngsp;
            <span class="meta">{{ describe(document) }}</span>
          </button>
        </li>
      }
    </ul>
  `,
  styles: `
    .attachments {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .attachment {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      max-width: 100%;
      min-height: 40px;
      padding: 4px 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-primary);
      font: var(--mat-sys-label-large);
      text-align: start;
      cursor: pointer;
    }
    .attachment:hover {
      background: var(--mat-sys-surface-container);
    }
    .attachment:disabled {
      cursor: progress;
      opacity: 0.6;
    }
    .name {
      overflow-wrap: anywhere;
      text-decoration: underline;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
      white-space: nowrap;
    }
  `,
})
export class AttachmentList {
  readonly documents = input.required<readonly DocumentDto[]>();
  readonly label = input('Pièces jointes');
  /** The file being downloaded. */
  readonly busyId = input<string | null>(null);
  readonly download = output<DocumentDto>();

  protected describe(document: DocumentDto): string {
    return `${ALLOWED_DOCUMENT_TYPES[document.mimeType] ?? document.mimeType}, ${formatBytes(document.sizeBytes)}`;
  }
}
