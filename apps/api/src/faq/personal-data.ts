import type { PersonalDataKind, PersonalDataMarkDto } from '@passerelle/shared/dto';

/**
 * What an entry must not carry to every commune: e-mail addresses, phone numbers, people named with their civility
 * (« M. Dupont », « Madame Martin »), and the watched terms of a draft made from a question (the people of that
 * question and the asking commune's name, stored as `NAME:Julien Morel`, `COMMUNE:Ableiges`).
 *
 * Watched terms are found without regard to accents; a person's name also by its surname alone, but only where it
 * is written with a capital (« Pierre » the person, not « pierre » the stone).
 */
export function personalDataMarks(text: { title: string; answer: string }, watchTerms: readonly string[]): PersonalDataMarkDto[] {
  const patterns = [...GENERIC_PATTERNS, ...watchTerms.flatMap(watchPatterns)];
  return (['title', 'answer'] as const).flatMap((field) => marksIn(field, text[field], patterns));
}

/** The watched term of a kind, as stored on the entry. */
export function watchTerm(kind: 'NAME' | 'COMMUNE', value: string): string {
  return `${kind}:${value.trim()}`;
}

interface MarkPattern {
  kind: PersonalDataKind;
  regex: RegExp;
  /** Matched against the text without accents (same length: one character for one). */
  folded: boolean;
}

const GENERIC_PATTERNS: MarkPattern[] = [
  { kind: 'EMAIL', regex: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu, folded: false },
  { kind: 'PHONE', regex: /(?<![\d+])(?:(?:\+|00)\s?33[\s.-]?(?:\(0\)\s?)?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)/g, folded: false },
  {
    kind: 'NAME',
    regex: /(?<![\p{L}])(?:M\.|Mme|Mlle|Mr|Monsieur|Madame|Mademoiselle|Maître|Me|Dr|Docteur)\s+(?:\p{Lu}\.\s*)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?/gu,
    folded: false,
  },
];

function watchPatterns(term: string): MarkPattern[] {
  const separator = term.indexOf(':');
  const kind = term.slice(0, separator);
  const value = fold(term.slice(separator + 1)).trim();
  if ((kind !== 'NAME' && kind !== 'COMMUNE') || value.length < 2) {
    return [];
  }
  if (kind === 'COMMUNE') {
    return [{ kind, regex: new RegExp(`(?<![\\p{L}\\p{N}])${wordsPattern(value)}(?![\\p{L}\\p{N}])`, 'giu'), folded: true }];
  }
  const whole: MarkPattern = { kind, regex: new RegExp(`(?<![\\p{L}\\p{N}])${wordsPattern(value)}(?![\\p{L}\\p{N}])`, 'giu'), folded: true };
  // Each part of the name long enough to be telling, written with its capital.
  const parts = value
    .split(/[\s-]+/)
    .filter((part) => part.length >= 3)
    .map((part) => ({ kind, regex: new RegExp(`(?<![\\p{L}\\p{N}])${capitalised(part)}(?![\\p{L}\\p{N}])`, 'gu'), folded: true }) as MarkPattern);
  return [whole, ...parts];
}

function marksIn(field: 'title' | 'answer', text: string, patterns: MarkPattern[]): PersonalDataMarkDto[] {
  const folded = fold(text);
  const found: PersonalDataMarkDto[] = [];
  for (const pattern of patterns) {
    for (const match of (pattern.folded ? folded : text).matchAll(pattern.regex)) {
      const start = match.index;
      const end = start + match[0].length;
      found.push({ field, kind: pattern.kind, start, end, text: text.slice(start, end) });
    }
  }
  // The longest mark wins where two overlap (« M. Julien Morel » over « Morel »).
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PersonalDataMarkDto[] = [];
  for (const mark of found) {
    const last = kept.at(-1);
    if (!last || mark.start >= last.end) {
      kept.push(mark);
    }
  }
  return kept;
}

/** The text without accents, one character for one, so that offsets stay those of the original. */
function fold(text: string): string {
  let result = '';
  for (const char of text) {
    const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
    result += bare.length === char.length ? bare : char;
  }
  return result;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words separated by spaces, hyphens or apostrophes in any of their forms (« Saint-Ouen-l'Aumône »). */
function wordsPattern(value: string): string {
  return value
    .split(/[\s'’-]+/)
    .filter(Boolean)
    .map(escape)
    .join(`[\\s'’-]+`);
}

/** The word with its capital, the rest in any case (« Morel », « MOREL »). */
function capitalised(part: string): string {
  return `${escape(part[0].toUpperCase())}(?i:${escape(part.slice(1))})`;
}
