import { durationCountText, formatAverage, formatPeriod, formatShare, periodDays } from './format-figure';

const visible = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('figure formats', () => {
  it('writes shares and averages the French way, « — » when there is none', () => {
    expect(visible(formatShare(0.875))).toBe('88 %');
    expect(formatShare(null)).toBe('—');
    expect(visible(formatAverage(4.25, 5))).toBe('4,3 / 5');
    expect(visible(formatAverage(6, 7))).toBe('6,0 / 7');
    expect(formatAverage(null, 7)).toBe('—');
  });

  it('gives a duration’s count, and why there is no figure under 10 cases', () => {
    expect(durationCountText({ count: 42, p50Ms: 1, p90Ms: 2 }, 'question répondue', 'questions répondues')).toBe('sur 42 questions répondues');
    expect(visible(durationCountText({ count: 4, p50Ms: null, p90Ms: null }, 'question fermée', 'questions fermées'))).toBe(
      '4 questions fermées : trop peu pour un délai (moins de 10)',
    );
    expect(durationCountText({ count: 0, p50Ms: null, p90Ms: null }, 'question fermée', 'questions fermées')).toBe('aucune question fermée');
  });

  it('names a period by its days, both ends included', () => {
    expect(formatPeriod({ from: '2026-03-01', to: '2026-03-31' })).toBe('du 01/03/2026 au 31/03/2026');
    expect(periodDays({ from: '2026-03-01', to: '2026-03-31' })).toBe(31);
    // Across the change to summer time, still whole days.
    expect(periodDays({ from: '2026-03-28', to: '2026-03-30' })).toBe(3);
  });
});
