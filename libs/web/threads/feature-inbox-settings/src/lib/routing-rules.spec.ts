import type { RoutingRuleDto } from '@passerelle/shared/dto';
import { routingRuleScope, sortRoutingRules } from './routing-rules';

function aRule(id: string, cantonName: string | null, category: RoutingRuleDto['category']): RoutingRuleDto {
  return {
    id,
    cantonCode: cantonName ? `95${id}` : null,
    cantonName,
    category,
    agent: { id: 'a', displayName: 'Karim Benali' },
  };
}

describe('routingRuleScope', () => {
  it('says in French which questions a rule catches', () => {
    expect(routingRuleScope(aRule('1', 'Vauréal', 'FUNDING'))).toBe('Canton de Vauréal, questions «\u00a0Financement\u00a0»');
    expect(routingRuleScope(aRule('2', 'Vauréal', null))).toBe('Canton de Vauréal, toutes les questions');
    expect(routingRuleScope(aRule('3', null, 'REGULATION'))).toBe('Tous les cantons, questions «\u00a0Réglementation\u00a0»');
  });

  it('falls back to the canton code when its name is unknown', () => {
    expect(routingRuleScope({ cantonCode: '9509', cantonName: null, category: null })).toBe(
      'Canton 9509, toutes les questions',
    );
  });
});

describe('sortRoutingRules', () => {
  it('lists the rules in the order they win: canton and category, canton, then category', () => {
    const sorted = sortRoutingRules([
      aRule('1', null, 'FUNDING'),
      aRule('2', 'Vauréal', null),
      aRule('3', 'Cergy-1', 'FUNDING'),
      aRule('4', 'Argenteuil', null),
    ]);
    expect(sorted.map((rule) => rule.id)).toEqual(['3', '4', '2', '1']);
  });
});
