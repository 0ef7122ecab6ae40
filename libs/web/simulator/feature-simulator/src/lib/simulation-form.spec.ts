import { todayInParis } from '@passerelle/web/shared/util-format';
import { buildSimulationRequest, type SimulationFormValue } from './simulation-form';

const filled: SimulationFormValue = {
  theme: 'VOIRIE',
  expenseHt: '180 000,50',
  expenseTtc: '216 000',
  privateFunding: '',
  date: '2026-03-14',
  spendingStarted: false,
  derogation: null,
  derogationShare: '',
};

describe('buildSimulationRequest', () => {
  it('reads French amounts into integer cents and leaves out what is not given', () => {
    expect(buildSimulationRequest(filled)).toEqual({
      request: {
        theme: 'VOIRIE',
        eligibleExpenseHtCents: 18_000_050,
        expenseTtcCents: 21_600_000,
        spendingStarted: false,
        derogation: null,
        date: '2026-03-14',
      },
      errors: null,
    });
  });

  it('sends the private funding, the derogation and the préfet’s share when given', () => {
    const result = buildSimulationRequest({
      ...filled,
      expenseTtc: '',
      privateFunding: '10 000',
      derogation: 'DISASTER',
      derogationShare: '12,5 %',
      spendingStarted: true,
    });
    expect(result.request).toMatchObject({
      expenseTtcCents: null,
      privateFundingCents: 1_000_000,
      derogation: 'DISASTER',
      derogationShareBp: 1250,
      spendingStarted: true,
    });
  });

  it('ignores the share typed for a derogation that was then removed', () => {
    expect(buildSimulationRequest({ ...filled, derogationShare: '10' }).request).not.toHaveProperty('derogationShareBp');
  });

  it('rejects bad input field by field, in French', () => {
    const result = buildSimulationRequest({
      ...filled,
      theme: null,
      expenseHt: '180 000,505',
      privateFunding: '-5',
      derogation: 'DISASTER',
      derogationShare: '120',
    });
    expect(result.request).toBeNull();
    expect(result.errors).toEqual({
      theme: expect.stringContaining('thématique'),
      expenseHt: expect.stringContaining('deux chiffres'),
      privateFunding: expect.stringContaining('négatif'),
      derogationShare: expect.stringContaining('entre 0 et 100'),
    });
  });

  it('requires a positive expense HT and a TTC cost not below it', () => {
    expect(buildSimulationRequest({ ...filled, expenseHt: '' }).errors).toEqual({
      expenseHt: expect.stringContaining('hors taxes'),
    });
    expect(buildSimulationRequest({ ...filled, expenseHt: '0' }).errors).toHaveProperty('expenseHt');
    expect(buildSimulationRequest({ ...filled, expenseHt: 'cent mille' }).errors).toHaveProperty('expenseHt');
    expect(buildSimulationRequest({ ...filled, expenseTtc: '100 000' }).errors).toEqual({
      expenseTtc: expect.stringContaining('inférieur'),
    });
  });
});


describe('todayInParis', () => {
  it('gives the Paris calendar day, not the UTC one', () => {
    expect(todayInParis(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });
});
