import { slugify } from './slug';

describe(slugify.name, () => {
  it('makes readable ASCII addresses from French titles', () => {
    expect(slugify('Rénovation de l’école — Ableiges')).toBe('renovation-de-l-ecole-ableiges');
    expect(slugify('Cœur de bourg : 2e tranche !')).toBe('coeur-de-bourg-2e-tranche');
    expect(slugify('   ')).toBe('projet');
    expect(slugify('a'.repeat(100))).toHaveLength(80);
  });
});
