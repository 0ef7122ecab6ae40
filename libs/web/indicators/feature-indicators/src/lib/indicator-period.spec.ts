import { choiceOf, customPeriodErrors, isCalendarDay, lastDayOfMonth, periodParams, recentMonths, recentYears } from './indicator-period';

const TODAY = '2026-03-16';

describe('the period picker', () => {
  it('writes nothing for the last 30 days, the API’s default', () => {
    expect(periodParams({ kind: 'last30' }, TODAY)).toEqual({ from: null, to: null });
    expect(choiceOf(undefined, undefined, TODAY)).toEqual({ kind: 'last30' });
  });

  it('writes a month from its first to its last day, or to today while it runs', () => {
    expect(periodParams({ kind: 'month', month: '2026-02' }, TODAY)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodParams({ kind: 'month', month: '2024-02' }, TODAY)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodParams({ kind: 'month', month: '2026-03' }, TODAY)).toEqual({ from: '2026-03-01', to: '2026-03-16' });
  });

  it('writes a year, the running one up to today', () => {
    expect(periodParams({ kind: 'year', year: 2025 }, TODAY)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodParams({ kind: 'year', year: 2026 }, TODAY)).toEqual({ from: '2026-01-01', to: '2026-03-16' });
  });

  it('writes custom dates as they are', () => {
    expect(periodParams({ kind: 'custom', from: '2026-01-10', to: '2026-02-20' }, TODAY)).toEqual({ from: '2026-01-10', to: '2026-02-20' });
  });

  it('reads the address back as the choice it came from, so that a reload keeps it', () => {
    for (const choice of [
      { kind: 'month', month: '2026-02' },
      { kind: 'month', month: '2026-03' },
      { kind: 'year', year: 2025 },
      { kind: 'custom', from: '2026-01-10', to: '2026-02-20' },
    ] as const) {
      const { from, to } = periodParams(choice, TODAY);
      expect(choiceOf(from, to, TODAY)).toEqual(choice);
    }
    expect(choiceOf('2026-02-01', '2026-02-20', TODAY)).toEqual({ kind: 'custom', from: '2026-02-01', to: '2026-02-20' });
    expect(choiceOf('2026-02-30', '2026-03-01', TODAY)).toEqual({ kind: 'last30' });
  });

  it('checks a custom period in French', () => {
    expect(customPeriodErrors('', '2026-03-01')).toEqual({ from: 'Indiquez la date de début.' });
    expect(customPeriodErrors('2026-03-10', '2026-03-01')).toEqual({ to: 'La date de fin doit suivre la date de début.' });
    expect(customPeriodErrors('2020-01-01', '2026-03-01')).toEqual({ to: 'La période ne peut pas dépasser 731 jours.' });
    expect(customPeriodErrors('2026-03-01', '2026-03-01')).toEqual({});
  });

  it('offers the recent months and years, the current first', () => {
    expect(recentMonths(TODAY, 3)).toEqual([
      { value: '2026-03', label: 'Mars 2026' },
      { value: '2026-02', label: 'Février 2026' },
      { value: '2026-01', label: 'Janvier 2026' },
    ]);
    expect(recentMonths('2026-01-05', 2)[1]).toEqual({ value: '2025-12', label: 'Décembre 2025' });
    expect(recentYears(TODAY, 3)).toEqual([2026, 2025, 2024]);
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
    expect(isCalendarDay('2026-02-29')).toBe(false);
  });
});
