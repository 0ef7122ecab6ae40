import { activeFilterCount, apiFilters, filterParams, readFilters, readPageIndex, yearChoices } from './map-filters';

describe('the map’s address', () => {
  it('reads the filters, whatever the case of the codes', () => {
    expect(readFilters({ q: ' lavoir ', theme: 'voirie', canton: '9510', year: '2024', status: 'completed' })).toEqual({
      q: 'lavoir',
      theme: 'VOIRIE',
      canton: '9510',
      year: 2024,
      status: 'COMPLETED',
    });
  });

  it('ignores what it does not understand instead of failing', () => {
    expect(readFilters({ theme: 'toString', canton: 'abc', year: '20x4', status: 'PUBLISHED' })).toEqual({
      q: '',
      theme: null,
      canton: null,
      year: null,
      status: null,
    });
    expect(readFilters({ year: '1850' }).year).toBeNull();
    expect(readPageIndex('3')).toBe(2);
    expect(readPageIndex('-1')).toBe(0);
    expect(readPageIndex(undefined)).toBe(0);
  });

  it('writes a change of filter back to the first page, removing emptied parameters', () => {
    expect(filterParams({ theme: 'ECOLES_PETITE_ENFANCE' })).toEqual({ theme: 'ECOLES_PETITE_ENFANCE', page: null });
    expect(filterParams({ q: '  ', year: 2023, canton: null })).toEqual({ q: null, year: '2023', canton: null, page: null });
  });

  it('gives the API only the filters that are set, with the département', () => {
    expect(apiFilters({ q: '', theme: 'VOIRIE', canton: null, year: null, status: null }, '95')).toEqual({
      departement: '95',
      theme: 'VOIRIE',
    });
    expect(activeFilterCount({ q: 'école', theme: null, canton: '9510', year: 2024, status: null })).toBe(3);
  });

  it('offers the recent years, and an older one from the address', () => {
    expect(yearChoices(2026, null)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016, 2015]);
    expect(yearChoices(2026, 2004).at(-1)).toBe(2004);
  });
});
