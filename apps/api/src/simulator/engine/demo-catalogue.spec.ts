import { DEMO_ABLEIGES_INPUT, DEMO_CATALOGUE, DEMO_PARAMETERS } from './demo-catalogue';
import { simulate } from './simulate';

describe('the demo catalogue on Ableiges (1 108 hab., school energy renovation, 180 000 € HT / 216 000 € TTC)', () => {
  const result = simulate(DEMO_ABLEIGES_INPUT, DEMO_CATALOGUE, DEMO_PARAMETERS);
  const { totals } = result.plan;
  const cost = DEMO_ABLEIGES_INPUT.eligibleExpenseHtCents;

  it('keeps the aids under the minimum share of the commune, 10 % by derogation (CGCT L1111-10 III)', () => {
    expect(result.minCommuneShareBp).toBe(1000);
    expect(totals.publicAidCents * 10_000).toBeLessThanOrEqual((10_000 - result.minCommuneShareBp) * (cost - totals.privateFundingCents));
    expect(totals.communeShareCents).toBeGreaterThanOrEqual(0);
    expect(totals.communeShareCents).toBe(cost - totals.privateFundingCents - totals.publicAidCents);
  });

  it('keeps the State dotations together under 80 % of the expense HT (CGCT R2334-27)', () => {
    const state = result.lines
      .filter((line) => DEMO_CATALOGUE.find((v) => v.id === line.versionId)?.capGroup === 'STATE_DOTATIONS')
      .reduce((total, line) => total + line.retainedCents, 0);
    expect(state).toBeGreaterThan(0);
    expect(state * 10_000).toBeLessThanOrEqual(8000 * cost);
  });

  it('adds up: the lines make the public aid, the FCTVA and the cash follow from the totals', () => {
    expect(result.lines.reduce((total, line) => total + line.retainedCents, 0)).toBe(totals.publicAidCents);
    expect(result.plan.retained.reduce((total, aid) => total + aid.cents, 0)).toBe(totals.publicAidCents);
    expect(result.lines.every((line) => line.retainedCents <= line.maxCents)).toBe(true);
    expect(totals.fctvaCents).toBe(3_543_264);
    expect(totals.cashAdvanceCents).toBe(21_600_000 - totals.publicAidCents);
    expect(totals.netCostCents).toBe((totals.cashAdvanceCents ?? 0) - (totals.fctvaCents ?? 0));
  });

  it('marks its illustrative schemes « exemple » and cites a source for every scheme and parameter', () => {
    for (const version of DEMO_CATALOGUE) {
      expect(version.sources.length).toBeGreaterThan(0);
      expect(version.name.includes('(exemple)')).toBe(version.illustrative);
    }
    expect(result.sources.map((source) => source.label)).toEqual(
      expect.arrayContaining(['CGCT, art. L1111-10 III', 'CGCT, art. R2334-27', 'CGCT, art. L1615-6']),
    );
  });
});
