/**
 * A text folded for comparison: accents dropped, lower case, every run of other characters (spaces, hyphens,
 * apostrophes, underscores, punctuation) made one space. « Coût_total HT », « COUT TOTAL HT » and « coût-total-HT »
 * all give `cout total ht`; « Val-d’Oise » gives `val d oise`.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
