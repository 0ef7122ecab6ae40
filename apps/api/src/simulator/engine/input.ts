import type { SimulationInput } from '@passerelle/shared/dto';
import { isIsoDate } from './dates';

/**
 * The engine's preconditions. The API validates requests first and answers in French; reaching these checks is a
 * programming error, so they throw instead of producing a wrong estimate.
 */
export function assertValidInput(input: SimulationInput): void {
  const nonNegativeIntegers: [string, number | null | undefined][] = [
    ['communePopulation', input.communePopulation],
    ['epciPopulation', input.epciPopulation],
    ['eligibleExpenseHtCents', input.eligibleExpenseHtCents],
    ['expenseTtcCents', input.expenseTtcCents],
    ['privateFundingCents', input.privateFundingCents],
    ['derogationShareBp', input.derogationShareBp],
  ];
  for (const [name, value] of nonNegativeIntegers) {
    if (value != null && (!Number.isSafeInteger(value) || value < 0)) {
      throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
    }
  }
  if (!isIsoDate(input.date)) {
    throw new RangeError(`date must be an ISO date (YYYY-MM-DD), got ${input.date}`);
  }
  if (input.expenseTtcCents !== null && input.expenseTtcCents < input.eligibleExpenseHtCents) {
    throw new RangeError('expenseTtcCents cannot be lower than eligibleExpenseHtCents');
  }
  if (privateFundingOf(input) > input.eligibleExpenseHtCents) {
    throw new RangeError('privateFundingCents cannot exceed eligibleExpenseHtCents');
  }
}

export function privateFundingOf(input: SimulationInput): number {
  return input.privateFundingCents ?? 0;
}
