/** French number formats. Intl groups digits with a narrow no-break space (U+202F), as the Imprimerie nationale does. */
const integerFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** `1108` → `1 108`. */
export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

/** `1108` → `1 108 habitants`; French keeps the singular for 0 and 1. */
export function formatInhabitants(population: number): string {
  return `${formatInteger(population)} ${population < 2 ? 'habitant' : 'habitants'}`;
}

/** `3` → `3 communes`; `1` → `1 commune`. The plural is the noun followed by `s` unless given. */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatInteger(count)} ${count < 2 ? singular : plural}`;
}

/** `['95000', '95800']` → `95000, 95800`; an empty list reads as a dash so a table cell is never blank. */
export function formatPostcodes(postcodes: readonly string[]): string {
  return postcodes.length > 0 ? postcodes.join(', ') : '—';
}
