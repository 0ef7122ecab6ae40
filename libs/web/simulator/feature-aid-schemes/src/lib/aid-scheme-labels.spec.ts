import { formatBasisPoints, formatRuleAmount, rateText, ruleDetails, ruleSummary, versionPeriod } from './aid-scheme-labels';
import { ruleFixture } from './testing/aid-scheme-fixtures';

/** Intl's no-break spaces, read as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('aid scheme labels', () => {
  it('writes rates and amounts the French way', () => {
    expect(plain(formatBasisPoints(2000))).toBe('20 %');
    expect(plain(formatBasisPoints(1250))).toBe('12,5 %');
    expect(plain(formatRuleAmount(30_000_000))).toBe('300 000 €');
    expect(plain(formatRuleAmount(30_000_050))).toBe('300 000,50 €');
  });

  it('reads a rate range with a minimum only, a maximum only, or neither', () => {
    expect(plain(rateText({ base: 'HT', rateMinBp: 2000, rateMaxBp: 8000 }))).toBe('Taux de 20 % à 80 % de la dépense HT');
    expect(plain(rateText({ base: 'HT', rateMinBp: 2000 }))).toBe('Taux d’au moins 20 % de la dépense HT');
    expect(plain(rateText({ base: 'TTC', rateMaxBp: 5000 }))).toBe('Taux jusqu’à 50 % de la dépense TTC');
    expect(plain(rateText({ base: 'HT' }))).toBe('Taux non fixé (jusqu’à 100 % de la dépense HT)');
  });

  it('sums up the main rule in words, leaving out the bounds that are not set', () => {
    expect(ruleSummary(ruleFixture()).map(plain)).toEqual([
      'Taux de 20 % à 40 % de la dépense HT',
      'Dépense éligible : plafond 300 000 €',
      'Subvention : plafond 50 000 €',
      'Communes de 3 500 habitants au plus',
      'Thématiques : Voirie, Bâtiments communaux',
    ]);
    const open = ruleFixture({
      expenseCeilingCents: undefined,
      grantCeilingCents: undefined,
      eligibility: { populationMin: 500, populationMax: 3500, themes: [], epciPopulationMax: 100_000 },
    });
    expect(ruleSummary(open).map(plain)).toEqual([
      'Taux de 20 % à 40 % de la dépense HT',
      'Communes de 500 à 3 500 habitants',
      'Intercommunalité de 100 000 habitants au plus',
      'Toutes les thématiques',
    ]);
  });

  it('lists every field of a version, and its period', () => {
    const details = ruleDetails(ruleFixture({ commissionAboveCents: 10_000_000, deadline: '2026-01-31', capGroup: 'STATE_DOTATIONS' }));
    const byTerm = Object.fromEntries(details.map((d) => [d.term, plain(d.description)]));
    expect(byTerm['Dépense éligible']).toBe('Plafond 300 000 €');
    expect(byTerm['Avis de la commission']).toBe('Au-delà de 100 000 € de subvention');
    expect(byTerm['Date limite de dépôt']).toBe('31/01/2026');
    expect(byTerm['Plafond commun']).toContain('Dotations de l’État');
    expect(byTerm['Règle donnée en exemple']).toBe('Oui');
    expect(versionPeriod({ validFrom: '2025-01-01', validTo: null })).toBe('Depuis le 01/01/2025');
    expect(versionPeriod({ validFrom: '2024-01-01', validTo: '2024-12-31' })).toBe('Du 01/01/2024 au 31/12/2024');
  });
});
