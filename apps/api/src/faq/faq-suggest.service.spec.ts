import { suggestQuery } from './faq-suggest.service';

describe(suggestQuery.name, () => {
  it('asks nothing under eight characters, and keeps each word once as typed, elisions included', () => {
    expect(suggestQuery('DETR ?  ', undefined)).toBeNull();
    expect(suggestQuery('   ...   ?!  ', undefined)).toBeNull();
    expect(suggestQuery('Subvension pour l’école, subvension DETR', 'La toiture.')).toEqual({
      words: ['Subvension', 'pour', 'l’école', 'DETR'],
      title: 'Subvension pour l’école, subvension DETR',
      body: 'La toiture.',
    });
  });

  it('bounds the body and the number of words', () => {
    const query = suggestQuery(Array.from({ length: 40 }, (_, i) => `mot${i}`).join(' '), 'x'.repeat(10_000));
    expect(query?.words).toHaveLength(24);
    expect(query?.body).toHaveLength(4_000);
  });
});
