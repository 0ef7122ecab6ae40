/**
 * « de » and « à » before a commune's name, as French writes them: elision before a vowel or a mute h
 * (« d’Aincourt », « d’Us »), contraction with the name's own article (« du Heaulme », « des Mureaux »,
 * « au Bellay-en-Vexin », « aux Mureaux »), and nothing done to « La » or « L’ » (« de La Roche-Guyon »,
 * « à L’Isle-Adam »). The name itself is returned as given: it is data (INSEE, the geographic reference).
 */

/**
 * First words of names starting with a mute h (those of the Val-d’Oise; add others as communes join), which elide (« d’Herblay-sur-Seine »). Every other h is taken as aspirated and
 * keeps « de » (« de Haute-Isle », « de Haravilliers », « de Hodent »): the grammar cannot tell them apart from the
 * spelling, and a missing elision reads better than a wrong one. INSEE's own link type (typeLiaison in
 * @etalab/decoupage-administratif) says « d’ » for every h, Haute-Isle included, so it cannot be used either.
 * Matched on the name's first word, accents and case ignored.
 */
export const MUTE_H_PLACE_WORDS: readonly string[] = ['hedouville', 'herblay', 'herouville'];

/** « de X », « d’X », « du X », « des X »: « la commune d’Aincourt », « le maire du Heaulme ». */
export function ofPlace(name: string): string {
  const trimmed = name.trim();
  const article = leadingArticle(trimmed);
  if (article === 'le') {
    return `du ${trimmed.slice(3)}`;
  }
  if (article === 'les') {
    return `des ${trimmed.slice(4)}`;
  }
  return elides(trimmed) ? `d’${trimmed}` : `de ${trimmed}`;
}

/** « à X », « au X », « aux X »: « un projet à Aincourt », « au Heaulme », « aux Mureaux ». */
export function inPlace(name: string): string {
  const trimmed = name.trim();
  const article = leadingArticle(trimmed);
  if (article === 'le') {
    return `au ${trimmed.slice(3)}`;
  }
  if (article === 'les') {
    return `aux ${trimmed.slice(4)}`;
  }
  return `à ${trimmed}`;
}

/** The article that contracts with « de » / « à »: only a separate word « Le » or « Les » (never « La », « L’ »). */
function leadingArticle(name: string): 'le' | 'les' | null {
  if (/^Le\s/.test(name)) {
    return 'le';
  }
  if (/^Les\s/.test(name)) {
    return 'les';
  }
  return null;
}

function elides(name: string): boolean {
  const plain = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  if (/^[aeiouyœæ]/.test(plain)) {
    return true;
  }
  if (plain.startsWith('h')) {
    const firstWord = plain.split(/[\s\-'’]/)[0];
    return MUTE_H_PLACE_WORDS.includes(firstWord);
  }
  return false;
}
