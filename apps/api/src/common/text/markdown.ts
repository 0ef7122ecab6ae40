import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML is not Markdown here: it is shown as text. Links are made from bare addresses too.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

// Messages are mostly plain text: "www.valdoise.fr" typed as such becomes a link too. Other schemeless matches
// ("M. Dupont.Il", "notes.md") are left as text: a file name or a missing space is not an address.
markdown.linkify.set({ fuzzyLink: true });
const linkifyMatch = markdown.linkify.match.bind(markdown.linkify);
markdown.linkify.match = (text: string) =>
  (linkifyMatch(text) ?? []).filter((found) => found.schema !== '' || /^www\./i.test(found.raw));

/** What a message may contain once rendered; everything else is dropped, whatever the renderer produced. */
const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  // Headings of a message stay below the page's own title and sections.
  transformTags: {
    h1: 'h3',
    h2: 'h4',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
  disallowedTagsMode: 'discard',
};
ALLOWED.allowedAttributes = { ...(ALLOWED.allowedAttributes as Record<string, string[]>), a: ['href', 'title', 'rel', 'target'] };

/** Markdown typed by a user, as HTML safe to put in a page: no script, no event handler, no `javascript:` link. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), ALLOWED).trim();
}

/** Plain text of a message for e-mails and notifications: the Markdown, shortened at a word boundary. */
export function excerpt(source: string, max = 280): string {
  const flat = source.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) {
    return flat;
  }
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}
