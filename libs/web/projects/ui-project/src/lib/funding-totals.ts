import type { FundingLineDto } from '@passerelle/shared/dto';

export interface FundingTotals {
  requestedCents: number;
  obtainedCents: number;
  /** Shares of the project's cost, `null` when the cost is unknown. */
  requestedShare: number | null;
  obtainedShare: number | null;
}

/**
 * Totals of the funding lines against the cost HT (the final cost once known, else the forecast). A refused line
 * counts neither as requested nor obtained: it will not fund anything.
 */
export function fundingTotals(lines: readonly FundingLineDto[], costCents: number | null): FundingTotals {
  const counted = lines.filter((line) => line.state !== 'REFUSED');
  const requestedCents = counted.reduce((sum, line) => sum + (line.amountRequestedCents ?? 0), 0);
  const obtainedCents = counted.reduce((sum, line) => sum + (line.amountObtainedCents ?? 0), 0);
  const share = (cents: number) => (costCents ? cents / costCents : null);
  return { requestedCents, obtainedCents, requestedShare: share(requestedCents), obtainedShare: share(obtainedCents) };
}
