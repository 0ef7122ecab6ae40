import { compareAverages, compareCounts, compareDurations, compareShares, previousPeriodWords } from './comparison';

const MIN = 60_000;
const OFFICE_DAY = 7.5 * 60 * MIN;
const visible = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('comparison with the previous period', () => {
  const since = previousPeriodWords({ from: '2026-03-01', to: '2026-03-30' });

  it('names the previous period by its length', () => {
    expect(since).toBe('30 jours précédents');
    expect(previousPeriodWords({ from: '2026-01-01', to: '2026-12-31' })).toBe('365 jours précédents');
  });

  it('says a duration’s change with its sign, in words', () => {
    expect(compareDurations(72 * MIN, 60 * MIN, since, OFFICE_DAY)).toEqual({ direction: 'up', text: '+12\u00a0min par rapport aux 30 jours précédents' });
    expect(visible(compareDurations(60 * MIN, 150 * MIN, since, OFFICE_DAY).text)).toBe('−1 h 30 par rapport aux 30 jours précédents');
    expect(compareDurations(60 * MIN, 60 * MIN + 20_000, since, OFFICE_DAY)).toEqual({ direction: 'same', text: 'Identique aux 30 jours précédents' });
  });

  it('says why there is no comparison when a figure is missing', () => {
    expect(compareDurations(60 * MIN, null, since, OFFICE_DAY)).toEqual({
      direction: 'none',
      text: 'Pas de comparaison avec les 30 jours précédents (trop peu de questions)',
    });
    expect(compareShares(null, 0.5, since).direction).toBe('none');
    expect(compareAverages(4, null, since).text).toContain('aucune réponse');
  });

  it('compares shares in percentage points, averages to one decimal, counts in questions', () => {
    expect(compareShares(0.82, 0.77, since).text).toBe('+5 points par rapport aux 30 jours précédents');
    expect(compareShares(0.76, 0.77, since).text).toBe('−1 point par rapport aux 30 jours précédents');
    expect(compareAverages(4.2, 3.9, since)).toEqual({ direction: 'up', text: '+0,3 par rapport aux 30 jours précédents' });
    expect(compareCounts(30, 42, since, 'question')).toEqual({ direction: 'down', text: '−12 questions par rapport aux 30 jours précédents' });
    expect(compareCounts(42, 42, since, 'question').direction).toBe('same');
  });
});
