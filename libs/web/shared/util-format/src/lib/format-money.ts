/**
 * Amounts travel as integer cents (HT) and are shown the French way: `12 345,67 €`. Intl groups digits with a narrow
 * no-break space (U+202F) and puts a no-break space (U+00A0) before the euro sign.
 */
const euroFormat = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const plainFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

/** 1 billion euros: beyond that an amount is a typing error (the same bound as the API's). */
export const MAX_AMOUNT_CENTS = 100_000_000_000;

/** `1234567` → `12 345,67 €`; `null` → `—`, so that a table cell is never blank. */
export function formatEuros(cents: number | null | undefined): string {
  return cents == null ? '—' : euroFormat.format(cents / 100);
}

/** `1234567` → `12 345,67`: the value put back in a money field, which the parser reads again. */
export function formatMoneyInput(cents: number | null | undefined): string {
  return cents == null ? '' : plainFormat.format(cents / 100);
}

/** `0.4567` → `46 %`. */
export function formatPercent(ratio: number): string {
  return percentFormat.format(ratio);
}

export type MoneyParseResult = { cents: number | null; error: null } | { cents: null; error: string };

/**
 * Reads what a person types in a money field: `12 345,67`, `12345.67`, `12 345 €`, `12.345,67` → cents. An empty
 * field is no amount (`null`). Works on the digits as text, never through floating point, so `0,29` is 29 cents and
 * not 28.999…. Refuses negative amounts, more than two decimals and anything beyond `max` with a French message.
 */
export function parseEuros(text: string, max = MAX_AMOUNT_CENTS): MoneyParseResult {
  const compact = text
    .replace(/€|eur(os?)?|\bht\b/gi, '')
    .replace(/[\s\u00a0\u202f']/g, '');
  if (compact === '') {
    return { cents: null, error: null };
  }
  if (compact.startsWith('-')) {
    return { cents: null, error: 'Le montant ne peut pas être négatif.' };
  }
  const normalised = normaliseSeparators(compact);
  const match = normalised === null ? null : /^(\d+)(?:\.(\d{1,2}))?$/.exec(normalised);
  if (!match) {
    return {
      cents: null,
      error: 'Saisissez un montant en euros, par exemple 12 345,67 (deux chiffres au plus après la virgule).',
    };
  }
  const euros = match[1].replace(/^0+(?=\d)/, '');
  const decimals = (match[2] ?? '').padEnd(2, '0');
  // Compared as text first: a 30-digit amount would lose precision as a number before the comparison.
  if (euros.length > String(Math.floor(max / 100)).length + 1) {
    return { cents: null, error: tooLarge(max) };
  }
  const cents = Number(euros) * 100 + Number(decimals);
  if (cents > max) {
    return { cents: null, error: tooLarge(max) };
  }
  return { cents, error: null };
}

function tooLarge(max: number): string {
  return `Ce montant dépasse ${formatEuros(max)}\u00a0: vérifiez la saisie.`;
}

/**
 * One decimal separator at most, turned into a dot. With both a comma and dots, the last one is the decimal
 * separator and the others group thousands (`12.345,67`); several dots alone group thousands (`1.234.567`).
 */
function normaliseSeparators(value: string): string | null {
  const commas = (value.match(/,/g) ?? []).length;
  const dots = (value.match(/\./g) ?? []).length;
  if (commas === 0 && dots <= 1) {
    return value;
  }
  if (dots === 0 && commas === 1) {
    return value.replace(',', '.');
  }
  if (commas === 0) {
    return /^\d{1,3}(\.\d{3})+$/.test(value) ? value.replace(/\./g, '') : null;
  }
  if (commas === 1 && /^\d{1,3}(\.\d{3})+,\d+$/.test(value)) {
    return value.replace(/\./g, '').replace(',', '.');
  }
  return null;
}
