import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ALLOWED_DOCUMENT_TYPES, type DocumentDto } from '@passerelle/shared/dto';
import { formatBytes, formatDateTime } from '@passerelle/web/shared/util-format';

/** The project's files: name, type, size, who added them and when; download, and delete when allowed. */
@Component({
  selector: 'pas-document-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    @if (documents().length === 0) {
      <p class="empty">Aucun document pour l’instant.</p>
    } @else {
      <ul class="documents" aria-label="Documents du projet">
        @for (document of documents(); track document.id) {
          <li class="document">
            <div class="info">
              <span class="name">{{ document.filename }}</span>
              <span class="hint">
                {{ typeLabel(document) }} — {{ size(document.sizeBytes) }} — ajouté
                @if (document.uploadedBy) {
                  par {{ document.uploadedBy }}
                }
                le {{ when(document.uploadedAt) }}
              </span>
            </div>
            <div class="actions">
              <button
                mat-stroked-button
                type="button"
                [attr.aria-label]="'Télécharger ' + document.filename"
                [disabled]="busyId() === document.id"
                (click)="download.emit(document)"
              >
                Télécharger
              </button>
              @if (canDelete()) {
                <button
                  mat-button
                  type="button"
                  class="delete"
                  [attr.aria-label]="'Supprimer ' + document.filename"
                  [disabled]="busyId() === document.id"
                  (click)="remove.emit(document)"
                >
                  Supprimer
                </button>
              }
            </div>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .documents {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .document {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 8px 16px;
      padding: 10px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .info {
      display: flex;
      flex-direction: column;
      min-width: 0;
      flex: 1 1 18rem;
    }
    .name {
      font: var(--mat-sys-title-small);
      overflow-wrap: anywhere;
    }
    .hint,
    .empty {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .actions {
      display: flex;
      gap: 8px;
    }
    .delete {
      --mat-button-text-label-text-color: var(--mat-sys-error);
    }
  `,
})
export class DocumentList {
  readonly documents = input.required<readonly DocumentDto[]>();
  readonly canDelete = input(false);
  /** The document being downloaded or deleted. */
  readonly busyId = input<string | null>(null);

  readonly download = output<DocumentDto>();
  readonly remove = output<DocumentDto>();

  protected readonly size = formatBytes;
  protected readonly when = formatDateTime;

  protected typeLabel(document: DocumentDto): string {
    return ALLOWED_DOCUMENT_TYPES[document.mimeType] ?? document.mimeType;
  }
}
