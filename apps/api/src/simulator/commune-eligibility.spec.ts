import { communeEligibility } from './commune-eligibility';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe(communeEligibility.name, () => {
  const ableiges = { insee: '95002', population: 1108, epciPopulation: null };

  it('accepts a commune within the population range and states the unknown EPCI condition without refusing', () => {
    const sut = communeEligibility({ eligibility: { populationMax: 3500, themes: [], epciPopulationMax: 100_000 } }, ableiges, null);
    expect(sut.eligible).toBe(true);
    expect(sut.reasons.map(plain)).toEqual([
      'Population 1 108 hab. : dans la plage 0–3 500 hab.',
      'Population de l’intercommunalité non renseignée : condition (100 000 hab. au plus) à vérifier.',
    ]);
  });

  it('refuses a commune above the ceiling, and a theme the scheme does not cover', () => {
    expect(communeEligibility({ eligibility: { populationMax: 1000, themes: [] } }, ableiges, null).eligible).toBe(false);
    const theme = communeEligibility({ eligibility: { themes: ['ENERGIE_CLIMAT'] } }, ableiges, 'VOIRIE');
    expect(theme.eligible).toBe(false);
    expect(plain(theme.reasons[1])).toBe('Thème « Voirie » : non retenu par l’aide.');
  });
});
