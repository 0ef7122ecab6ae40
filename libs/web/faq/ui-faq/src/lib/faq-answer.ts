import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MarkdownText } from '@passerelle/web/threads/ui-thread';

/** An answer of the FAQ: its Markdown rendered and sanitised by the same piece as the messages of a conversation. */
@Component({
  selector: 'pas-faq-answer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MarkdownText],
  template: `<pas-markdown-text class="answer" [markdown]="markdown()" />`,
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
  /** The answer's Markdown. */
  readonly markdown = input.required<string>();
}
