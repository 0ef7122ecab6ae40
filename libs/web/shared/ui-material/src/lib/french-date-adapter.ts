import { inject, Injectable, type Provider } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, MAT_DATE_LOCALE, type MatDateFormats } from '@angular/material/core';
import { parseFrenchDate } from '@passerelle/web/shared/util-format';

/** What the adapter answers for text that is no day; never sent anywhere, the field shows its parse error. */
const INVALID = 'invalid';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function utc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/**
 * Material date fields whose value is the calendar day the API speaks (`aaaa-mm-jj`), with no time or zone, so a form
 * keeps its string model and no day shifts through a local midnight. Typed text is read day first (`jj/mm/aaaa`) —
 * Material's native adapter goes through `Date.parse`, which reads `04/12/2026` as 12 April — and shown back as
 * `04/12/2026`; weeks start on Monday.
 */
@Injectable()
export class FrenchDateAdapter extends DateAdapter<string, string> {
  constructor() {
    super();
    // The token is typed `{}`; it holds a locale name such as `fr-FR`.
    this.setLocale(String(inject(MAT_DATE_LOCALE, { optional: true }) ?? 'fr-FR'));
  }

  getYear(date: string): number {
    return utc(date).getUTCFullYear();
  }

  getMonth(date: string): number {
    return utc(date).getUTCMonth();
  }

  getDate(date: string): number {
    return utc(date).getUTCDate();
  }

  getDayOfWeek(date: string): number {
    return utc(date).getUTCDay();
  }

  getMonthNames(style: 'long' | 'short' | 'narrow'): string[] {
    const format = new Intl.DateTimeFormat(this.locale, { month: style, timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, i) => format.format(Date.UTC(2017, i, 1)));
  }

  getDateNames(): string[] {
    return Array.from({ length: 31 }, (_, i) => String(i + 1));
  }

  getDayOfWeekNames(style: 'long' | 'short' | 'narrow'): string[] {
    const format = new Intl.DateTimeFormat(this.locale, { weekday: style, timeZone: 'UTC' });
    // 1 January 2017 was a Sunday: index 0 is Sunday, as Material expects.
    return Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2017, 0, i + 1)));
  }

  getYearName(date: string): string {
    return String(this.getYear(date));
  }

  getFirstDayOfWeek(): number {
    return 1;
  }

  getNumDaysInMonth(date: string): number {
    const d = utc(date);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  }

  clone(date: string): string {
    return date;
  }

  createDate(year: number, month: number, date: number): string {
    const created = new Date(Date.UTC(year, month, date));
    if (created.getUTCMonth() !== month || date < 1) {
      throw Error(`Invalid date "${date}" for month with index "${month}".`);
    }
    return `${pad(year, 4)}-${pad(month + 1)}-${pad(date)}`;
  }

  today(): string {
    // The day in Paris, like every date of the portal.
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  }

  parse(value: unknown): string | null {
    if (typeof value !== 'string' || value.trim() === '') {
      return null;
    }
    const day = parseFrenchDate(value);
    return day ? this.createDate(day.year, day.month - 1, day.day) : this.invalid();
  }

  format(date: string, displayFormat: Intl.DateTimeFormatOptions): string {
    if (!this.isValid(date)) {
      throw Error('FrenchDateAdapter: cannot format an invalid date.');
    }
    return new Intl.DateTimeFormat(this.locale, { ...displayFormat, timeZone: 'UTC' }).format(utc(date));
  }

  addCalendarYears(date: string, years: number): string {
    return this.addCalendarMonths(date, years * 12);
  }

  addCalendarMonths(date: string, months: number): string {
    const d = utc(date);
    const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
    // 31 January + 1 month is the last day of February, not 3 March.
    const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(d.getUTCDate(), last));
    return isoDay(target);
  }

  addCalendarDays(date: string, days: number): string {
    const d = utc(date);
    d.setUTCDate(d.getUTCDate() + days);
    return isoDay(d);
  }

  toIso8601(date: string): string {
    return date;
  }

  /** The form's empty value `''` is no day; an ISO day from the API is taken as it is. */
  override deserialize(value: unknown): string | null {
    if (value === '' || value == null) {
      return null;
    }
    return typeof value === 'string' && this.isValid(value) ? value : this.invalid();
  }

  isDateInstance(obj: unknown): boolean {
    return typeof obj === 'string';
  }

  isValid(date: string): boolean {
    return ISO_DAY.test(date) && !Number.isNaN(utc(date).getTime()) && isoDay(utc(date)) === date;
  }

  invalid(): string {
    return INVALID;
  }
}

/** Shown in the field as typed: `04/12/2026`. */
export const FRENCH_DATE_FORMATS: MatDateFormats = {
  parse: { dateInput: null, timeInput: null },
  display: {
    dateInput: { year: 'numeric', month: '2-digit', day: '2-digit' },
    timeInput: { hour: '2-digit', minute: '2-digit' },
    monthYearLabel: { year: 'numeric', month: 'long' },
    dateA11yLabel: { year: 'numeric', month: 'long', day: 'numeric' },
    monthYearA11yLabel: { year: 'numeric', month: 'long' },
    timeOptionLabel: { hour: '2-digit', minute: '2-digit' },
  },
};

/**
 * French calendar days for the Material date fields of a page (datepickers, date filters): provided by the pages
 * that have such fields, so that the date adapter stays out of the first download.
 */
export function provideFrenchDates(): Provider[] {
  return [
    { provide: MAT_DATE_LOCALE, useValue: 'fr-FR' },
    { provide: DateAdapter, useClass: FrenchDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: FRENCH_DATE_FORMATS },
  ];
}
