/*
 * French formatting of the explanation. French typography puts a narrow no-break space (U+202F) between groups of
 * digits and a no-break space (U+00A0) before « : », « ; », « % », « € », « ? », « ! », « » » and after « « »: the
 * figures never break across lines. Intl's output is normalised because ICU versions differ on the grouping space.
 */

export const NBSP = '\u00a0';
export const NNBSP = '\u202f';

const integerFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0, useGrouping: true });

const MONTHS = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
];

/** `1108` → `1 108` (U+202F). */
export function formatInteger(value: number): string {
  const sign = value < 0 ? '−' : '';
  return sign + integerFormat.format(Math.abs(value)).replace(/\s/g, NNBSP);
}

/** `18000000` → `180 000,00 €`, from the integer: the cents are never a float. */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '−' : '';
  const abs = Math.abs(cents);
  const centsPart = abs % 100;
  const euros = (abs - centsPart) / 100;
  return `${sign}${formatInteger(euros)},${String(centsPart).padStart(2, '0')}${NBSP}€`;
}

/** Decimals of `fraction` over `digits` digits, trailing zeros dropped: (40, 3) → `04`. */
function decimals(fraction: number, digits: number): string {
  return String(fraction).padStart(digits, '0').replace(/0+$/, '');
}

/** `3500` → `35 %`, `3550` → `35,5 %`, `666` → `6,66 %`. */
export function formatBp(bp: number): string {
  const fraction = bp % 100;
  const whole = (bp - fraction) / 100;
  return `${formatInteger(whole)}${fraction === 0 ? '' : `,${decimals(fraction, 2)}`}${NBSP}%`;
}

/** `164040` (per million) → `16,404 %`. */
export function formatMillionths(millionths: number): string {
  const fraction = millionths % 10_000;
  const whole = (millionths - fraction) / 10_000;
  return `${formatInteger(whole)}${fraction === 0 ? '' : `,${decimals(fraction, 4)}`}${NBSP}%`;
}

/** `1108` → `1 108 hab.` */
export function formatPopulation(inhabitants: number): string {
  return `${formatInteger(inhabitants)}${NBSP}hab.`;
}

/** `2025-03-01` → `1er mars 2025`. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day === 1 ? '1er' : day} ${MONTHS[month - 1]} ${year}`;
}

/**
 * Puts the no-break spaces of French punctuation into a sentence written with ordinary spaces; an abbreviation that
 * ends a sentence (`hab.`) takes no second full stop.
 */
export function typeset(text: string): string {
  return text
    .replace(/ +([:;%€?!»])/g, `${NBSP}$1`)
    .replace(/« +/g, `«${NBSP}`)
    .replace(/\.\.$/, '.');
}
