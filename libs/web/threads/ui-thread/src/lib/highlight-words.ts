/** A piece of a text, marked when it is one of the words looked for. */
export interface TextPart {
  text: string;
  match: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Splits a text around the words the user typed, for `<mark>`. The search behind the suggestions ignores case and
 * accents and stems French words: « école » finds « écoles », « aménager » finds « aménagement ». So a word of the text
 * is marked when it reads the same once folded, or when both share a long beginning.
 */
export function highlightWords(text: string, words: readonly string[]): TextPart[] {
  const wanted = words.map(fold).filter((word) => word.length > 0);
  const parts: TextPart[] = [];
  const push = (piece: string, match: boolean) => {
    const last = parts[parts.length - 1];
    if (last && !last.match && !match) {
      last.text += piece;
    } else if (piece) {
      parts.push({ text: piece, match });
    }
  };
  let from = 0;
  for (const found of text.matchAll(WORD)) {
    const word = found[0];
    const at = found.index;
    if (wanted.some((candidate) => sameWord(fold(word), candidate))) {
      push(text.slice(from, at), false);
      push(word, true);
      from = at + word.length;
    }
  }
  push(text.slice(from), false);
  return parts;
}

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

function sameWord(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) {
    return false;
  }
  let common = 0;
  while (common < shorter && a[common] === b[common]) {
    common++;
  }
  return common >= Math.max(4, shorter - 2);
}
