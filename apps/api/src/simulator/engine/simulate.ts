import {
  SIMULATION_ESTIMATE_NOTICE,
  type AidSchemeVersionRule,
  type SimulationInput,
  type SimulationLine,
  type SimulationParameters,
  type SimulationPlan,
  type SimulationResult,
  type SimulationScenario,
} from '@passerelle/shared/dto';
import { applyCaps, type PlanCandidate } from './caps';
import { yearOf } from './dates';
import { checkEligibility, versionsOn } from './eligibility';
import { explainLine, explainPlan, type LineReduction } from './explanation';
import { estimateFctva, type FctvaEstimate } from './fctva';
import { formatEuros, typeset } from './format';
import { assertValidInput, privateFundingOf } from './input';
import { minimumShare, type MinimumShare } from './minimum-share';
import { sum } from './money';
import { parameterSources, parametersOn, type AppliedParameters } from './parameters';
import { computeScenarios, typicalRateFor, type LineScenarios } from './scenarios';
import { collectWarnings } from './warnings';

interface EvaluatedLine {
  version: AidSchemeVersionRule;
  eligible: boolean;
  reasons: string[];
  scenarios: LineScenarios | null;
}

/**
 * The subsidy simulator: which aid schemes a project may claim on a date, how much each may give (minimum, typical,
 * maximum), the financing plan once the legal caps are applied, the FCTVA and the cash the commune advances.
 * Pure: no clock, no I/O; integer cents throughout, aids rounded down to the cent.
 */
export function simulate(
  input: SimulationInput,
  versions: readonly AidSchemeVersionRule[],
  parameters: SimulationParameters,
): SimulationResult {
  assertValidInput(input);
  const applied = parametersOn(parameters, input.date);
  const share = minimumShare(input, applied);
  const fctva = estimateFctva(input.expenseTtcCents, input.date, applied.fctvaRateMillionths, applied.fctvaYearOffset);

  const inForce = versionsOn(versions, input.date);
  const codes = inForce.map((version) => version.code);
  if (new Set(codes).size !== codes.length) {
    // Lines, plan and explanation name schemes by their code: two schemes in force cannot share one.
    throw new RangeError(`Two schemes in force on ${input.date} share a code: ${codes.join(', ')}`);
  }
  const evaluated = inForce.map((version) => evaluate(input, version, applied));
  const eligible = evaluated.filter((line) => line.eligible);

  const plan = buildPlan('MAXIMUM', input, eligible, applied, share, fctva);
  const typicalPlan =
    eligible.length > 0 && eligible.every((line) => line.scenarios?.typical)
      ? buildPlan('TYPICAL', input, eligible, applied, share, fctva)
      : null;

  const retainedOf = (line: EvaluatedLine) =>
    line.eligible ? (plan.plan.retained.find((r) => r.schemeCode === line.version.code)?.cents ?? 0) : 0;
  const lines = evaluated.map((line) => toLine(line, retainedOf(line), plan.reductions.get(line.version.code) ?? [], applied));

  const warnings = [
    ...(share.warning ? [share.warning] : []),
    ...collectWarnings(
      input,
      evaluated.map((line) => ({ ...line, retainedCents: retainedOf(line) })),
      fctva !== null,
    ),
  ];

  return {
    date: input.date,
    communeInsee: input.communeInsee,
    minCommuneShareBp: share.bp,
    derogationApplied: share.derogation?.derogation ?? null,
    lines,
    plan: plan.plan,
    typicalPlan: typicalPlan?.plan ?? null,
    warnings,
    sources: parameterSources(applied, share.derogation),
    notice: typeset(SIMULATION_ESTIMATE_NOTICE),
  };
}

/** Rules 1 and 2 for one scheme: its conditions, then its three scenarios. */
function evaluate(input: SimulationInput, version: AidSchemeVersionRule, applied: AppliedParameters): EvaluatedLine {
  const eligibility = checkEligibility(input, version);
  if (!eligibility.eligible || eligibility.expenseCents === null) {
    return { version, eligible: false, reasons: eligibility.reasons, scenarios: null };
  }
  const scenarios = computeScenarios(
    version,
    eligibility.expenseCents,
    typicalRateFor(input, version),
    applied.stateDotations.value,
  );
  if (scenarios.max.cents === 0 && version.grantFloorCents !== undefined) {
    const reason = typeset(
      `Subvention maximale de ${formatEuros(scenarios.max.productCents)} : sous le plancher de subvention de ` +
        `${formatEuros(version.grantFloorCents)}.`,
    );
    return { version, eligible: false, reasons: [...eligibility.reasons, reason], scenarios };
  }
  return { version, eligible: true, reasons: eligibility.reasons, scenarios };
}

