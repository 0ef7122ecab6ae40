/** A calendar day as typed by a person, month 1–12. */
export interface TypedDay {
  year: number;
  month: number;
  day: number;
}

const FRENCH = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads a day typed the French way, `jj/mm/aaaa` (also with `.`, `-` or a space, and one-digit day or month), or as an
 * ISO `aaaa-mm-jj`; `null` when the text is no real day (`31/02/2026`, `12/2026`, `04/12/26`). Never month first: the
 * browser's `Date.parse` would read `04/12/2026` as 12 April.
 */
export function parseFrenchDate(text: string): TypedDay | null {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  const french = iso ? null : FRENCH.exec(trimmed);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : french
      ? [Number(french[3]), Number(french[2]), Number(french[1])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) {
    return null;
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : null;
}
