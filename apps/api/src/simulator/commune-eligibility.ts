import {
  PROJECT_THEME_LABELS,
  type AidSchemeCommuneEligibility,
  type AidSchemeVersionRule,
  type ProjectTheme,
} from '@passerelle/shared/dto';
import { formatInteger, formatPopulation, typeset } from './engine/format';

export interface CommuneFacts {
  insee: string;
  population: number;
  /** `null`: unknown (the condition is then stated, not refused). */
  epciPopulation: number | null;
}

/**
 * Whether a commune may claim a scheme's version, before any project: its population, its intercommunality's and,
 * when the catalogue is filtered on one, the theme. The expense, the dates and the spending are the simulation's.
 */
export function communeEligibility(
  rule: Pick<AidSchemeVersionRule, 'eligibility'>,
  commune: CommuneFacts,
  theme: ProjectTheme | null,
): AidSchemeCommuneEligibility {
  const checks: { ok: boolean; reason: string }[] = [];
  const { populationMin, populationMax, epciPopulationMax, themes } = rule.eligibility;
  const population = formatPopulation(commune.population);

  if (populationMin === undefined && populationMax === undefined) {
    checks.push({ ok: true, reason: `Population ${population} : aucune condition de population.` });
  } else {
    const ok = commune.population >= (populationMin ?? 0) && (populationMax === undefined || commune.population <= populationMax);
    const range =
      populationMax === undefined
        ? `${formatPopulation(populationMin ?? 0)} et plus`
        : `${formatInteger(populationMin ?? 0)}–${formatPopulation(populationMax)}`;
    checks.push({ ok, reason: `Population ${population} : ${ok ? 'dans' : 'hors de'} la plage ${range}.` });
  }

  if (epciPopulationMax !== undefined) {
    const max = formatPopulation(epciPopulationMax);
    if (commune.epciPopulation === null) {
      checks.push({ ok: true, reason: `Population de l’intercommunalité non renseignée : condition (${max} au plus) à vérifier.` });
    } else {
      const ok = commune.epciPopulation <= epciPopulationMax;
      checks.push({
        ok,
        reason: `Intercommunalité de ${formatPopulation(commune.epciPopulation)} : ${ok ? 'dans la limite' : 'au-delà de la limite'} de ${max}.`,
      });
    }
  }

  if (theme !== null) {
    const label = PROJECT_THEME_LABELS[theme];
    const ok = themes.length === 0 || themes.includes(theme);
    checks.push({
      ok,
      reason: themes.length === 0 ? `Thème « ${label} » : l’aide couvre tous les thèmes.` : `Thème « ${label} » : ${ok ? 'retenu' : 'non retenu'} par l’aide.`,
    });
  }

  return {
    communeInsee: commune.insee,
    eligible: checks.every((check) => check.ok),
    reasons: checks.map((check) => typeset(check.reason)),
  };
}
