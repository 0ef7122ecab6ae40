/** The text with `insert` in place of the selection (or at the caret), and where the caret goes next: after it. */
export function insertAtCursor(
  text: string,
  selectionStart: number | null,
  selectionEnd: number | null,
  insert: string,
): { text: string; caret: number } {
  // A field never focused reports no selection: the variable goes at the end, where the user was likely to type.
  const start = clamp(selectionStart ?? text.length, text.length);
  const end = Math.max(start, clamp(selectionEnd ?? start, text.length));
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length };
}

function clamp(position: number, length: number): number {
  return Math.min(Math.max(position, 0), length);
}

/** The first lines of a template for the list, without cutting a word in two. */
export function excerpt(body: string, max = 180): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) {
    return flat;
  }
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
