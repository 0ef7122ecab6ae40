import { TestBed } from '@angular/core/testing';
import { DateAdapter, MAT_DATE_FORMATS } from '@angular/material/core';
import { provideFrenchDates } from './french-date-adapter';

describe('provideFrenchDates', () => {
  let adapter: DateAdapter<string>;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideFrenchDates()] });
    adapter = TestBed.inject<DateAdapter<string>>(DateAdapter);
  });

  it('reads a typed jj/mm/aaaa day first, into the calendar day the API speaks', () => {
    expect(adapter.parse('04/12/2026', null)).toBe('2026-12-04');
    expect(adapter.parse('4/7/2026', null)).toBe('2026-07-04');
  });

  it('answers an invalid day for text that is no day, and nothing for an empty field', () => {
    const wrong = adapter.parse('31/02/2026', null);
    expect(wrong).not.toBeNull();
    expect(adapter.isValid(wrong as string)).toBe(false);
    expect(adapter.getValidDateOrNull(wrong)).toBeNull();
    expect(adapter.parse('  ', null)).toBeNull();
    expect(adapter.deserialize('')).toBeNull();
    expect(adapter.deserialize('2026-03-01')).toBe('2026-03-01');
  });

  it('shows a day back as jj/mm/aaaa, with French names and weeks starting on Monday', () => {
    const formats = TestBed.inject(MAT_DATE_FORMATS);
    expect(adapter.format('2026-07-04', formats.display.dateInput)).toBe('04/07/2026');
    expect(adapter.getFirstDayOfWeek()).toBe(1);
    expect(adapter.getMonthNames('long')[11]).toBe('décembre');
    expect(adapter.getDayOfWeekNames('long')[0]).toBe('dimanche');
  });

  it('walks the calendar without a time zone shifting the day', () => {
    expect(adapter.addCalendarDays('2026-03-28', 2)).toBe('2026-03-30'); // across the change to summer time
    expect(adapter.addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(adapter.addCalendarYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(adapter.getNumDaysInMonth('2028-02-10')).toBe(29);
    expect(adapter.createDate(2026, 11, 4)).toBe('2026-12-04');
    expect(adapter.today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
