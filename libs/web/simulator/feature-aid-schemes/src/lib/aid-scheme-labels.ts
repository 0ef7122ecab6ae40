import {
  AID_DESTINATION_LABELS,
  AID_KIND_LABELS,
  type AidSchemeRuleFields,
  type AidSchemeSummaryDto,
  type AidSchemeVersionDto,
  CAP_GROUP_LABELS,
  FUNDER_LABELS,
  PROJECT_THEME_LABELS,
} from '@passerelle/shared/dto';
import { formatCalendarDay, formatInteger } from '@passerelle/web/shared/util-format';

const wholeEuros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });
const percent = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** A rule's amounts are mostly round: `1 000 000 €` reads better than `1 000 000,00 €`, cents are kept when there are some. */
export function formatRuleAmount(cents: number): string {
  return (cents % 100 === 0 ? wholeEuros : euros).format(cents / 100);
}

/** `2000` → `20 %`, `1250` → `12,5 %`. */
export function formatBasisPoints(bp: number): string {
  return `${percent.format(bp / 100)}\u00a0%`;
}

/** `Subvention · Investissement` under a scheme's name. */
export function schemeKindText(scheme: Pick<AidSchemeSummaryDto, 'kind' | 'destination'>): string {
  return `${AID_KIND_LABELS[scheme.kind]} · ${AID_DESTINATION_LABELS[scheme.destination]}`;
}

export function funderText(scheme: Pick<AidSchemeSummaryDto, 'funder'>): string {
  return FUNDER_LABELS[scheme.funder];
}

/** `Depuis le 01/01/2026` or `Du 01/01/2025 au 31/12/2025`. */
export function versionPeriod(version: Pick<AidSchemeVersionDto, 'validFrom' | 'validTo'>): string {
  return version.validTo === null
    ? `Depuis le ${formatCalendarDay(version.validFrom)}`
    : `Du ${formatCalendarDay(version.validFrom)} au ${formatCalendarDay(version.validTo)}`;
}

/** The rate range in words; an absent minimum is 0 %, an absent maximum 100 % (the contract's reading). */
export function rateText(rule: Pick<AidSchemeRuleFields, 'rateMinBp' | 'rateMaxBp' | 'base'>): string {
  const base = `de la dépense ${rule.base}`;
  const { rateMinBp: min, rateMaxBp: max } = rule;
  if (min != null && max != null) {
    return min === max ? `Taux de ${formatBasisPoints(min)} ${base}` : `Taux de ${formatBasisPoints(min)} à ${formatBasisPoints(max)} ${base}`;
  }
  if (min != null) {
    return `Taux d’au moins ${formatBasisPoints(min)} ${base}`;
  }
  if (max != null) {
    return `Taux jusqu’à ${formatBasisPoints(max)} ${base}`;
  }
  return `Taux non fixé (jusqu’à 100\u00a0% ${base})`;
}

/** A floor and a ceiling of the same thing, in words; `null` when neither is set. */
function rangeText(what: string, floor: number | undefined, ceiling: number | undefined): string | null {
  if (floor != null && ceiling != null) {
    return `${what} : plancher ${formatRuleAmount(floor)}, plafond ${formatRuleAmount(ceiling)}`;
  }
  if (floor != null) {
    return `${what} : plancher ${formatRuleAmount(floor)}`;
  }
  if (ceiling != null) {
    return `${what} : plafond ${formatRuleAmount(ceiling)}`;
  }
  return null;
}

export function expenseText(rule: AidSchemeRuleFields): string | null {
  return rangeText('Dépense éligible', rule.expenseFloorCents, rule.expenseCeilingCents);
}

export function grantText(rule: AidSchemeRuleFields): string | null {
  return rangeText('Subvention', rule.grantFloorCents, rule.grantCeilingCents);
}

function inhabitants(count: number): string {
  return `${formatInteger(count)}\u00a0${count < 2 ? 'habitant' : 'habitants'}`;
}

/** `Communes de 500 à 3 500 habitants`; `null` when the rule sets no bound. */
export function populationText(rule: AidSchemeRuleFields): string | null {
  const { populationMin: min, populationMax: max } = rule.eligibility;
  if (min != null && max != null) {
    return `Communes de ${formatInteger(min)} à ${inhabitants(max)}`;
  }
  if (min != null) {
    return `Communes d’au moins ${inhabitants(min)}`;
  }
  if (max != null) {
    return `Communes de ${inhabitants(max)} au plus`;
  }
  return null;
}

export function epciText(rule: AidSchemeRuleFields): string | null {
  const max = rule.eligibility.epciPopulationMax;
  return max == null ? null : `Intercommunalité de ${inhabitants(max)} au plus`;
}

export function themesText(rule: AidSchemeRuleFields): string {
  const themes = rule.eligibility.themes;
  return themes.length === 0 ? 'Toutes les thématiques' : `Thématiques : ${themes.map((theme) => PROJECT_THEME_LABELS[theme]).join(', ')}`;
}

/** The main rule in a few short lines, for the catalogue: rate, expense, grant, population, themes. */
export function ruleSummary(rule: AidSchemeRuleFields): string[] {
  return [rateText(rule), expenseText(rule), grantText(rule), populationText(rule), epciText(rule), themesText(rule)].filter(
    (line): line is string => line !== null,
  );
}

export interface RuleDetail {
  term: string;
  description: string;
}

const yes = (value: boolean) => (value ? 'Oui' : 'Non');

/** Every field of a version's rule, as a description list of the scheme's page. */
export function ruleDetails(rule: AidSchemeRuleFields): RuleDetail[] {
  return [
    { term: 'Taux', description: rateText(rule) },
    { term: 'Dépense éligible', description: rangeValue(rule.expenseFloorCents, rule.expenseCeilingCents) },
    { term: 'Montant de la subvention', description: rangeValue(rule.grantFloorCents, rule.grantCeilingCents) },
    { term: 'Population de la commune', description: populationText(rule) ?? 'Toutes les communes' },
    { term: 'Population de l’intercommunalité', description: epciText(rule) ?? 'Sans condition' },
    { term: 'Thématiques', description: themesText(rule).replace(/^Thématiques : /, '') },
    { term: 'Plafond commun', description: rule.capGroup ? CAP_GROUP_LABELS[rule.capGroup] : 'Aucun' },
    { term: 'Financeur de dernier rang', description: yes(rule.lastFunder) },
    { term: 'Priorité', description: `${rule.priority} (la plus basse est réduite en premier quand un plafond s’applique)` },
    { term: 'Demande avant tout commencement', description: yes(rule.noSpendingBeforeFiling) },
    {
      term: 'Avis de la commission',
      description: rule.commissionAboveCents === null ? 'Non requis' : `Au-delà de ${formatRuleAmount(rule.commissionAboveCents)} de subvention`,
    },
    { term: 'Date limite de dépôt', description: rule.deadline ? formatCalendarDay(rule.deadline) : 'Aucune' },
    { term: 'Règle donnée en exemple', description: yes(rule.illustrative) },
  ];
}

function rangeValue(floor: number | undefined, ceiling: number | undefined): string {
  const parts = [
    floor != null ? `plancher ${formatRuleAmount(floor)}` : null,
    ceiling != null ? `plafond ${formatRuleAmount(ceiling)}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? 'Ni plancher ni plafond' : parts.join(', ').replace(/^p/, 'P');
}
