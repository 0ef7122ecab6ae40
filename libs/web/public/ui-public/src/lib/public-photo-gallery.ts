import { ChangeDetectionStrategy, Component, computed, input, linkedSignal } from '@angular/core';
import type { PublicDocumentDto } from '@passerelle/shared/dto';
import { displayableUrl, photoAlt } from './displayable-url';

/**
 * The photos of a fiche: one shown large, the others as thumbnails to choose from (buttons, so the keyboard works;
 * arrow keys, Home and End move through them). The file name is the only description a photo has: it is the `alt`.
 */
@Component({
  selector: 'pas-public-photo-gallery',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (selectedPhoto(); as photo) {
      <figure class="photo-large">
        @if (largeSrc(); as src) {
          <img [src]="src" [alt]="photoAlt(photo)" />
        } @else {
          <div class="photo-placeholder" role="img" [attr.aria-label]="photoAlt(photo)">
            <span aria-hidden="true">Photo indisponible</span>
          </div>
        }
        @if (photos().length > 1) {
          <figcaption aria-live="polite">Photo {{ selected() + 1 }} sur {{ photos().length }}</figcaption>
        }
      </figure>
    }
    @if (photos().length > 1) {
      <ul class="thumbs" aria-label="Choisir la photo à afficher">
        @for (photo of photos(); track photo.id; let i = $index) {
          <li>
            <button
              type="button"
              class="thumb"
              [class.thumb--selected]="i === selected()"
              [attr.aria-pressed]="i === selected()"
              [attr.aria-label]="'Afficher la photo ' + (i + 1) + ' : ' + photoAlt(photo)"
              (click)="select(i)"
              (keydown)="onThumbKey($event, i)"
            >
              @if (thumbSrc(photo); as src) {
                <img [src]="src" alt="" loading="lazy" />
              } @else {
                <span class="thumb-placeholder" aria-hidden="true">{{ i + 1 }}</span>
              }
            </button>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .photo-large {
      margin: 0 0 8px;

      img,
      .photo-placeholder {
        display: grid;
        place-items: center;
        color: var(--mat-sys-on-surface-variant);
        width: 100%;
        aspect-ratio: 4 / 3;
        max-height: 70vh;
        object-fit: contain;
        border-radius: 12px;
        background: var(--mat-sys-surface-container);
      }

      figcaption {
        margin-top: 4px;
        font: var(--mat-sys-body-small);
        color: var(--mat-sys-on-surface-variant);
      }
    }


    .thumbs {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(5.5rem, 1fr));
      gap: 8px;
    }

    .thumb {
      display: block;
      width: 100%;
      aspect-ratio: 4 / 3;
      padding: 0;
      border: 2px solid transparent;
      border-radius: 8px;
      overflow: hidden;
      background: var(--mat-sys-surface-container);
      cursor: pointer;

      img {
        width: 100%;
        height: 100%;
        object-fit: cover;
        display: block;
        opacity: 0.75;
      }

      &:hover img,
      &.thumb--selected img {
        opacity: 1;
      }
    }

    .thumb--selected {
      border-color: var(--mat-sys-primary);
      box-shadow: 0 0 0 2px var(--mat-sys-primary);
    }

    .thumb-placeholder {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-large);
    }
  `,
})
export class PublicPhotoGallery {
  readonly photos = input.required<readonly PublicDocumentDto[]>();
  /** See `PublicProjectView.imageSrc`. */
  readonly imageSrc = input<Readonly<Record<string, string>> | null>(null);

  /** The photo shown large; back to the first one when other photos are shown. */
  protected readonly selected = linkedSignal({
    source: () => this.photos(),
    computation: () => 0,
  });
  protected readonly selectedPhoto = computed(() => this.photos()[this.selected()] ?? null);
  /** The full photo, else its thumbnail while the preview has only that one. */
  protected readonly largeSrc = computed(() => {
    const photo = this.selectedPhoto();
    if (!photo) {
      return null;
    }
    return this.src(photo.contentUrl) ?? (photo.thumbnailUrl ? this.src(photo.thumbnailUrl) : null);
  });

  protected readonly photoAlt = (photo: PublicDocumentDto) => photoAlt(photo.filename);

  protected thumbSrc(photo: PublicDocumentDto): string | null {
    return this.src(photo.thumbnailUrl ?? photo.contentUrl);
  }

  protected select(index: number): void {
    this.selected.set(index);
  }

  protected onThumbKey(event: KeyboardEvent, index: number): void {
    const count = this.photos().length;
    const keys: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: count - 1 };
    if (!(event.key in keys)) {
      return;
    }
    event.preventDefault();
    const next = (keys[event.key] + count) % count;
    this.select(next);
    const list = (event.currentTarget as HTMLElement).closest('ul');
    list?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  }

  private src(url: string): string | null {
    return displayableUrl(url, this.imageSrc());
  }
}
