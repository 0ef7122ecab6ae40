import { ChangeDetectionStrategy, Component, input, resource } from '@angular/core';
/** The one method used: the parser's type is a value of `markdown-it`, loaded later. */
interface Renderer {
  render(source: string): string;
}

let renderer: Promise<Renderer> | null = null;

/**
 * Markdown to HTML with the rules the API applies to messages: raw HTML stays text, bare addresses become links,
 * a line break is kept, and a title of the text stays below the page's own. Angular's sanitiser then drops whatever
 * could run (scripts, handlers, `javascript:` links) when the HTML is bound. The parser is loaded on first use: only
 * the pages that show a FAQ answer pay for it.
 */
export async function renderMarkdown(source: string): Promise<string> {
  renderer ??= import('markdown-it').then(({ default: Markdown }) => {
    const markdown = new Markdown({ html: false, linkify: true, breaks: true, typographer: false });
    // As the API's messages: no image, whose address would be loaded by every reader's browser (a tracker).
    markdown.disable('image');
    markdown.core.ruler.push('lower_headings', (state) => {
      for (const token of state.tokens) {
        if (token.type === 'heading_open' || token.type === 'heading_close') {
          token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 2)}`;
        }
      }
      return true;
    });
    const link = markdown.renderer.rules['link_open'] ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
    markdown.renderer.rules['link_open'] = (tokens, idx, options, env, self) => {
      tokens[idx].attrSet('rel', 'noopener noreferrer nofollow');
      tokens[idx].attrSet('target', '_blank');
      return link(tokens, idx, options, env, self);
    };
    return markdown;
  });
  return (await renderer).render(source).trim();
}

/** A text written in Markdown (a FAQ answer), shown as the messages of a conversation are. */
@Component({
  selector: 'pas-markdown-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (html.hasValue()) {
      <div class="body" [innerHTML]="html.value()"></div>
    } @else if (html.error()) {
      <p class="body plain">{{ markdown() }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
      overflow-wrap: anywhere;
    }
    .plain {
      white-space: pre-line;
    }
    .body :first-child {
      margin-top: 0;
    }
    .body :last-child {
      margin-bottom: 0;
    }
  `,
})
export class MarkdownText {
  readonly markdown = input.required<string>();

  protected readonly html = resource({
    params: () => this.markdown(),
    loader: ({ params }) => renderMarkdown(params),
  });
}
