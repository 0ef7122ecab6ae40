import type { CapGroup, SimulationCap, SimulationReduction } from '@passerelle/shared/dto';
import { applyBp, BP_SCALE, sum } from './money';

/** One scheme's amount in the plan, with what decides the order in which it is reduced. */
export interface PlanCandidate {
  schemeCode: string;
  lastFunder: boolean;
  priority: number;
  capGroup: CapGroup | null;
  requestedCents: number;
}

/** One cap checked: bitten when `removedCents` > 0. */
export interface CapCheck {
  cap: SimulationCap;
  requestedCents: number;
  limitCents: number;
  removedCents: number;
  reductions: SimulationReduction[];
}

export interface CapsOutcome {
  /** Aligned with the candidates. */
  retainedCents: number[];
  /** The State's dotations cap (only when the plan holds one of them), then the commune's minimum share. */
  checks: CapCheck[];
}

export interface CapsContext {
  costHtCents: number;
  privateFundingCents: number;
  minCommuneShareBp: number;
  stateDotationsMaxBp: number;
}

/**
 * Rule 5: when a cap bites, a funder that only completes the plan (last funder, e.g. LEADER) is reduced first, then
 * the lowest priority; the scheme code breaks ties so that the same input always gives the same plan.
 */
export function reductionOrder(a: PlanCandidate, b: PlanCandidate): number {
  return (
    Number(b.lastFunder) - Number(a.lastFunder) ||
    a.priority - b.priority ||
    a.schemeCode.localeCompare(b.schemeCode)
  );
}

/**
 * Rules 3 and 4, in that order:
 * - the State's dotations together ≤ 80 % of the expense HT (CGCT R2334-27);
 * - all the aids A ≤ (1 − minimum share) × (C − P), the commune paying at least its minimum share of the public
 *   financing (CGCT L1111-10 III): 20 %, or the derogation's.
 * Limits are rounded down to the cent and reductions are whole cents, so the retained total never exceeds a cap,
 * and since A ≤ C − P the commune's share C − P − A is never negative.
 */
export function applyCaps(candidates: readonly PlanCandidate[], context: CapsContext): CapsOutcome {
  const retainedCents = candidates.map((candidate) => candidate.requestedCents);
  const checks: CapCheck[] = [];

  const stateMembers = candidates
    .map((candidate, index) => ({ candidate, index }))
    .filter(({ candidate }) => candidate.capGroup === 'STATE_DOTATIONS' && candidate.requestedCents > 0);
  if (stateMembers.length > 0) {
    const limitCents = applyBp(context.costHtCents, context.stateDotationsMaxBp);
    checks.push(reduceTo('STATE_DOTATIONS', stateMembers, retainedCents, limitCents));
  }

  const publicCents = Math.max(0, context.costHtCents - context.privateFundingCents);
  const limitCents = applyBp(publicCents, BP_SCALE - context.minCommuneShareBp);
  const everyone = candidates.map((candidate, index) => ({ candidate, index }));
  checks.push(reduceTo('MIN_COMMUNE_SHARE', everyone, retainedCents, limitCents));

  return { retainedCents, checks };
}

/** Takes the excess over `limitCents` off the members in reduction order (mutates `retainedCents`). */
function reduceTo(
  cap: SimulationCap,
  members: { candidate: PlanCandidate; index: number }[],
  retainedCents: number[],
  limitCents: number,
): CapCheck {
  const requestedCents = sum(members.map(({ index }) => retainedCents[index]));
  let excess = Math.max(0, requestedCents - limitCents);
  const reductions: SimulationReduction[] = [];
  for (const { candidate, index } of [...members].sort((a, b) => reductionOrder(a.candidate, b.candidate))) {
    if (excess === 0) {
      break;
    }
    const removedCents = Math.min(excess, retainedCents[index]);
    if (removedCents > 0) {
      retainedCents[index] -= removedCents;
      excess -= removedCents;
      reductions.push({ schemeCode: candidate.schemeCode, removedCents });
    }
  }
  return { cap, requestedCents, limitCents, removedCents: sum(reductions.map((r) => r.removedCents)), reductions };
}
