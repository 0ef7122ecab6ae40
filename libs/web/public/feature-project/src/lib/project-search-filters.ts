import type { Params } from '@angular/router';
import {
  type ProjectStatus,
  type ProjectTheme,
  PUBLIC_SORTS,
  type PublicProjectListQuery,
  type PublicSort,
} from '@passerelle/shared/dto';
import { queryValue, readPublicFilters } from '@passerelle/web/public/data-access';

/** Four columns of six rows, three of eight, two of twelve: full rows whatever the width. */
export const SEARCH_PAGE_SIZE = 24;
/** How long the search waits for the visitor to pause typing before it asks the API. */
export const SEARCH_DEBOUNCE_MS = 350;

/**
 * What the search shows. The address holds it (`q`, `theme`, `canton`, `commune`, `year`, `status`, `sort`, `page`:
 * the same names and values as the map's and the open-data files' filters), so that a search can be shared, reloaded
 * and undone with the back button.
 */
export interface ProjectSearchFilters {
  q: string;
  theme: ProjectTheme | null;
  /** Canton code. */
  canton: string | null;
  /** Commune INSEE code (from a link such as "other projects of the commune"; no control of its own). */
  commune: string | null;
  year: number | null;
  status: ProjectStatus | null;
  /** `null`: the API's default, relevance with a search and most recent without. */
  sort: PublicSort | null;
  /** From 0; the address counts from 1. */
  pageIndex: number;
}

export const EMPTY_SEARCH_FILTERS: ProjectSearchFilters = {
  q: '',
  theme: null,
  canton: null,
  commune: null,
  year: null,
  status: null,
  sort: null,
  pageIndex: 0,
};

/** Reads the filters from the address; anything unknown or malformed (an old or hand-typed link) is left out. */
export function searchFiltersFromParams(params: Params): ProjectSearchFilters {
  const sort = queryValue(params, 'sort');
  const page = queryValue(params, 'page');
  return {
    ...readPublicFilters(params),
    sort: (PUBLIC_SORTS as readonly string[]).includes(sort ?? '') ? (sort as PublicSort) : null,
    pageIndex: page !== null && /^\d{1,5}$/.test(page) && Number(page) > 1 ? Number(page) - 1 : 0,
  };
}

/** The filters shared with the map and the open-data files, unset ones left out. */
export function sharedFilterParams(filters: ProjectSearchFilters): Params {
  const params: Record<string, string | null> = {
    q: filters.q.trim() || null,
    theme: filters.theme,
    canton: filters.canton,
    commune: filters.commune,
    year: filters.year === null ? null : String(filters.year),
    status: filters.status,
  };
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== null));
}

/** The address of the search: the shared filters, the sort when it is not the default, the page after the first. */
export function searchFiltersToParams(filters: ProjectSearchFilters): Params {
  const params = sharedFilterParams(filters);
  const sort = effectiveSort(filters);
  if (filters.sort !== null && sort !== defaultSort(filters)) {
    params['sort'] = sort;
  }
  if (filters.pageIndex > 0) {
    params['page'] = String(filters.pageIndex + 1);
  }
  return params;
}

/** A change of filters; any change but the page itself goes back to the first page. */
export function changeSearchFilters(
  current: ProjectSearchFilters,
  change: Partial<ProjectSearchFilters>,
): ProjectSearchFilters {
  const next = { ...current, ...change };
  const onlyPaging = Object.keys(change).every((key) => key === 'pageIndex');
  return onlyPaging ? next : { ...next, pageIndex: change.pageIndex ?? 0 };
}

function defaultSort(filters: ProjectSearchFilters): PublicSort {
  return filters.q.trim() ? 'relevance' : 'recent';
}

/** Relevance means nothing without words to match: the most recent first then, whatever was asked. */
export function effectiveSort(filters: ProjectSearchFilters): PublicSort {
  return filters.q.trim() ? (filters.sort ?? 'relevance') : 'recent';
}

/** The API query, always limited to the installation's département. */
export function searchQuery(filters: ProjectSearchFilters, departement: string): PublicProjectListQuery {
  const query: PublicProjectListQuery = {
    departement,
    sort: effectiveSort(filters),
    limit: SEARCH_PAGE_SIZE,
    offset: filters.pageIndex * SEARCH_PAGE_SIZE,
  };
  const q = filters.q.trim();
  if (q) {
    query.q = q;
  }
  if (filters.theme) {
    query.theme = filters.theme;
  }
  if (filters.canton) {
    query.canton = filters.canton;
  }
  if (filters.commune) {
    query.commune = filters.commune;
  }
  if (filters.year !== null) {
    query.year = filters.year;
  }
  if (filters.status) {
    query.status = filters.status;
  }
  return query;
}

/** Whether the visitor narrowed the list: an empty page then calls for removing filters. */
export function hasSearchFilters(filters: ProjectSearchFilters): boolean {
  return Object.keys(sharedFilterParams(filters)).length > 0;
}
