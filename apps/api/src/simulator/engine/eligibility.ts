import {
  AID_DESTINATION_LABELS,
  AID_KIND_LABELS,
  PROJECT_THEME_LABELS,
  type AidSchemeVersionRule,
  type SimulationInput,
} from '@passerelle/shared/dto';
import { isWithin } from './dates';
import { formatDate, formatEuros, formatInteger, formatPopulation, typeset } from './format';

export interface Eligibility {
  eligible: boolean;
  /** Every condition checked, met or not, in French. */
  reasons: string[];
  /** The expense the scheme's rate applies to (HT or TTC), before its floor and ceiling; null when unknown. */
  expenseCents: number | null;
}

/** The versions in force on the date: one per scheme, the latest when two overlap. */
export function versionsOn(versions: readonly AidSchemeVersionRule[], date: string): AidSchemeVersionRule[] {
  const inForce = versions.filter((version) => isWithin(date, version.validFrom, version.validTo));
  return inForce.filter(
    (version) =>
      !inForce.some(
        (other) =>
          other.schemeId === version.schemeId &&
          (other.validFrom > version.validFrom || (other.validFrom === version.validFrom && other.id > version.id)),
      ),
  );
}

/** The expense a scheme's rate applies to: HT, or TTC when the scheme says so (unknown without the TTC amount). */
export function schemeExpense(input: SimulationInput, version: AidSchemeVersionRule): number | null {
  return version.base === 'HT' ? input.eligibleExpenseHtCents : input.expenseTtcCents;
}

/**
 * Rule 1: whether the commune and the project meet the scheme's conditions on the date. Every condition is stated
 * with its outcome, so that an ineligible line says why and an eligible one what was checked.
 */
export function checkEligibility(input: SimulationInput, version: AidSchemeVersionRule): Eligibility {
  const checks: { ok: boolean; reason: string }[] = [];
  const add = (ok: boolean, reason: string) => checks.push({ ok, reason: typeset(reason) });

  if (version.kind !== 'GRANT' || version.destination !== 'INVESTMENT') {
    add(
      false,
      `${AID_KIND_LABELS[version.kind]} (${AID_DESTINATION_LABELS[version.destination].toLowerCase()}) : ` +
        'non chiffré, le simulateur ne calcule que les subventions d’investissement.',
    );
  }

  const { populationMin, populationMax, themes, epciPopulationMax } = version.eligibility;
  const population = formatPopulation(input.communePopulation);
  if (populationMin === undefined && populationMax === undefined) {
    add(true, `Population ${population} : aucune condition de population.`);
  } else {
    const inRange =
      input.communePopulation >= (populationMin ?? 0) &&
      (populationMax === undefined || input.communePopulation <= populationMax);
    const range =
      populationMax === undefined
        ? `${formatPopulation(populationMin ?? 0)} et plus`
        : `${formatInteger(populationMin ?? 0)}–${formatPopulation(populationMax)}`;
    add(inRange, `Population ${population} : ${inRange ? 'dans' : 'hors de'} la plage ${range}.`);
  }

  const theme = PROJECT_THEME_LABELS[input.theme];
  if (themes.length === 0) {
    add(true, `Thème « ${theme} » : l’aide couvre tous les thèmes.`);
  } else if (themes.includes(input.theme)) {
    add(true, `Thème « ${theme} » : retenu par l’aide.`);
  } else {
    const covered = themes.map((t) => PROJECT_THEME_LABELS[t]).join(', ');
    add(false, `Thème « ${theme} » : non retenu par l’aide (thèmes couverts : ${covered}).`);
  }

  if (epciPopulationMax !== undefined) {
    const max = formatPopulation(epciPopulationMax);
    if (input.epciPopulation === null) {
      // Unknown is not a refusal: the condition is stated for the commune to check.
      add(true, `Population de l’intercommunalité non renseignée : condition (${max} au plus) à vérifier.`);
    } else {
      const ok = input.epciPopulation <= epciPopulationMax;
      add(
        ok,
        `Intercommunalité de ${formatPopulation(input.epciPopulation)} : ${ok ? 'dans la limite' : 'au-delà de la limite'} de ${max}.`,
      );
    }
  }

  const expenseCents = schemeExpense(input, version);
  if (expenseCents === null) {
    add(false, 'Montant TTC non renseigné : cette aide se calcule sur la dépense TTC.');
  } else if (version.expenseFloorCents !== undefined) {
    const ok = expenseCents >= version.expenseFloorCents;
    const expense = `${formatEuros(expenseCents)} ${version.base}`;
    const floor = `${formatEuros(version.expenseFloorCents)} ${version.base}`;
    add(ok, `Dépense de ${expense} : ${ok ? 'au moins égale au' : 'sous le'} plancher de ${floor} de l’aide.`);
  }

  if (version.deadline !== null) {
    const ok = input.date <= version.deadline;
    add(
      ok,
      ok
        ? `Date limite de dépôt : ${formatDate(version.deadline)}.`
        : `Date limite de dépôt passée (${formatDate(version.deadline)}).`,
    );
  }

  if (version.noSpendingBeforeFiling) {
    add(
      !input.spendingStarted,
      input.spendingStarted
        ? 'Dépenses déjà commencées : cette aide exige le dépôt de la demande avant tout commencement.'
        : 'Aucune dépense commencée : la demande peut être déposée avant le commencement, comme l’aide l’exige.',
    );
  }

  if (version.illustrative) {
    add(true, 'Règle donnée en exemple : à vérifier auprès du financeur.');
  }

  return {
    eligible: checks.every((check) => check.ok),
    reasons: checks.map((check) => check.reason),
    expenseCents,
  };
}
