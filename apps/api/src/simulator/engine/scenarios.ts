import {
  TYPICAL_RATE_MIN_COUNT,
  type AidSchemeVersionRule,
  type SimulationInput,
  type StateDotationsRule,
  type TypicalRate,
} from '@passerelle/shared/dto';
import { applyBp, BP_SCALE, clamp } from './money';

/** One scenario of one scheme: the rate, the product, then the grant ceiling and floor. */
export interface ScenarioAmount {
  rateBp: number;
  /** ⌊base × rate⌋ before the grant ceiling and floor. */
  productCents: number;
  /** After the ceiling and the floor: what the scenario gives. */
  cents: number;
  ceilingApplied: boolean;
  belowGrantFloor: boolean;
}

export interface LineScenarios {
  expenseCents: number;
  baseCents: number;
  expenseCeilingApplied: boolean;
  rateMinBp: number;
  rateMaxBp: number;
  /** The scheme publishes no maximum rate: 100 % is used, bounded by the ceiling and the caps of the plan. */
  rateMaxAssumed: boolean;
  /** The State's 20–80 % range (CGCT R2334-27) narrowed the scheme's own rates. */
  stateRangeApplied: boolean;
  min: ScenarioAmount;
  typical: ScenarioAmount | null;
  typicalRate: TypicalRate | null;
  /** The median lay outside the scheme's current rates and was brought back into them. */
  typicalClamped: boolean;
  max: ScenarioAmount;
}

/** The past cases of a scheme, only from `TYPICAL_RATE_MIN_COUNT` of them (fewer are hidden). */
export function typicalRateFor(input: SimulationInput, version: AidSchemeVersionRule): TypicalRate | null {
  const rate = input.typicalRates?.find((candidate) => candidate.schemeId === version.schemeId);
  return rate && rate.count >= TYPICAL_RATE_MIN_COUNT ? rate : null;
}

/**
 * Rule 2: the base is the scheme's expense clamped to its ceiling (the floor was checked for eligibility); the
 * minimum, typical and maximum scenarios apply their rate and are cut to the grant ceiling; a grant under the grant
 * floor is 0. Rule 3: for the State's dotations listed in the range, rates stay within 20–80 % of the expense HT.
 */
export function computeScenarios(
  version: AidSchemeVersionRule,
  expenseCents: number,
  typicalRate: TypicalRate | null,
  stateRule: StateDotationsRule,
): LineScenarios {
  const ceiling = version.expenseCeilingCents;
  const baseCents = ceiling === undefined ? expenseCents : Math.min(expenseCents, ceiling);

  let rateMinBp = version.rateMinBp ?? 0;
  let rateMaxBp = version.rateMaxBp ?? BP_SCALE;
  const rateMaxAssumed = version.rateMaxBp === undefined;
  let stateRangeApplied = false;
  if (stateRule.rateRangeCodes.includes(version.code)) {
    const narrowedMin = clamp(rateMinBp, stateRule.rateMinBp, stateRule.rateMaxBp);
    const narrowedMax = clamp(rateMaxBp, stateRule.rateMinBp, stateRule.rateMaxBp);
    stateRangeApplied = narrowedMin !== rateMinBp || narrowedMax !== rateMaxBp;
    rateMinBp = narrowedMin;
    rateMaxBp = narrowedMax;
  }

  const amount = (rateBp: number): ScenarioAmount => {
    const productCents = applyBp(baseCents, rateBp);
    const ceilingApplied = version.grantCeilingCents !== undefined && productCents > version.grantCeilingCents;
    const capped = ceilingApplied ? (version.grantCeilingCents ?? productCents) : productCents;
    const belowGrantFloor = version.grantFloorCents !== undefined && capped < version.grantFloorCents;
    return { rateBp, productCents, cents: belowGrantFloor ? 0 : capped, ceilingApplied, belowGrantFloor };
  };

  const typicalBp = typicalRate === null ? null : clamp(typicalRate.p50Bp, rateMinBp, rateMaxBp);
  return {
    expenseCents,
    baseCents,
    expenseCeilingApplied: baseCents < expenseCents,
    rateMinBp,
    rateMaxBp,
    rateMaxAssumed,
    stateRangeApplied,
    min: amount(rateMinBp),
    typical: typicalBp === null ? null : amount(typicalBp),
    typicalRate,
    typicalClamped: typicalRate !== null && typicalBp !== typicalRate.p50Bp,
    max: amount(rateMaxBp),
  };
}
