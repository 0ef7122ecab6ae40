import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { FaqSuggestionDto } from '@passerelle/shared/dto';
import { FaqApi } from '@passerelle/web/faq/data-access';
import { apiErrorMessage } from '@passerelle/web/shared/util-format';
import { FAQ_SUGGESTION_KIND_LABELS } from '@passerelle/web/threads/ui-thread';
import { of } from 'rxjs';

/**
 * A suggestion read over the ask form, which stays as it was underneath: a FAQ entry's whole answer, or the
 * commune's own question with a link to it. Closing gives the focus back to the button that opened it.
 */
@Component({
  selector: 'pas-faq-suggestion-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatDialogModule, MatProgressBarModule],
  template: `
    <p class="kind">{{ kindLabel }}</p>
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      @if (data.kind === 'THREAD') {
        <p>Votre commune a déjà posé cette question au département. Elle est encore en cours&nbsp;: vous pouvez la suivre, ou y ajouter un message, plutôt que d’en poser une nouvelle.</p>
        @if (data.excerpt) {
          <blockquote>{{ data.excerpt }}</blockquote>
        }
      } @else if (entry.error()) {
        <p class="error" role="alert">{{ loadError() }}</p>
        <p class="excerpt">{{ data.excerpt }}</p>
      } @else if (entry.value(); as found) {
        <div class="answer" [innerHTML]="found.answerHtml"></div>
        @if (found.legalReferences.length > 0) {
          <p class="references-title">Références</p>
          <ul class="references">
            @for (reference of found.legalReferences; track reference.label) {
              <li>
                @if (reference.url) {
                  <a [href]="reference.url" target="_blank" rel="noopener noreferrer">{{ reference.label }}</a>
                } @else {
                  {{ reference.label }}
                }
              </li>
            }
          </ul>
        }
      } @else {
        <mat-progress-bar mode="indeterminate" aria-label="Chargement de la réponse" />
        <p class="excerpt">{{ data.excerpt }}</p>
      }
      <p class="kept">Votre question n’est pas perdue&nbsp;: fermez cette fenêtre pour la reprendre.</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (data.link) {
        <a mat-button [routerLink]="data.link" mat-dialog-close>
          {{ data.kind === 'THREAD' ? 'Ouvrir cette question' : 'Ouvrir dans la FAQ' }}
        </a>
      }
      <button mat-flat-button type="button" mat-dialog-close>Revenir à ma question</button>
    </mat-dialog-actions>
  `,
  styles: `
    .kind {
      margin: 24px 24px 0;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    h2[mat-dialog-title] {
      padding-top: 4px;
    }
    mat-dialog-content p,
    .answer {
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface);
    }
    blockquote {
      margin: 12px 0;
      padding-inline-start: 12px;
      border-inline-start: 3px solid var(--mat-sys-outline-variant);
      overflow-wrap: anywhere;
    }
    .references-title {
      margin: 16px 0 4px;
      font-weight: 500;
    }
    .references {
      margin: 0;
      padding-inline-start: 20px;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .kept {
      margin: 16px 0 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container) !important;
    }
    mat-dialog-actions a,
    mat-dialog-actions button {
      min-height: 44px;
    }
  `,
})
export class FaqSuggestionDialog {
  protected readonly data = inject<FaqSuggestionDto>(MAT_DIALOG_DATA);
  private readonly faq = inject(FaqApi);

  protected readonly kindLabel = FAQ_SUGGESTION_KIND_LABELS[this.data.kind];
  protected readonly entry = rxResource({
    params: () => this.data,
    stream: ({ params }) => (params.kind === 'FAQ' ? this.faq.get(params.id) : of(null)),
  });

  protected loadError(): string {
    return apiErrorMessage(this.entry.error(), 'La réponse n’a pas pu être chargée. Fermez cette fenêtre et réessayez.');
  }
}
