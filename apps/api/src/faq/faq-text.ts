const EXCERPT_LENGTH = 220;

/**
 * The first words of a Markdown text as plain text: links and images give their text, headings, quotes and list
 * marks at the start of a line go, emphasis and code marks go without leaving a space, lines are joined.
 */
export function excerpt(markdown: string, length = EXCERPT_LENGTH): string {
  const text = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]{0,3}(?:#{1,6}|>|[-*+]|\d{1,3}[.)])[ \t]+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\|/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= length ? text : `${text.slice(0, length).replace(/\s+\S*$/, '')}…`;
}
