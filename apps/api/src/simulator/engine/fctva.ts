import type { DatedValue, FctvaYearOffset } from '@passerelle/shared/dto';
import { yearOf } from './dates';
import { applyMillionths } from './money';

export interface FctvaEstimate {
  cents: number;
  rateMillionths: number;
  year: number;
  yearOffset: FctvaYearOffset;
}

/**
 * Rule 6: the FCTVA on the expense TTC, rounded down to the cent, paid `yearOffset` years after the expense (the
 * commune's regime: N, N+1 or N+2). The expense is assumed paid in the year of the simulation. Without the TTC
 * amount, nothing is estimated (HT × 1.2 would invent a VAT rate).
 */
export function estimateFctva(
  expenseTtcCents: number | null,
  date: string,
  rate: DatedValue<number>,
  yearOffset: DatedValue<FctvaYearOffset>,
): FctvaEstimate | null {
  if (expenseTtcCents === null) {
    return null;
  }
  return {
    cents: applyMillionths(expenseTtcCents, rate.value),
    rateMillionths: rate.value,
    year: yearOf(date) + yearOffset.value,
    yearOffset: yearOffset.value,
  };
}
