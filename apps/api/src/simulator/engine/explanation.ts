import type { AidSchemeVersionRule, SimulationCap, SimulationScenario, StateDotationsRule } from '@passerelle/shared/dto';
import type { CapCheck } from './caps';
import type { FctvaEstimate } from './fctva';
import { formatBp, formatEuros, formatMillionths, typeset } from './format';
import { bpOf, BP_SCALE } from './money';
import type { LineScenarios, ScenarioAmount } from './scenarios';

/*
 * Rule 8: every euro explained, one French sentence per step, in the order of the computation.
 */

export const CAP_LABELS: Record<SimulationCap, string> = {
  STATE_DOTATIONS: 'plafond des dotations de l’État',
  MIN_COMMUNE_SHARE: 'part minimale de la commune',
};

const SCENARIO_LABELS: Record<SimulationScenario, string> = {
  MAXIMUM: 'scénario maximal',
  TYPICAL: 'scénario habituel',
};

export interface LineReduction {
  cap: SimulationCap;
  removedCents: number;
}

/** `a`, `b` and `c` the French way: `a, b et c`. */
function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

function scenarioSentence(
  version: AidSchemeVersionRule,
  label: string,
  scenarios: LineScenarios,
  amount: ScenarioAmount,
): string {
  const base = `${formatEuros(scenarios.baseCents)} ${version.base}`;
  let text = `${version.code}, ${label} : ${formatBp(amount.rateBp)} × ${base} = ${formatEuros(amount.productCents)}`;
  if (amount.ceilingApplied && version.grantCeilingCents !== undefined) {
    text += `, plafonné à ${formatEuros(version.grantCeilingCents)}`;
  }
  if (amount.belowGrantFloor && version.grantFloorCents !== undefined) {
    text += `, sous le plancher de subvention de ${formatEuros(version.grantFloorCents)} : aucune aide`;
  }
  return `${text}.`;
}

/** How one scheme's amounts were computed, then what the plan of the maximum scenario retained. */
export function explainLine(
  version: AidSchemeVersionRule,
  scenarios: LineScenarios | null,
  stateRule: StateDotationsRule,
  eligible: boolean,
  retainedCents: number,
  reductions: LineReduction[],
): string[] {
  const sentences: string[] = [];
  if (scenarios !== null) {
    const expense = `${formatEuros(scenarios.expenseCents)} ${version.base}`;
    const base = `${formatEuros(scenarios.baseCents)} ${version.base}`;
    sentences.push(
      scenarios.expenseCeilingApplied
        ? `${version.code} : base de ${base}, plafond de dépense de l’aide (dépense de ${expense}).`
        : `${version.code} : base de ${base}.`,
    );
    if (stateRule.rateRangeCodes.includes(version.code)) {
      sentences.push(
        `${version.code} : taux compris entre ${formatBp(stateRule.rateMinBp)} et ${formatBp(stateRule.rateMaxBp)} de la dépense HT (CGCT, art. R2334-27).`,
      );
    }
    sentences.push(
      version.rateMinBp === undefined && scenarios.rateMinBp === 0
        ? `${version.code}, taux minimal : aucun taux minimal publié, 0,00 € garanti.`
        : scenarioSentence(version, 'taux minimal', scenarios, scenarios.min),
    );
    if (scenarios.typical !== null && scenarios.typicalRate !== null) {
      const clamped = scenarios.typicalClamped ? ', ramenée dans la plage de l’aide' : '';
      const label = `taux habituel (médiane de ${scenarios.typicalRate.count} dossiers${clamped})`;
      sentences.push(scenarioSentence(version, label, scenarios, scenarios.typical));
    } else {
      sentences.push(`${version.code}, taux habituel : pas assez de dossiers connus pour l’estimer.`);
    }
    sentences.push(
      scenarioSentence(
        version,
        scenarios.rateMaxAssumed ? 'taux maximal (aucun publié, 100 % retenu)' : 'taux maximal',
        scenarios,
        scenarios.max,
      ),
    );
  }

  if (!eligible) {
    sentences.push(`${version.code} : non éligible, aucune aide retenue.`);
  } else if (reductions.length === 0) {
    sentences.push(`${version.code} : ${formatEuros(retainedCents)} retenus dans le plan de financement (scénario maximal).`);
  } else {
    const removed = reductions.map((r) => `${formatEuros(r.removedCents)} (${CAP_LABELS[r.cap]})`);
    sentences.push(
      `${version.code} : ${formatEuros(scenarios?.max.cents ?? 0)} au taux maximal, moins ${list(removed)} : ` +
        `${formatEuros(retainedCents)} retenus dans le plan de financement (scénario maximal).`,
    );
  }
  return sentences.map(typeset);
}

