import { nationalAttribution, ofDepartement, validUntilText } from './faq-labels';

describe('FAQ labels', () => {
  it.each([
    ['Val-d’Oise', 'du Val-d’Oise'],
    ["Val-d'Oise", "du Val-d'Oise"],
    ['Gironde', 'de la Gironde'],
    ['Essonne', 'de l’Essonne'],
    ['Yvelines', 'des Yvelines'],
    ['Hauts-de-Seine', 'des Hauts-de-Seine'],
    ['Paris', 'de Paris'],
    ['Nord', 'du Nord'],
  ])('%s → %s', (name, expected) => {
    expect(ofDepartement(name)).toBe(expected);
  });

  it('attributes a national rule of another département only', () => {
    const rule = { scope: 'NATIONAL' as const, departementCode: '78', departementName: 'Yvelines' };
    expect(nationalAttribution(rule, '95')).toBe('Règle nationale — réponse des Yvelines');
    expect(nationalAttribution(rule, '78')).toBeNull();
    expect(nationalAttribution({ ...rule, scope: 'DEPARTEMENT' }, '95')).toBeNull();
  });

  it('writes « valable jusqu’au » as a French day', () => {
    expect(validUntilText('2027-01-31')).toBe('Valable jusqu’au 31/01/2027');
    expect(validUntilText(null)).toBe('');
  });
});
