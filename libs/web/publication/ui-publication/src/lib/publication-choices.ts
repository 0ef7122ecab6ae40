import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { DocumentDto } from '@passerelle/shared/dto';

/**
 * What the commune chooses to make public with a request or the mayor's consent: which photos and documents, and
 * whether the funding obtained is shown. The view only reports the user's choices; the panel keeps and sends them.
 */
@Component({
  selector: 'pas-publication-choices',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCheckboxModule, MatSlideToggleModule],
  template: `
    <form class="choices" (submit)="$event.preventDefault(); submitted.emit()">
      <fieldset>
        <legend>Ce qui sera public</legend>
        <p class="hint">
          Le texte de la fiche, ses dates, son coût et son emplacement sont publiés. Cochez les photos et
          documents à montrer.
        </p>
        @if (photos().length === 0 && files().length === 0) {
          <p class="empty">La fiche n’a ni photo ni document à publier.</p>
        }
        @if (photos().length > 0) {
          <p class="group">Photos</p>
          <ul class="options">
            @for (photo of photos(); track photo.id) {
              <li>
                <mat-checkbox [checked]="selected().has(photo.id)" (change)="toggled.emit(photo.id)">
                  <span class="option">
                    @if (photo.thumbnailUrl && thumbnails()[photo.thumbnailUrl]; as src) {
                      <img [src]="src" alt="" />
                    }
                    <span class="name">{{ photo.filename }}</span>
                  </span>
                </mat-checkbox>
              </li>
            }
          </ul>
        }
        @if (files().length > 0) {
          <p class="group">Documents</p>
          <ul class="options">
            @for (file of files(); track file.id) {
              <li>
                <mat-checkbox [checked]="selected().has(file.id)" (change)="toggled.emit(file.id)">
                  <span class="name">{{ file.filename }}</span>
                </mat-checkbox>
              </li>
            }
          </ul>
        }
        <mat-slide-toggle class="funding" [checked]="showFunding()" (change)="showFundingChange.emit($event.checked)">
          Publier le financement obtenu (financeurs et montants)
        </mat-slide-toggle>
        <p class="hint">Seules les aides obtenues sont montrées&nbsp;; les demandes en cours et les refus restent privés.</p>
      </fieldset>
      <div class="actions">
        <button mat-flat-button type="submit" class="submit" [disabled]="busy()">{{ submitLabel() }}</button>
      </div>
      @if (mayorNotified()) {
        <p class="hint">Le maire sera prévenu&nbsp;: la fiche part en relecture une fois son accord donné.</p>
      }
    </form>
  `,
  styles: `
    :host {
      display: block;
    }
    p {
      margin: 0 0 12px;
    }
    .hint,
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-bottom: 4px;
      padding: 0;
    }
    .group {
      font: var(--mat-sys-label-large);
      margin: 8px 0 0;
    }
    .options {
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
    }
    .option {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      img {
        width: 48px;
        height: 36px;
        object-fit: cover;
        border-radius: 4px;
      }
    }
    .name {
      overflow-wrap: anywhere;
    }
    .funding {
      margin: 8px 0 4px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 12px 0;
    }
  `,
})
export class PublicationChoices {
  readonly photos = input.required<readonly DocumentDto[]>();
  readonly files = input.required<readonly DocumentDto[]>();
  /** API thumbnail address → `blob:` URL, as the page already loaded them. */
  readonly thumbnails = input<Readonly<Record<string, string>>>({});
  readonly selected = input.required<ReadonlySet<string>>();
  readonly showFunding = input.required<boolean>();
  readonly submitLabel = input.required<string>();
  readonly busy = input(false);
  /** A collaborator's request: say that the mayor will be asked before the review. */
  readonly mayorNotified = input(false);

  readonly toggled = output<string>();
  readonly showFundingChange = output<boolean>();
  readonly submitted = output<void>();
}
