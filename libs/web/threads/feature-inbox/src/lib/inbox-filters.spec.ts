import {
  changeFilters,
  DEFAULT_INBOX_FILTERS,
  filtersFromParams,
  filtersToParams,
  hasInboxFilters,
  type InboxFilters,
  inboxQuery,
} from './inbox-filters';

const narrowed: InboxFilters = {
  state: 'WAITING_COMMUNE',
  scope: 'unassigned',
  category: 'NEXT_STEPS',
  canton: '9509',
  commune: '95002',
  label: 'label-1',
  overdue: true,
  sort: 'activity',
  q: 'école',
  pageIndex: 2,
  pageSize: 50,
};

describe('filtersToParams', () => {
  it('keeps the plain inbox at the plain address', () => {
    expect(filtersToParams(DEFAULT_INBOX_FILTERS)).toEqual({});
  });

  it('writes every filter in French, the page counted from 1', () => {
    expect(filtersToParams(narrowed)).toEqual({
      etat: 'en-attente',
      perimetre: 'non-attribuees',
      categorie: 'prochaines-etapes',
      canton: '9509',
      commune: '95002',
      etiquette: 'label-1',
      'en-retard': 'oui',
      tri: 'activite',
      q: 'école',
      page: '3',
      'par-page': '50',
    });
  });

  it('does not keep a search made of spaces', () => {
    expect(filtersToParams({ ...DEFAULT_INBOX_FILTERS, q: '   ' })).toEqual({});
  });
});

describe('filtersFromParams', () => {
  it('reads back what it wrote, so that a reload shows the same view', () => {
    expect(filtersFromParams(filtersToParams(narrowed))).toEqual(narrowed);
    expect(filtersFromParams(filtersToParams({ ...DEFAULT_INBOX_FILTERS, state: 'ALL' })).state).toBe('ALL');
  });

  it('falls back to the defaults on a hand-made or outdated address', () => {
    expect(
      filtersFromParams({
        etat: 'constructor',
        perimetre: 'toString',
        categorie: 'voirie',
        tri: 'nom',
        page: '-2',
        'par-page': '1000',
        'en-retard': 'peut-etre',
      }),
    ).toEqual(DEFAULT_INBOX_FILTERS);
    expect(filtersFromParams({ page: '0' }).pageIndex).toBe(0);
    expect(filtersFromParams({ page: 'abc' }).pageIndex).toBe(0);
  });

  it('takes the first of repeated parameters and ignores blank ones', () => {
    expect(filtersFromParams({ commune: ['95002', '95003'], canton: '  ' })).toMatchObject({
      commune: '95002',
      canton: null,
    });
  });
});

describe('changeFilters', () => {
  const onPage3 = { ...DEFAULT_INBOX_FILTERS, pageIndex: 2 };

  it('goes back to the first page when a filter changes', () => {
    expect(changeFilters(onPage3, { category: 'FUNDING' })).toMatchObject({ category: 'FUNDING', pageIndex: 0 });
  });

  it('keeps the other filters when only the page changes', () => {
    expect(changeFilters({ ...onPage3, canton: '9509' }, { pageIndex: 3 })).toMatchObject({
      canton: '9509',
      pageIndex: 3,
    });
  });

  it('applies a new page size from its first page unless told otherwise', () => {
    expect(changeFilters(onPage3, { pageSize: 100 })).toMatchObject({ pageSize: 100, pageIndex: 0 });
    expect(changeFilters(onPage3, { pageSize: 100, pageIndex: 1 })).toMatchObject({ pageIndex: 1 });
  });
});

describe('inboxQuery', () => {
  it('lets the API apply its defaults (active threads, by due date)', () => {
    expect(inboxQuery(DEFAULT_INBOX_FILTERS)).toEqual({ limit: 20, offset: 0 });
  });

  it('sends every filter chosen and the page as limit and offset', () => {
    expect(inboxQuery({ ...narrowed, q: '  école ' })).toEqual({
      state: 'WAITING_COMMUNE',
      scope: 'unassigned',
      category: 'NEXT_STEPS',
      canton: '9509',
      commune: '95002',
      label: 'label-1',
      overdue: true,
      sort: 'activity',
      q: 'école',
      limit: 50,
      offset: 100,
    });
  });

  it('asks for closed threads too when "all states" is chosen', () => {
    expect(inboxQuery({ ...DEFAULT_INBOX_FILTERS, state: 'ALL' }).state).toBe('ALL');
  });
});

describe('hasInboxFilters', () => {
  it('tells a narrowed queue from the default one, whatever the sort or page', () => {
    expect(hasInboxFilters({ ...DEFAULT_INBOX_FILTERS, sort: 'activity', pageIndex: 3 })).toBe(false);
    expect(hasInboxFilters({ ...DEFAULT_INBOX_FILTERS, overdue: true })).toBe(true);
    expect(hasInboxFilters({ ...DEFAULT_INBOX_FILTERS, q: ' ' })).toBe(false);
  });
});
