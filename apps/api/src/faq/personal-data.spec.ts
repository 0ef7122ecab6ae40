import { personalDataMarks, watchTerm } from './personal-data';

const kinds = (title: string, answer: string, terms: string[] = []) =>
  personalDataMarks({ title, answer }, terms).map((m) => [m.field, m.kind, m.text]);

describe(personalDataMarks.name, () => {
  it('finds e-mail addresses and French phone numbers in any usual writing', () => {
    expect(kinds('Subvention DETR', 'Écrivez à j.morel@valdoise.fr ou appelez le 01 34 25 30 30, le 01.34.25.30.31 ou le +33 1 34 25 30 32.')).toEqual([
      ['answer', 'EMAIL', 'j.morel@valdoise.fr'],
      ['answer', 'PHONE', '01 34 25 30 30'],
      ['answer', 'PHONE', '01.34.25.30.31'],
      ['answer', 'PHONE', '+33 1 34 25 30 32'],
    ]);
  });

  it('leaves amounts, dates, articles and thresholds alone', () => {
    expect(kinds('Seuil de 40 000 € HT', 'Article L2334-33 du CGCT, délibération du 12/03/2026, 80 % de 180 000 €, code 95002, 2026-2027.')).toEqual([]);
  });

  it('finds a person named with a civility', () => {
    expect(kinds('Question de M. Dupont', 'Madame Martin-Leroy a confirmé ; Mme É. Durand aussi.')).toEqual([
      ['title', 'NAME', 'M. Dupont'],
      ['answer', 'NAME', 'Madame Martin-Leroy'],
      ['answer', 'NAME', 'Mme É. Durand'],
    ]);
  });

  it('finds the watched names without regard to accents, and a surname alone only with its capital', () => {
    const terms = [watchTerm('NAME', 'Bernard Lefèvre'), watchTerm('NAME', 'Pierre Roux'), watchTerm('COMMUNE', 'Ableiges')];
    expect(kinds('Toiture de la mairie d’ABLEIGES', 'Bernard Lefevre demande ; M. LEFÈVRE relance. Un mur en pierre sèche, roux. Roux a signé.', terms)).toEqual([
      ['title', 'COMMUNE', 'ABLEIGES'],
      ['answer', 'NAME', 'Bernard Lefevre'],
      ['answer', 'NAME', 'M. LEFÈVRE'],
      ['answer', 'NAME', 'Roux'],
    ]);
  });

  it('finds a commune with hyphens, spaces or apostrophes written either way, and not inside another word', () => {
    const terms = [watchTerm('COMMUNE', "Saint-Ouen-l'Aumône")];
    expect(kinds('Saint Ouen l’Aumone', 'Les Saint-Ouen-l’Aumônois', terms)).toEqual([['title', 'COMMUNE', 'Saint Ouen l’Aumone']]);
  });

  it('gives offsets of the original text, and keeps the longest of two overlapping marks', () => {
    const answer = 'Voir avec M. Julien Morel (julien.morel@valdoise.fr).';
    const marks = personalDataMarks({ title: 'Qui contacter ?', answer }, [watchTerm('NAME', 'Julien Morel')]);
    expect(marks.map((m) => answer.slice(m.start, m.end))).toEqual(['M. Julien Morel', 'julien.morel@valdoise.fr']);
  });

  it('ignores unknown or empty watched terms', () => {
    expect(kinds('Une question', 'Une réponse', ['PHONE:0134', 'NAME:', 'nothing'])).toEqual([]);
  });
});
