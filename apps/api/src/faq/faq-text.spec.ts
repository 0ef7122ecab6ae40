import { excerpt } from './faq-text';

describe(excerpt.name, () => {
  it('removes emphasis marks without leaving a space before the punctuation', () => {
    expect(excerpt('Le dossier se dépose **en préfecture**. Puis _attendez_ l’accusé de `réception`.')).toBe(
      'Le dossier se dépose en préfecture. Puis attendez l’accusé de réception.',
    );
  });

  it('keeps hyphens inside words and the text of links, and drops headings, quotes and list marks', () => {
    const markdown = '## Étapes\n\n> Dans le Val-d’Oise :\n\n1. Délibérer\n- Déposer sur [la plateforme](https://example.org/a-b)\n* Attendre';
    expect(excerpt(markdown)).toBe('Étapes Dans le Val-d’Oise : Délibérer Déposer sur la plateforme Attendre');
  });

  it('cuts a long text at a word and says so', () => {
    const cut = excerpt('mot '.repeat(100), 22);
    expect(cut).toBe('mot mot mot mot mot…');
  });
});
