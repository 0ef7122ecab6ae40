import {
  DEADLINE_WARNING_DAYS,
  type AidSchemeVersionRule,
  type SimulationInput,
  type SimulationWarning,
} from '@passerelle/shared/dto';
import { daysBetween } from './dates';
import { formatBp, formatDate, formatEuros, typeset } from './format';
import { bpOf } from './money';
import type { LineScenarios } from './scenarios';

/** A scheme as the warnings need it: its rule, whether it is eligible, its amounts. */
export interface WarnedLine {
  version: AidSchemeVersionRule;
  eligible: boolean;
  scenarios: LineScenarios | null;
  retainedCents: number;
}

function warning(code: SimulationWarning['code'], schemeCode: string | null, message: string): SimulationWarning {
  return { code, schemeCode, message: typeset(message) };
}

/** Rule 7: what the commune should know before filing, beyond the figures. */
export function collectWarnings(
  input: SimulationInput,
  lines: readonly WarnedLine[],
  fctvaEstimated: boolean,
): SimulationWarning[] {
  const warnings: SimulationWarning[] = [];

  if (input.spendingStarted) {
    const excluded = lines.filter((line) => line.version.noSpendingBeforeFiling).map((line) => line.version.code);
    warnings.push(
      warning(
        'SPENDING_STARTED',
        null,
        excluded.length > 0
          ? `Dépenses déjà commencées : ${excluded.join(', ')} exclue(s), car ces aides exigent le dépôt de la demande ` +
              'avant tout commencement ; pour les autres, vérifiez auprès de chaque financeur.'
          : 'Dépenses déjà commencées : vérifiez auprès de chaque financeur qu’il accepte un commencement avant le dépôt de la demande.',
      ),
    );
  }

  for (const { version, eligible, scenarios, retainedCents } of lines) {
    if (!eligible || scenarios === null) {
      continue;
    }
    if (version.deadline !== null) {
      const days = daysBetween(input.date, version.deadline);
      if (days >= 0 && days <= DEADLINE_WARNING_DAYS) {
        const when = days === 0 ? 'aujourd’hui' : days === 1 ? 'demain' : `dans ${days} jours`;
        warnings.push(
          warning('DEADLINE_SOON', version.code, `${version.code} : date limite de dépôt le ${formatDate(version.deadline)}, ${when}.`),
        );
      }
    }
    if (version.commissionAboveCents !== null && scenarios.max.cents > version.commissionAboveCents) {
      warnings.push(
        warning(
          'DETR_COMMISSION',
          version.code,
          `${version.code} : une subvention de plus de ${formatEuros(version.commissionAboveCents)} (jusqu’à ` +
            `${formatEuros(scenarios.max.cents)} ici) est soumise pour avis à la commission départementale des élus ` +
            '(CGCT, art. L2334-37) : prévoyez son calendrier.',
        ),
      );
    }
    if (retainedCents > 0 && retainedCents < scenarios.min.cents) {
      warnings.push(
        warning(
          'RATE_BELOW_MIN_FOR_CAP',
          version.code,
          `${version.code} : ${formatEuros(retainedCents)} retenus, soit ${formatBp(bpOf(retainedCents, scenarios.baseCents))} ` +
            `de la base, sous le taux minimal de ${formatBp(scenarios.rateMinBp)} : ce taux réduit ne vient que du respect ` +
            'des plafonds du plan de financement.',
        ),
      );
    }
  }

  if (!fctvaEstimated) {
    warnings.push(
      warning(
        'FCTVA_NOT_ESTIMATED',
        null,
        'FCTVA non estimé : renseignez le montant TTC de la dépense pour l’estimer, avec la trésorerie à avancer.',
      ),
    );
  }
  return warnings;
}
