import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MarkdownText } from '@passerelle/web/threads/ui-thread';

/**
 * An answer of the FAQ: the HTML the API rendered and sanitised as it does messages (`answerHtml`), or, for the
 * editor's preview of a text not saved yet, its Markdown rendered here by the same rules.
 */
@Component({
  selector: 'pas-faq-answer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MarkdownText],
  template: `
    @if (html(); as rendered) {
      <div class="answer" [innerHTML]="rendered"></div>
    } @else {
      <pas-markdown-text class="answer" [markdown]="markdown()" />
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .answer {
      max-width: 75ch;
      font: var(--mat-sys-body-large);

      ::ng-deep {
        p,
        ul,
        ol,
        pre,
        blockquote {
          margin: 8px 0;
        }
        pre,
        table {
          display: block;
          max-width: 100%;
          overflow-x: auto;
        }
        pre {
          padding: 8px;
          background: var(--mat-sys-surface-container-high);
        }
        blockquote {
          padding-inline-start: 12px;
          border-inline-start: 3px solid var(--mat-sys-outline-variant);
        }
        th,
        td {
          padding: 4px 8px;
          border: 1px solid var(--mat-sys-outline-variant);
        }
      }
    }
  `,
})
export class FaqAnswer {
  /** The answer as the API rendered it; when set, `markdown` is not read. */
  readonly html = input<string | null>(null);
  /** The answer's Markdown (the editor's preview). */
  readonly markdown = input<string>('');
}
