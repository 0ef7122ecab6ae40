import { INDICATOR_MAX_DAYS } from '@passerelle/shared/dto';

/**
 * The period picker's choices and the `?from=&to=` they are written as in the address, so that a reload or a shared
 * link shows the same period. The default (the last 30 days) writes nothing: the API's default is the same.
 */
export type PeriodChoice =
  | { kind: 'last30' }
  /** `YYYY-MM`. */
  | { kind: 'month'; month: string }
  | { kind: 'year'; year: number }
  | { kind: 'custom'; from: string; to: string };

export type PeriodKind = PeriodChoice['kind'];

export interface PeriodParams {
  from: string | null;
  to: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A real calendar day written `YYYY-MM-DD` (not `2026-02-30`). */
export function isCalendarDay(value: string | null | undefined): value is string {
  return !!value && DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** The last day of a month `YYYY-MM`. */
export function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

/** The address of a choice; a month or a year still running ends today, so that no empty week is drawn after it. */
export function periodParams(choice: PeriodChoice, today: string): PeriodParams {
  switch (choice.kind) {
    case 'last30':
      return { from: null, to: null };
    case 'month':
      return { from: `${choice.month}-01`, to: earliest(lastDayOfMonth(choice.month), today) };
    case 'year':
      return { from: `${choice.year}-01-01`, to: earliest(`${choice.year}-12-31`, today) };
    case 'custom':
      return { from: choice.from, to: choice.to };
  }
}

/**
 * The choice an address stands for: a whole month (or the running one up to today) is that month, a whole year that
 * year; anything else is a custom period. Malformed dates are ignored (the last 30 days).
 */
export function choiceOf(from: string | null | undefined, to: string | null | undefined, today: string): PeriodChoice {
  if (!isCalendarDay(from) || !isCalendarDay(to)) {
    return { kind: 'last30' };
  }
  const month = from.slice(0, 7);
  if (from.endsWith('-01') && to.startsWith(month) && (to === lastDayOfMonth(month) || to === today)) {
    return { kind: 'month', month };
  }
  const year = from.slice(0, 4);
  if (from === `${year}-01-01` && to.startsWith(year) && (to === `${year}-12-31` || to === today)) {
    return { kind: 'year', year: Number(year) };
  }
  return { kind: 'custom', from, to };
}

/** The French errors of a custom period, by field; none when it can be asked. */
export function customPeriodErrors(from: string, to: string): Partial<Record<'from' | 'to', string>> {
  const errors: Partial<Record<'from' | 'to', string>> = {};
  if (!isCalendarDay(from)) {
    errors.from = 'Indiquez la date de début.';
  }
  if (!isCalendarDay(to)) {
    errors.to = 'Indiquez la date de fin.';
  }
  if (errors.from || errors.to) {
    return errors;
  }
  if (from > to) {
    errors.to = 'La date de fin doit suivre la date de début.';
  } else if ((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1 > INDICATOR_MAX_DAYS) {
    errors.to = `La période ne peut pas dépasser ${INDICATOR_MAX_DAYS} jours.`;
  }
  return errors;
}

const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The months offered, the current one first: `{ value: '2026-03', label: 'Mars 2026' }`. */
export function recentMonths(today: string, count = 24): { value: string; label: string }[] {
  const [year, month] = today.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(year, month - 1 - i, 1));
    const label = monthFormat.format(date);
    return { value: date.toISOString().slice(0, 7), label: label.charAt(0).toUpperCase() + label.slice(1) };
  });
}

/** The years offered, the current one first. */
export function recentYears(today: string, count = 5): number[] {
  const year = Number(today.slice(0, 4));
  return Array.from({ length: count }, (_, i) => year - i);
}

function earliest(a: string, b: string): string {
  return a < b ? a : b;
}
