import type { IndicatorGroupRow } from '@passerelle/shared/dto';
import { CHOROPLETH_COLORS, choroplethScale } from './choropleth-classes';

const HOUR = 3_600_000;
const OFFICE_DAY = 7.5 * HOUR;

function row(p50Ms: number | null, share: number | null, count = 12): IndicatorGroupRow {
  return {
    key: '9501',
    label: 'Pontoise',
    communes: 12,
    backlog: 0,
    summary: {
      firstResponse: {
        working: { count, p50Ms, p90Ms: p50Ms },
        elapsed: { count, p50Ms, p90Ms: p50Ms },
        withinTarget: { count, share },
        targetDays: 5,
      },
      resolution: { count: 0, p50Ms: null, p90Ms: null },
      reopenRate: { count: 0, share: null },
      opinions: { closed: 0, satisfaction: { count: 0, average: null, responseRate: null }, effort: { count: 0, average: null, responseRate: null } },
      created: count,
    },
  };
}

describe('choroplethScale', () => {
  it('cuts the median delay at 1 and 2 working days and at the target', () => {
    const scale = choroplethScale('firstResponse', OFFICE_DAY, 5);
    expect(scale.classes.map((c) => c.color)).toEqual([...CHOROPLETH_COLORS]);
    expect(scale.classes[2].label.replace(/\u00a0/g, ' ')).toBe('Plus de 2 j, jusqu’à 5 j (l’objectif)');
    expect(scale.classOf(row(3 * HOUR, 1))).toBe(0);
    expect(scale.classOf(row(OFFICE_DAY, 1))).toBe(0);
    expect(scale.classOf(row(OFFICE_DAY + HOUR, 1))).toBe(1);
    expect(scale.classOf(row(4 * OFFICE_DAY, 1))).toBe(2);
    expect(scale.classOf(row(6 * OFFICE_DAY, 1))).toBe(3);
    expect(scale.classOf(row(null, 1, 4))).toBeNull();
    expect(scale.describe(row(3 * HOUR, 1)).replace(/\u00a0/g, ' ')).toBe('Médiane : 3 h (12 questions répondues)');
  });

  it('uses fractions of a short target', () => {
    const scale = choroplethScale('firstResponse', OFFICE_DAY, 2);
    // A quarter of 2 days of 7 h 30 is 3 h 45.
    expect(scale.classes[0].label.replace(/\u00a0/g, ' ')).toBe('3 h 45 ou moins');
  });

  it('cuts the share within the target at 90, 75 and 50 %', () => {
    const scale = choroplethScale('withinTarget', OFFICE_DAY, 5);
    expect(scale.title).toBe('Part des questions répondues dans l’objectif de 5 jours ouvrés');
    expect([0.95, 0.9, 0.8, 0.6, 0.2].map((share) => scale.classOf(row(HOUR, share)))).toEqual([0, 0, 1, 2, 3]);
    expect(scale.classOf(row(null, null, 0))).toBeNull();
  });
});
