import { cantonsLabel } from './cantons-label';

describe(cantonsLabel.name, () => {
  it('names one canton, with « de » elided before a vowel', () => {
    expect(cantonsLabel(['Pontoise'])).toBe('Canton de Pontoise');
    expect(cantonsLabel(['Argenteuil-1'])).toBe('Canton d’Argenteuil-1');
  });

  it('joins two or three cantons with « et »', () => {
    expect(cantonsLabel(['Pontoise', 'Cergy-1'])).toBe('Cantons de Pontoise et de Cergy-1');
    expect(cantonsLabel(['Argenteuil-1', 'Cergy-1', 'Pontoise'])).toBe('Cantons d’Argenteuil-1, de Cergy-1 et de Pontoise');
  });

  it('counts the cantons beyond three instead of naming them', () => {
    expect(cantonsLabel(['A', 'B', 'C', 'D'])).toBe('Cantons d’A, de B, de C et un autre');
    expect(cantonsLabel(['Pontoise', 'Cergy-1', 'Taverny', 'Sarcelles', 'Vauréal'])).toBe('Cantons de Pontoise, de Cergy-1, de Taverny et 2 autres');
  });

  it('says whose project it is when no canton is known', () => {
    expect(cantonsLabel([])).toBe('Projet du Département');
  });
});
