import { isDistinctiveName, personalTextPattern } from './personal-text';

describe(personalTextPattern.name, () => {
  it('looks for the address and a two-word name, in their plain, HTML and JSON forms, longest first', () => {
    const pattern = personalTextPattern('jeanne.o@example.fr', 'Jeanne  O’Hara "JO"');
    const forms = [
      String.raw`Jeanne\s+O\’Hara\s+\&quot\;JO\&quot\;`,
      String.raw`Jeanne\s+O\’Hara\s+\\\"JO\\\"`,
      String.raw`Jeanne\s+O\’Hara\s+\"JO\"`,
      String.raw`jeanne\.o\@example\.fr`,
    ];
    expect(pattern).toBe(`(?<![[:alnum:]])(?:${forms.join('|')})(?![[:alnum:]])`);
  });

  it('leaves a one-word name alone: it may be an ordinary word or part of a place name', () => {
    expect(personalTextPattern('martin@example.fr', 'Martin')).toBe(String.raw`(?<![[:alnum:]])(?:martin\@example\.fr)(?![[:alnum:]])`);
    expect(isDistinctiveName('Martin')).toBe(false);
    expect(isDistinctiveName('Léa B')).toBe(true);
    expect(isDistinctiveName('Al B')).toBe(false);
  });
});