interface BuiltPlan {
  plan: SimulationPlan;
  /** What each cap took from each scheme, for the lines' explanation. */
  reductions: Map<string, LineReduction[]>;
}

/** Rules 3 to 6 on one scenario: the caps in order, the commune's share, the FCTVA and the cash to advance. */
function buildPlan(
  scenario: SimulationScenario,
  input: SimulationInput,
  eligible: readonly EvaluatedLine[],
  applied: AppliedParameters,
  share: MinimumShare,
  fctva: FctvaEstimate | null,
): BuiltPlan {
  const costHtCents = input.eligibleExpenseHtCents;
  const privateFundingCents = privateFundingOf(input);
  const stateRule = applied.stateDotations.value;

  const candidates: PlanCandidate[] = eligible.map(({ version, scenarios }) => ({
    schemeCode: version.code,
    lastFunder: version.lastFunder,
    priority: version.priority,
    capGroup: version.capGroup,
    requestedCents: (scenario === 'MAXIMUM' ? scenarios?.max.cents : scenarios?.typical?.cents) ?? 0,
  }));
  const outcome = applyCaps(candidates, {
    costHtCents,
    privateFundingCents,
    minCommuneShareBp: share.bp,
    stateDotationsMaxBp: stateRule.maxCombinedBp,
  });

  const publicAidCents = sum(outcome.retainedCents);
  const communeShareCents = costHtCents - privateFundingCents - publicAidCents;
  // Cash advance: the TTC bill less the aids and the private money, carried until the FCTVA is paid.
  const cashAdvanceCents =
    input.expenseTtcCents === null ? null : input.expenseTtcCents - publicAidCents - privateFundingCents;
  const netCostCents = cashAdvanceCents === null || fctva === null ? null : cashAdvanceCents - fctva.cents;

  const reductions = new Map<string, LineReduction[]>();
  for (const check of outcome.checks) {
    for (const reduction of check.reductions) {
      const entry = { cap: check.cap, removedCents: reduction.removedCents };
      reductions.set(reduction.schemeCode, [...(reductions.get(reduction.schemeCode) ?? []), entry]);
    }
  }

  const explanation = explainPlan({
    scenario,
    requestedCents: sum(candidates.map((candidate) => candidate.requestedCents)),
    checks: outcome.checks,
    costHtCents,
    privateFundingCents,
    publicAidCents,
    communeShareCents,
    minShareBp: share.bp,
    minShareSource: share.source.label,
    derogated: share.derogation !== null,
    stateRule,
    stateSource: applied.stateDotations.source.label,
    expenseTtcCents: input.expenseTtcCents,
    fctva,
    fctvaSource: applied.fctvaRateMillionths.source.label,
    simulationYear: yearOf(input.date),
    cashAdvanceCents,
    netCostCents,
  });

  return {
    plan: {
      scenario,
      retained: candidates.map((candidate, index) => ({
        schemeCode: candidate.schemeCode,
        cents: outcome.retainedCents[index],
      })),
      capsApplied: outcome.checks
        .filter((check) => check.removedCents > 0)
        .map((check) => ({
          ...check,
          source: check.cap === 'STATE_DOTATIONS' ? applied.stateDotations.source : share.source,
        })),
      totals: {
        costCents: costHtCents,
        privateFundingCents,
        publicAidCents,
        communeShareCents,
        fctvaCents: fctva?.cents ?? null,
        fctvaYear: fctva?.year ?? null,
        cashAdvanceCents,
        netCostCents,
      },
      explanation,
    },
    reductions,
  };
}

function toLine(
  line: EvaluatedLine,
  retainedCents: number,
  reductions: LineReduction[],
  applied: AppliedParameters,
): SimulationLine {
  const { version, scenarios, eligible } = line;
  return {
    versionId: version.id,
    schemeId: version.schemeId,
    schemeCode: version.code,
    schemeName: version.name,
    funder: version.funder,
    illustrative: version.illustrative,
    eligible,
    reasons: line.reasons,
    base: version.base,
    baseCents: scenarios?.baseCents ?? 0,
    minCents: eligible ? (scenarios?.min.cents ?? 0) : 0,
    typicalCents: eligible ? (scenarios?.typical?.cents ?? null) : null,
    typicalRate: scenarios?.typicalRate ?? null,
    maxCents: eligible ? (scenarios?.max.cents ?? 0) : 0,
    retainedCents,
    explanation: explainLine(version, scenarios, applied.stateDotations.value, eligible, retainedCents, reductions),
    sources: version.sources,
  };
}
