import {
  changeSearchFilters,
  EMPTY_SEARCH_FILTERS,
  searchFiltersFromParams,
  searchFiltersToParams,
} from './project-search-filters';

describe('project search filters', () => {
  it('read back what they write', () => {
    const filters = {
      ...EMPTY_SEARCH_FILTERS,
      q: 'école',
      theme: 'VOIRIE' as const,
      canton: '9510',
      year: 2024,
      sort: 'recent' as const,
      pageIndex: 2,
    };
    const params = searchFiltersToParams(filters);
    expect(params).toEqual({ q: 'école', theme: 'VOIRIE', canton: '9510', year: '2024', sort: 'recent', page: '3' });
    expect(searchFiltersFromParams(params)).toEqual(filters);
  });

  it('keep the plain address for the default sort', () => {
    expect(searchFiltersToParams({ ...EMPTY_SEARCH_FILTERS, q: 'lavoir', sort: 'relevance' })).toEqual({ q: 'lavoir' });
    expect(searchFiltersToParams({ ...EMPTY_SEARCH_FILTERS, sort: 'recent' })).toEqual({});
  });

  it('go back to the first page on any change but the page', () => {
    const current = { ...EMPTY_SEARCH_FILTERS, pageIndex: 4 };
    expect(changeSearchFilters(current, { theme: 'VOIRIE' }).pageIndex).toBe(0);
    expect(changeSearchFilters(current, { pageIndex: 5 }).pageIndex).toBe(5);
  });
});
