/**
 * C0 controls and DEL. PostgreSQL refuses NUL in text (a 500 deep in a query), and none of them belongs in a
 * name, a search or an identifier; they also cut or corrupt CSV and GeoJSON exports.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANY_CONTROL = /[\u0000-\u001f\u007f]/;
/** Body text may hold tabs and line breaks (descriptions, messages); nothing else below U+0020. */
// eslint-disable-next-line no-control-regex -- idem
const CONTROL_EXCEPT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const CONTROL_CHARACTER_MESSAGE = 'Ce champ contient un caractère invisible non autorisé (caractère de contrôle).';

export function hasControlCharacter(value: string): boolean {
  return ANY_CONTROL.test(value);
}

export function hasControlCharacterInText(value: string): boolean {
  return CONTROL_EXCEPT_WHITESPACE.test(value);
}

/** A field name fit to be echoed back in an error: its control characters made visible. */
export function printableField(name: string): string {
  // eslint-disable-next-line no-control-regex -- idem
  return name.replace(/[\u0000-\u001f\u007f]/g, '\ufffd') || '(vide)';
}

/**
 * The first query-string or path value (or name) holding a control character, or `null`. Query values are
 * strings or lists of strings (`?a=1&a=2`); path parameters are strings.
 */
export function findControlCharacterInParameters(...sources: unknown[]): string | null {
  for (const source of sources) {
    if (source === null || typeof source !== 'object') {
      continue;
    }
    for (const [name, value] of Object.entries(source)) {
      if (hasControlCharacter(name)) {
        return printableField(name);
      }
      const values: unknown[] = Array.isArray(value) ? value : [value];
      if (values.some((v) => typeof v === 'string' && hasControlCharacter(v))) {
        return printableField(name);
      }
    }
  }
  return null;
}
