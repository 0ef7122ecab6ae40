import { excerpt, insertAtCursor } from './template-text';

describe('insertAtCursor', () => {
  it('inserts at the caret and puts the caret after the variable', () => {
    expect(insertAtCursor('Bonjour ,', 8, 8, '{{maire}}')).toEqual({ text: 'Bonjour {{maire}},', caret: 17 });
  });

  it('replaces the selected text', () => {
    expect(insertAtCursor('La commune de X est éligible.', 14, 15, '{{commune}}')).toEqual({
      text: 'La commune de {{commune}} est éligible.',
      caret: 25,
    });
  });

  it('appends when the field was never focused', () => {
    expect(insertAtCursor('Madame, Monsieur ', null, null, '{{maire}}')).toEqual({
      text: 'Madame, Monsieur {{maire}}',
      caret: 26,
    });
  });

  it('stays inside the text whatever the positions say', () => {
    expect(insertAtCursor('abc', 10, 2, 'X')).toEqual({ text: 'abcX', caret: 4 });
  });
});

describe('excerpt', () => {
  it('keeps a short body whole, on one line', () => {
    expect(excerpt('Bonjour,\n\nVoici la procédure.')).toBe('Bonjour, Voici la procédure.');
  });

  it('cuts a long body between two words', () => {
    expect(excerpt('un deux trois quatre cinq', 12)).toBe('un deux…');
  });
});
