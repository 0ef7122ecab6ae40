import { FrenchPaginatorIntl } from './french-paginator-intl';

describe(FrenchPaginatorIntl.name, () => {
  const sut = new FrenchPaginatorIntl();

  it('says the range in French, with French digit grouping', () => {
    expect(sut.getRangeLabel(0, 20, 183)).toBe('1 – 20 sur 183');
    expect(sut.getRangeLabel(9, 20, 183)).toBe('181 – 183 sur 183');
    expect(sut.getRangeLabel(0, 100, 34_969).replace(/\s/g, ' ')).toBe('1 – 100 sur 34 969');
  });

  it('handles an empty list', () => {
    expect(sut.getRangeLabel(0, 20, 0)).toBe('0 sur 0');
  });

  it('labels the controls in French', () => {
    expect([sut.itemsPerPageLabel, sut.nextPageLabel, sut.previousPageLabel]).toEqual([
      'Lignes par page',
      'Page suivante',
      'Page précédente',
    ]);
  });
});
