import { highlightWords } from './highlight-words';

function marked(text: string, words: string[]): string {
  return highlightWords(text, words)
    .map((part) => (part.match ? `[${part.text}]` : part.text))
    .join('');
}

describe('highlightWords', () => {
  it('marks the words typed, whatever their case and accents', () => {
    expect(marked('Subvention pour l’école', ['ECOLE', 'subvention'])).toBe('[Subvention] pour l’[école]');
  });

  it('marks the same word in another form (plural, noun of a verb), as the French search finds it', () => {
    expect(marked('Aménagement des parkings communaux', ['aménager', 'parking'])).toBe('[Aménagement] des [parkings] communaux');
  });

  it('leaves alone words that only begin alike', () => {
    expect(marked('Le parc et la salle', ['parking', 'sale'])).toBe('Le parc et la salle');
  });

  it('gives the text back whole when nothing matches, and keeps every character', () => {
    expect(highlightWords('Prêt de barrières', [])).toEqual([{ text: 'Prêt de barrières', match: false }]);
    const text = 'DETR : cumul, plafond (80 %) !';
    expect(highlightWords(text, ['detr', 'plafond']).map((part) => part.text).join('')).toBe(text);
  });
});
