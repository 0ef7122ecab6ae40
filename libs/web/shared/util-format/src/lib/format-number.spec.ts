import { formatCount, formatInhabitants, formatInteger, formatPostcodes } from './format-number';

const NNBSP = '\u202f';

describe('formatInteger', () => {
  it('groups thousands with a narrow no-break space, as French typography does', () => {
    expect(formatInteger(1108)).toBe(`1${NNBSP}108`);
    expect(formatInteger(1234567)).toBe(`1${NNBSP}234${NNBSP}567`);
  });

  it('leaves numbers under a thousand alone', () => {
    expect(formatInteger(999)).toBe('999');
  });
});

describe('formatInhabitants', () => {
  it('uses the plural from 2', () => {
    expect(formatInhabitants(5000)).toBe(`5${NNBSP}000 habitants`);
    expect(formatInhabitants(2)).toBe('2 habitants');
  });

  it('keeps the singular for 0 and 1', () => {
    expect(formatInhabitants(1)).toBe('1 habitant');
    expect(formatInhabitants(0)).toBe('0 habitant');
  });
});

describe('formatCount', () => {
  it('pluralises regular and irregular nouns', () => {
    expect(formatCount(183, 'commune')).toBe('183 communes');
    expect(formatCount(1, 'commune')).toBe('1 commune');
    expect(formatCount(3, 'canton trouvé', 'cantons trouvés')).toBe('3 cantons trouvés');
  });
});

describe('formatPostcodes', () => {
  it('joins several postcodes', () => {
    expect(formatPostcodes(['95000', '95800'])).toBe('95000, 95800');
  });

  it('shows a dash rather than an empty cell', () => {
    expect(formatPostcodes([])).toBe('—');
  });
});
