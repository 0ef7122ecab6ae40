import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { DocumentDto } from '@passerelle/shared/dto';

/** The project's photos as thumbnails; choosing one asks the page to show it in full. */
@Component({
  selector: 'pas-photo-gallery',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (photos().length === 0) {
      <p class="empty">Aucune photo pour l’instant.</p>
    } @else {
      <ul class="gallery" aria-label="Photos du projet">
        @for (photo of photos(); track photo.id) {
          <li>
            <button type="button" class="thumb" [attr.aria-label]="'Agrandir la photo ' + photo.filename" (click)="opened.emit(photo)">
              @if (photo.thumbnailUrl && thumbnails()[photo.thumbnailUrl]; as src) {
                <img [src]="src" [alt]="photo.filename" />
              } @else {
                <span class="placeholder">Chargement…</span>
              }
            </button>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .gallery {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
      gap: 8px;
    }
    .thumb {
      display: block;
      width: 100%;
      aspect-ratio: 4 / 3;
      padding: 0;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      overflow: hidden;
      background: var(--mat-sys-surface-container);
      cursor: zoom-in;
      img {
        width: 100%;
        height: 100%;
        object-fit: cover;
        display: block;
      }
    }
    .placeholder,
    .empty {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class PhotoGallery {
  readonly photos = input.required<readonly DocumentDto[]>();
  /** Thumbnail API address → `blob:` URL, for those already downloaded. */
  readonly thumbnails = input<Readonly<Record<string, string>>>({});

  readonly opened = output<DocumentDto>();
}
