import type { FundingLineDto } from '@passerelle/shared/dto';
import { fundingTotals } from './funding-totals';

function line(overrides: Partial<FundingLineDto>): FundingLineDto {
  return {
    funder: 'ETAT',
    funderName: null,
    scheme: 'DETR',
    amountRequestedCents: null,
    amountObtainedCents: null,
    state: 'REQUESTED',
    requestedOn: null,
    decidedOn: null,
    ...overrides,
  };
}

describe('fundingTotals', () => {
  it('adds the amounts, leaves refused lines out and gives their share of the cost', () => {
    const totals = fundingTotals(
      [
        line({ amountRequestedCents: 40_000_00, amountObtainedCents: 30_000_00, state: 'OBTAINED' }),
        line({ funder: 'DEPARTEMENT', amountRequestedCents: 20_000_00 }),
        line({ funder: 'REGION', amountRequestedCents: 50_000_00, state: 'REFUSED' }),
      ],
      100_000_00,
    );
    expect(totals).toEqual({ requestedCents: 60_000_00, obtainedCents: 30_000_00, requestedShare: 0.6, obtainedShare: 0.3 });
  });

  it('gives no share when the cost is unknown', () => {
    expect(fundingTotals([line({ amountRequestedCents: 100 })], null).requestedShare).toBeNull();
  });
});
