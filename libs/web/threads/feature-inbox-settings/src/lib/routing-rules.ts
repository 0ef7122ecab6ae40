import { type RoutingRuleDto, THREAD_CATEGORY_LABELS } from '@passerelle/shared/dto';
import { ofPlace } from '@passerelle/shared/util-french';

/** "Canton de Vauréal, Financement", what a rule matches, in French. */
export function routingRuleScope(rule: Pick<RoutingRuleDto, 'cantonName' | 'cantonCode' | 'category'>): string {
  const canton = rule.cantonCode ? `Canton ${rule.cantonName ? ofPlace(rule.cantonName) : rule.cantonCode}` : null;
  const category = rule.category ? THREAD_CATEGORY_LABELS[rule.category] : null;
  if (canton && category) {
    return `${canton}, questions «\u00a0${category}\u00a0»`;
  }
  if (canton) {
    return `${canton}, toutes les questions`;
  }
  return category ? `Tous les cantons, questions «\u00a0${category}\u00a0»` : 'Toutes les questions';
}

/** 2 for canton + category, 1 for one of them: the most specific rule wins, so it is listed first. */
function specificity(rule: RoutingRuleDto): number {
  return Number(rule.cantonCode !== null) + Number(rule.category !== null);
}

/** The rules in the order they apply: most specific first, then by canton and category. */
export function sortRoutingRules(rules: readonly RoutingRuleDto[]): RoutingRuleDto[] {
  return [...rules].sort(
    (a, b) =>
      specificity(b) - specificity(a) ||
      // Canton before category at the same specificity, as the API decides.
      Number(b.cantonCode !== null) - Number(a.cantonCode !== null) ||
      (a.cantonName ?? '').localeCompare(b.cantonName ?? '', 'fr') ||
      (a.category ? THREAD_CATEGORY_LABELS[a.category] : '').localeCompare(
        b.category ? THREAD_CATEGORY_LABELS[b.category] : '',
        'fr',
      ),
  );
}
