import type {
  ProjectStatus,
  ProjectTheme,
  PublicDeptProjectListQuery,
  PublicMapQuery,
  PublicProjectFilters,
  PublicProjectKind,
} from '@passerelle/shared/dto';
import { readAxisId, readProjectKind, readPublicFilters } from '@passerelle/web/public/data-access';

/**
 * The query-string of `/carte`, as the router hands it to the page's inputs:
 * `?q=lavoir&theme=VOIRIE&canton=9510&year=2024&status=COMPLETED&kind=DEPARTEMENT&axis=<id>&vue=liste&page=2&kiosque=1`.
 * Codes rather than labels, so that a project page can link to "the same theme on the map".
 */
export interface MapPageParams {
  q?: string;
  theme?: string;
  canton?: string;
  year?: string;
  status?: string;
  /** `COMMUNE` or `DEPARTEMENT`; both kinds when absent. */
  kind?: string;
  /** A programme axis id (the département's projects only). */
  axis?: string;
  vue?: string;
  page?: string;
  kiosque?: string;
}

/** The filters shared by the map and the list; the département is added from the configuration. */
export interface ProjectMapFilters {
  q: string;
  theme: ProjectTheme | null;
  canton: string | null;
  year: number | null;
  status: ProjectStatus | null;
  /** Whose projects: `null` for both. */
  kind: PublicProjectKind | null;
  /** A programme axis: only the département's projects of that axis. */
  axis: string | null;
}

export const NO_FILTERS: ProjectMapFilters = {
  q: '',
  theme: null,
  canton: null,
  year: null,
  status: null,
  kind: null,
  axis: null,
};

/** Cards per page of the list view: 2, 3 or 4 columns fill evenly. */
export const LIST_PAGE_SIZE = 12;

/** The map's filters from its address (the commune filter of the search page has no control here). */
export function readFilters(params: MapPageParams): ProjectMapFilters {
  const { q, theme, canton, year, status } = readPublicFilters({ ...params });
  const kind = readProjectKind({ ...params });
  // An axis belongs to the département's projects: with the communes' alone it would show nothing.
  const axis = kind === 'COMMUNE' ? null : readAxisId({ ...params });
  return { q, theme, canton, year, status, kind, axis };
}

/** `?page=3` → 2; anything else is the first page. */
export function readPageIndex(value: string | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 ? page - 1 : 0;
}

/**
 * Query parameters for a change of filters, merged into the address; `null` removes a parameter. Any change of
 * filter goes back to the first page of the list.
 */
export function filterParams(change: Partial<ProjectMapFilters>): Record<string, string | null> {
  const params: Record<string, string | null> = { page: null };
  if ('q' in change) {
    params['q'] = change.q?.trim() || null;
  }
  if ('theme' in change) {
    params['theme'] = change.theme ?? null;
  }
  if ('canton' in change) {
    params['canton'] = change.canton ?? null;
  }
  if ('year' in change) {
    params['year'] = change.year != null ? String(change.year) : null;
  }
  if ('status' in change) {
    params['status'] = change.status ?? null;
  }
  if ('kind' in change) {
    params['kind'] = change.kind ?? null;
    if (change.kind === 'COMMUNE') {
      params['axis'] = null;
    }
  }
  if ('axis' in change) {
    params['axis'] = change.axis ?? null;
  }
  return params;
}

/** The filters as the communes' list reads them, unset ones left out (it knows neither kind nor axis). */
export function apiFilters(filters: ProjectMapFilters, departement: string): PublicProjectFilters {
  const query: PublicProjectFilters = { departement };
  if (filters.q) {
    query.q = filters.q;
  }
  if (filters.theme) {
    query.theme = filters.theme;
  }
  if (filters.canton) {
    query.canton = filters.canton;
  }
  if (filters.year != null) {
    query.year = filters.year;
  }
  if (filters.status) {
    query.status = filters.status;
  }
  return query;
}

/** The map layer's filters: the shared ones, plus whose projects and the axis. */
export function mapFilters(filters: ProjectMapFilters, departement: string): PublicMapQuery {
  const query: PublicMapQuery = apiFilters(filters, departement);
  if (filters.kind) {
    query.kind = filters.kind;
  }
  if (filters.axis) {
    query.axis = filters.axis;
  }
  return query;
}

/** The département's list (no year: its projects are shown whatever their dates). */
export function deptListFilters(filters: ProjectMapFilters, departement: string): PublicDeptProjectListQuery {
  const query: PublicDeptProjectListQuery = apiFilters({ ...filters, year: null }, departement);
  if (filters.axis) {
    query.axis = filters.axis;
  }
  return query;
}

/** Which lists the list view shows: the communes' unless only the département's (or an axis) is asked for. */
export function shownKinds(filters: ProjectMapFilters): { communes: boolean; departement: boolean } {
  return {
    communes: filters.kind !== 'DEPARTEMENT' && !filters.axis,
    departement: filters.kind !== 'COMMUNE',
  };
}

export function activeFilterCount(filters: ProjectMapFilters): number {
  return [filters.q, filters.theme, filters.canton, filters.year, filters.status, filters.kind, filters.axis].filter(
    (value) => !!value,
  ).length;
}

/** The years a visitor may pick: this year back to 2015, plus the one in the address if it is older. */
export function yearChoices(currentYear: number, selected: number | null): number[] {
  const years: number[] = [];
  for (let year = currentYear; year >= 2015; year--) {
    years.push(year);
  }
  if (selected != null && !years.includes(selected)) {
    years.push(selected);
    years.sort((a, b) => b - a);
  }
  return years;
}
