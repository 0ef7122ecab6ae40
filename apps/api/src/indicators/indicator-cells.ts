import { csvField } from '../common/http/csv';

const HOUR_MS = 3_600_000;

/** A cell of the indicators' CSV: numbers as they are, text quoted and defused. */
export type Cell = string | number | null;

/** Milliseconds as hours, two decimals at most, with a decimal comma. */
export function hours(ms: number | string | null): string | null {
  return ms === null ? null : decimal(Number(ms) / HOUR_MS);
}

/** Two decimals at most, with a decimal comma. */
export function decimal(value: number | null): string | null {
  return value === null ? null : String(Math.round(value * 100) / 100).replace('.', ',');
}

/** One CSV line: `;` between cells, CRLF at the end. */
export function line(cells: Cell[]): string {
  return cells.map((cell) => csvField(cell, typeof cell === 'number')).join(';') + '\r\n';
}
