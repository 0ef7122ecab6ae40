import {
  activeFilterCount,
  apiFilters,
  deptListFilters,
  filterParams,
  mapFilters,
  NO_FILTERS,
  readFilters,
  readPageIndex,
  shownKinds,
  yearChoices,
} from './map-filters';

const AXIS = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';

describe('the map’s address', () => {
  it('reads the filters, whatever the case of the codes', () => {
    expect(readFilters({ q: ' lavoir ', theme: 'voirie', canton: '9510', year: '2024', status: 'completed' })).toEqual({
      q: 'lavoir',
      theme: 'VOIRIE',
      canton: '9510',
      year: 2024,
      status: 'COMPLETED',
      kind: null,
      axis: null,
    });
  });

  it('ignores what it does not understand instead of failing', () => {
    expect(readFilters({ theme: 'toString', canton: 'abc', year: '20x4', status: 'PUBLISHED' })).toEqual({
      q: '',
      theme: null,
      canton: null,
      year: null,
      status: null,
      kind: null,
      axis: null,
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
    const filters = { ...NO_FILTERS, theme: 'VOIRIE' as const, kind: 'DEPARTEMENT' as const, axis: AXIS };
    expect(apiFilters(filters, '95')).toEqual({ departement: '95', theme: 'VOIRIE' });
    expect(mapFilters(filters, '95')).toEqual({ departement: '95', theme: 'VOIRIE', kind: 'DEPARTEMENT', axis: AXIS });
    expect(deptListFilters({ ...filters, year: 2024 }, '95')).toEqual({ departement: '95', theme: 'VOIRIE', axis: AXIS });
    expect(activeFilterCount({ ...NO_FILTERS, q: 'école', canton: '9510', year: 2024 })).toBe(3);
  });

  it('reads whose projects and the axis, and forgets the axis with the communes’ projects alone', () => {
    expect(readFilters({ kind: 'departement', axis: AXIS })).toMatchObject({ kind: 'DEPARTEMENT', axis: AXIS });
    expect(readFilters({ kind: 'COMMUNE', axis: AXIS })).toMatchObject({ kind: 'COMMUNE', axis: null });
    expect(filterParams({ kind: 'COMMUNE' })).toEqual({ kind: 'COMMUNE', axis: null, page: null });
    expect(filterParams({ kind: null })).toEqual({ kind: null, page: null });
    expect(shownKinds({ ...NO_FILTERS, axis: AXIS })).toEqual({ communes: false, departement: true });
    expect(shownKinds(NO_FILTERS)).toEqual({ communes: true, departement: true });
  });

  it('offers the recent years, and an older one from the address', () => {
    expect(yearChoices(2026, null)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016, 2015]);
    expect(yearChoices(2026, 2004).at(-1)).toBe(2004);
  });
});