export interface PlanFacts {
  scenario: SimulationScenario;
  requestedCents: number;
  checks: CapCheck[];
  costHtCents: number;
  privateFundingCents: number;
  publicAidCents: number;
  communeShareCents: number;
  minShareBp: number;
  /** `CGCT, art. L1111-10 III` or the derogation's source. */
  minShareSource: string;
  derogated: boolean;
  stateRule: StateDotationsRule;
  stateSource: string;
  expenseTtcCents: number | null;
  fctva: FctvaEstimate | null;
  fctvaSource: string;
  simulationYear: number;
  cashAdvanceCents: number | null;
  netCostCents: number | null;
}

/** How the caps shaped the plan, what the commune pays, its FCTVA and the cash it advances. */
export function explainPlan(facts: PlanFacts): string[] {
  const sentences: string[] = [];
  const ht = (cents: number) => `${formatEuros(cents)} HT`;
  sentences.push(
    `Plan de financement sur le ${SCENARIO_LABELS[facts.scenario]} de chaque aide : ${formatEuros(facts.requestedCents)} demandés au total.`,
  );

  const outcome = (check: CapCheck) =>
    check.removedCents === 0
      ? 'plafond respecté.'
      : `${formatEuros(check.removedCents)} retirés (${check.reductions
          .map((r) => `${r.schemeCode} : ${formatEuros(r.removedCents)}`)
          .join(' ; ')}).`;
  for (const check of facts.checks) {
    if (check.cap === 'STATE_DOTATIONS') {
      sentences.push(
        `Dotations de l’État : ${formatEuros(check.requestedCents)} pour un plafond de ${formatBp(facts.stateRule.maxCombinedBp)} × ` +
          `${ht(facts.costHtCents)} = ${formatEuros(check.limitCents)} (${facts.stateSource}) : ${outcome(check)}`,
      );
    } else {
      const share = `${formatBp(facts.minShareBp)}${facts.derogated ? ' par dérogation' : ''}`;
      sentences.push(
        `Aides publiques : ${formatEuros(check.requestedCents)} pour un plafond de ${formatBp(BP_SCALE - facts.minShareBp)} × ` +
          `(${ht(facts.costHtCents)} − ${formatEuros(facts.privateFundingCents)} de financements privés) = ` +
          `${formatEuros(check.limitCents)} (part minimale de la commune : ${share}, ${facts.minShareSource}) : ${outcome(check)}`,
      );
    }
  }
  if (facts.checks.some((check) => check.removedCents > 0)) {
    sentences.push('Réductions dans l’ordre : le dernier financeur d’abord, puis la priorité la plus basse.');
  }

  const publicFinancing = facts.costHtCents - facts.privateFundingCents;
  const shareOfPublic =
    publicFinancing > 0 ? `, soit ${formatBp(bpOf(facts.communeShareCents, publicFinancing))} des financements publics` : '';
  sentences.push(
    `Reste à la charge de la commune : ${ht(facts.costHtCents)} − ${formatEuros(facts.privateFundingCents)} de financements privés − ` +
      `${formatEuros(facts.publicAidCents)} d’aides = ${ht(facts.communeShareCents)}${shareOfPublic}.`,
  );

  if (facts.fctva === null || facts.expenseTtcCents === null) {
    sentences.push('FCTVA non estimé : le montant TTC de la dépense n’est pas renseigné.');
    sentences.push('Trésorerie à avancer non estimée : le montant TTC de la dépense n’est pas renseigné.');
    return sentences.map(typeset);
  }
  const offset = facts.fctva.yearOffset === 0 ? 'N' : `N+${facts.fctva.yearOffset}`;
  sentences.push(
    `FCTVA estimé : ${formatMillionths(facts.fctva.rateMillionths)} × ${formatEuros(facts.expenseTtcCents)} TTC = ` +
      `${formatEuros(facts.fctva.cents)}, versé en ${facts.fctva.year} (${offset} pour une dépense payée en ${facts.simulationYear} ; ${facts.fctvaSource}).`,
  );
  sentences.push(
    `Trésorerie à avancer : ${formatEuros(facts.expenseTtcCents)} TTC − ${formatEuros(facts.publicAidCents)} d’aides − ` +
      `${formatEuros(facts.privateFundingCents)} de financements privés = ${formatEuros(facts.cashAdvanceCents ?? 0)}, ` +
      `à porter jusqu’au versement du FCTVA en ${facts.fctva.year} ; les subventions étant en général versées sur ` +
      'justificatifs de dépenses, la commune avance aussi leur montant jusqu’à leur paiement.',
  );
  sentences.push(
    `Coût final pour la commune après FCTVA : ${formatEuros(facts.cashAdvanceCents ?? 0)} − ${formatEuros(facts.fctva.cents)} = ` +
      `${formatEuros(facts.netCostCents ?? 0)}.`,
  );
  return sentences.map(typeset);
}
