/*
 * Integer arithmetic for amounts in cents. Aids are always rounded down to the cent, so that rounding can never
 * carry a total above a cap. Products go through BigInt: 1 billion euros (1e11 cents) × 1,000,000 exceeds 2^53.
 */

export const BP_SCALE = 10_000;
export const MILLIONTHS_SCALE = 1_000_000;

/** ⌊a × numerator / denominator⌋ for non-negative integers, exact at any size. */
export function mulDivFloor(a: number, numerator: number, denominator: number): number {
  return Number((BigInt(a) * BigInt(numerator)) / BigInt(denominator));
}

/** ⌊cents × rate⌋ for a rate in basis points. */
export function applyBp(cents: number, bp: number): number {
  return mulDivFloor(cents, bp, BP_SCALE);
}

/** ⌊cents × rate⌋ for a rate in millionths. */
export function applyMillionths(cents: number, millionths: number): number {
  return mulDivFloor(cents, millionths, MILLIONTHS_SCALE);
}

/** The rate, in basis points rounded down, that `part` is of `whole`. */
export function bpOf(part: number, whole: number): number {
  return whole === 0 ? 0 : mulDivFloor(part, BP_SCALE, whole);
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
