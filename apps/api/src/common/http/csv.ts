/**
 * RFC 4180 quoting; a text cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, return) is
 * prefixed with an apostrophe, so opening the file never runs anything.
 */
export function csvField(value: string | number | null, numeric: boolean): string {
  if (value === null) {
    return '';
  }
  let text = String(value);
  if (!numeric && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
