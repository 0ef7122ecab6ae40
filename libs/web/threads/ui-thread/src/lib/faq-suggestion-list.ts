import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { FaqSuggestionDto, FaqSuggestionKind } from '@passerelle/shared/dto';
import { highlightWords, type TextPart } from './highlight-words';

/** Who reads the suggestions: a commune opens them; an agent puts them in the answer being written. */
export type FaqSuggestionAudience = 'commune' | 'staff';

export const FAQ_SUGGESTION_KIND_LABELS: Record<FaqSuggestionKind, string> = {
  FAQ: 'Réponse de la FAQ',
  THREAD: 'Votre question en cours',
  TEMPLATE: 'Modèle de réponse',
};

let nextId = 0;

/**
 * Answers that may already exist, found while a question or an answer is typed: each one's kind, its title with the
 * words that matched marked, its first words, and what can be done with it. A polite live region: a screen reader
 * hears them arrive without losing its place, and nothing here ever takes the focus.
 */
@Component({
  selector: 'pas-faq-suggestion-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  host: { 'aria-live': 'polite', '[class.filled]': 'suggestions().length > 0' },
  template: `
    @if (suggestions().length > 0) {
      <p class="heading" role="heading" [attr.aria-level]="level()" [id]="headingId">{{ heading() }}</p>
      @if (intro()) {
        <p class="intro">{{ intro() }}</p>
      }
      <ul [attr.aria-labelledby]="headingId">
        @for (suggestion of suggestions(); track suggestion.kind + suggestion.id) {
          <li class="suggestion" [class.suggestion--thread]="suggestion.kind === 'THREAD'">
            <p class="kind">{{ kindLabels[suggestion.kind] }}</p>
            @if (suggestion.kind === 'THREAD') {
              <p class="already">Votre commune a déjà posé une question proche&nbsp;:</p>
            }
            <p class="title" role="heading" [attr.aria-level]="level() + 1">
              <!-- On one line: a line break here would put spaces around the marked words. -->
              @for (part of parts(suggestion); track $index) {@if (part.match) {<mark>{{ part.text }}</mark>} @else {<span>{{ part.text }}</span>}}
            </p>
            @if (suggestion.excerpt) {
              <p class="excerpt">{{ suggestion.excerpt }}</p>
            }
            <div class="actions">
              @if (audience() === 'commune') {
                <button mat-stroked-button type="button" (click)="open.emit(suggestion)">
                  {{ suggestion.kind === 'THREAD' ? 'Voir cette question' : 'Lire la réponse' }}
                  <span class="visually-hidden">«&nbsp;{{ suggestion.title }}&nbsp;»</span>
                </button>
              } @else {
                @switch (suggestion.kind) {
                  @case ('TEMPLATE') {
                    <button mat-stroked-button type="button" [disabled]="disabled()" (click)="insertTemplate.emit(suggestion)">
                      Insérer le modèle<span class="visually-hidden"> «&nbsp;{{ suggestion.title }}&nbsp;»</span>
                    </button>
                  }
                  @default {
                    <button mat-stroked-button type="button" [disabled]="disabled()" (click)="insertLink.emit(suggestion)">
                      Insérer le lien<span class="visually-hidden"> vers «&nbsp;{{ suggestion.title }}&nbsp;»</span>
                    </button>
                    @if (suggestion.link) {
                      <a mat-button [href]="suggestion.link" target="_blank" rel="noopener">
                        Lire<span class="visually-hidden"> «&nbsp;{{ suggestion.title }}&nbsp;»</span> (nouvel onglet)
                      </a>
                    }
                  }
                }
              }
            </div>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    :host(.filled) {
      padding: 12px 16px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container);
    }
    p {
      margin: 0;
    }
    .heading {
      font: var(--mat-sys-title-medium);
    }
    .intro {
      margin-top: 4px;
      color: var(--mat-sys-on-surface-variant);
    }
    ul {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
    }
    .suggestion {
      padding: 12px 0;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .suggestion:first-child {
      border-top: none;
    }
    .kind {
      display: inline-block;
      padding: 2px 8px;
      border-radius: 8px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .suggestion--thread .kind {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .already {
      margin-top: 4px;
    }
    .title {
      margin-top: 4px;
      font: var(--mat-sys-title-small);
      overflow-wrap: anywhere;
    }
    mark {
      background: #fff0a8;
      color: inherit;
      border-radius: 2px;
      padding: 0 1px;
    }
    .excerpt {
      margin-top: 4px;
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      margin-top: 8px;
    }
    .actions .mat-mdc-button-base {
      min-height: 44px;
    }
  `,
})
export class FaqSuggestionList {
  readonly suggestions = input.required<readonly FaqSuggestionDto[]>();
  readonly audience = input<FaqSuggestionAudience>('commune');
  readonly heading = input('Ces réponses existent peut-être déjà');
  /** A sentence under the heading; none when empty. */
  readonly intro = input('');
  /** The heading's level in the page; each suggestion's title is one below. */
  readonly level = input(2);
  /** Staff: while the answer is being sent, nothing is inserted into it. */
  readonly disabled = input(false);

  /** Commune: read the entry (or see the question) without leaving the form. */
  readonly open = output<FaqSuggestionDto>();
  /** Staff: a link to the entry, in the answer. */
  readonly insertLink = output<FaqSuggestionDto>();
  /** Staff: the template's text, in the answer. */
  readonly insertTemplate = output<FaqSuggestionDto>();

  protected readonly kindLabels = FAQ_SUGGESTION_KIND_LABELS;
  protected readonly headingId = `faq-suggestions-${nextId++}`;

  protected parts(suggestion: FaqSuggestionDto): TextPart[] {
    return highlightWords(suggestion.title, suggestion.matchedWords);
  }
}
