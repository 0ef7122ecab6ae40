import { escapeHtml } from '../../mail/templates/mails';

/**
 * A name is looked for in free text only when it cannot be mistaken for an ordinary word: at least two words, five
 * characters in all (« Jeanne Martin », not « Martin », which is also « Saint-Martin »).
 */
export function isDistinctiveName(displayName: string): boolean {
  const name = displayName.trim();
  return name.length >= 5 && name.split(/\s+/).length >= 2;
}

/**
 * A PostgreSQL regular expression (to use with the `i` flag) that finds a deleted account's address, and its name
 * when distinctive, where they were copied as text: as typed, escaped in a mail's HTML, escaped in a JSON string. Each
 * form stands as a whole (no letter or digit right before or after it). `null` when there is nothing to look for.
 */
export function personalTextPattern(email: string, displayName: string): string | null {
  const values = [email.trim(), ...(isDistinctiveName(displayName) ? [displayName.trim()] : [])].filter((v) => v.length > 0);
  const forms = new Set<string>();
  for (const value of values) {
    for (const form of [value, escapeHtml(value), JSON.stringify(value).slice(1, -1)]) {
      forms.add(toRegex(form));
    }
  }
  if (forms.size === 0) {
    return null;
  }
  // Longest first, so that an escaped form is not cut short by a plain one it begins with.
  const alternatives = [...forms].sort((a, b) => b.length - a.length);
  return `(?<![[:alnum:]])(?:${alternatives.join('|')})(?![[:alnum:]])`;
}

/**
 * The literal text as an advanced regular expression: every character that is neither a letter, a digit nor a space
 * is escaped (in PostgreSQL a backslash before such a character means the character itself, and only before letters
 * and digits does it start an escape), and runs of spaces match any run of white space.
 */
function toRegex(text: string): string {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, (c) => `\\${c}`))
    .join('\\s+');
}
