import { fillWeeks, mondayOf, totalOfWeeks } from './weeks';

describe('weeks', () => {
  it('finds the Monday of any day, Sundays included', () => {
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2026-03-01')).toBe('2026-02-23');
    // Across the change to summer time (29 March 2026) and the year's end.
    expect(mondayOf('2026-03-31')).toBe('2026-03-30');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('fills the quiet weeks of the period with zeros, partial first and last weeks included', () => {
    const filled = fillWeeks([{ week: '2026-03-09', created: 2, answered: 2, closed: 2, reopened: 1 }], { from: '2026-03-01', to: '2026-03-15' });
    expect(filled.map((w) => w.week)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09']);
    expect(filled[1]).toEqual({ week: '2026-03-02', created: 0, answered: 0, closed: 0, reopened: 0 });
    expect(filled[2].reopened).toBe(1);
  });

  it('adds up the weeks', () => {
    expect(
      totalOfWeeks([
        { week: '2026-03-02', created: 1, answered: 2, closed: 3, reopened: 0 },
        { week: '2026-03-09', created: 4, answered: 0, closed: 1, reopened: 1 },
      ]),
    ).toEqual({ created: 5, answered: 2, closed: 4, reopened: 1 });
  });
});
