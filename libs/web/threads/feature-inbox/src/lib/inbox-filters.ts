import type { Params } from '@angular/router';
import {
  DEFAULT_PAGE_SIZE,
  type InboxQuery,
  type InboxScope,
  type InboxSort,
  type ThreadCategory,
  type ThreadState,
} from '@passerelle/shared/dto';

/** How long the search waits for the agent to pause typing before it asks the API. */
export const INBOX_SEARCH_DEBOUNCE_MS = 300;
export const INBOX_PAGE_SIZES = [20, 50, 100] as const;

/** `ACTIVE`: every state but `CLOSED`, the queue an agent works from. */
export type InboxStateFilter = ThreadState | 'ACTIVE' | 'ALL';

/** What the inbox shows; the URL's query string holds it, so that a reload, a bookmark or "back" gives the same view. */
export interface InboxFilters {
  state: InboxStateFilter;
  scope: InboxScope;
  category: ThreadCategory | null;
  canton: string | null;
  /** INSEE code. */
  commune: string | null;
  /** Label id. */
  label: string | null;
  overdue: boolean;
  sort: InboxSort;
  q: string;
  /** From 0. */
  pageIndex: number;
  pageSize: number;
}

export const DEFAULT_INBOX_FILTERS: InboxFilters = {
  state: 'ACTIVE',
  scope: 'all',
  category: null,
  canton: null,
  commune: null,
  label: null,
  overdue: false,
  sort: 'due',
  q: '',
  pageIndex: 0,
  pageSize: DEFAULT_PAGE_SIZE,
};

/** The query-string names, in French like the rest of the addresses the user sees. */
const PARAM = {
  state: 'etat',
  scope: 'perimetre',
  category: 'categorie',
  canton: 'canton',
  commune: 'commune',
  label: 'etiquette',
  overdue: 'en-retard',
  sort: 'tri',
  q: 'q',
  page: 'page',
  pageSize: 'par-page',
} as const;

/** The values in the address, in French; typed by state and category so that a new one cannot be forgotten. */
const STATE_KEYS: Record<ThreadState | 'ALL', string> = {
  ALL: 'toutes',
  NEW: 'nouvelles',
  ANSWERED: 'repondues',
  OPEN: 'relancees',
  WAITING_COMMUNE: 'en-attente',
  CLOSED: 'fermees',
};
const CATEGORY_KEYS: Record<ThreadCategory, string> = {
  NEXT_STEPS: 'prochaines-etapes',
  FUNDING: 'financement',
  CONTACTS: 'interlocuteurs',
  REGULATION: 'reglementation',
  OTHER: 'autre',
};
const SCOPE_KEYS: Record<Exclude<InboxScope, 'all'>, string> = { mine: 'miennes', unassigned: 'non-attribuees' };
const SORT_KEYS: Record<Exclude<InboxSort, 'due'>, string> = { activity: 'activite' };

function invert<T extends string>(keys: Partial<Record<T, string>>): Record<string, T> {
  return Object.fromEntries(Object.entries(keys).map(([value, key]) => [key, value])) as Record<string, T>;
}

const STATE_VALUES = invert<InboxStateFilter>(STATE_KEYS);
const CATEGORY_VALUES = invert<ThreadCategory>(CATEGORY_KEYS);
const SCOPE_VALUES = invert<InboxScope>(SCOPE_KEYS);
const SORT_VALUES = invert<InboxSort>(SORT_KEYS);

/** Own keys only: `?etat=constructor` must not find `Object.prototype.constructor`. */
function lookup<T>(values: Record<string, T>, key: string | null): T | null {
  return key !== null && Object.prototype.hasOwnProperty.call(values, key) ? values[key] : null;
}

function single(params: Params, name: string): string | null {
  const value: unknown = params[name];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
}

function positiveInteger(value: string | null): number | null {
  return value !== null && /^\d{1,6}$/.test(value) ? Number(value) : null;
}

/**
 * Reads the filters from the query string. Anything unknown or malformed (a link typed by hand, an old bookmark)
 * falls back to the default rather than failing.
 */
export function filtersFromParams(params: Params): InboxFilters {
  const page = positiveInteger(single(params, PARAM.page));
  const size = positiveInteger(single(params, PARAM.pageSize));
  return {
    state: lookup(STATE_VALUES, single(params, PARAM.state)) ?? DEFAULT_INBOX_FILTERS.state,
    scope: lookup(SCOPE_VALUES, single(params, PARAM.scope)) ?? DEFAULT_INBOX_FILTERS.scope,
    category: lookup(CATEGORY_VALUES, single(params, PARAM.category)),
    canton: single(params, PARAM.canton),
    commune: single(params, PARAM.commune),
    label: single(params, PARAM.label),
    overdue: single(params, PARAM.overdue) === 'oui',
    sort: lookup(SORT_VALUES, single(params, PARAM.sort)) ?? DEFAULT_INBOX_FILTERS.sort,
    q: single(params, PARAM.q) ?? '',
    pageIndex: page !== null && page > 0 ? page - 1 : 0,
    pageSize: size !== null && (INBOX_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** The query string of the filters, defaults left out so that the plain inbox keeps the plain address. */
export function filtersToParams(filters: InboxFilters): Params {
  const q = filters.q.trim();
  const params: Record<string, string | null> = {
    [PARAM.state]: filters.state === 'ACTIVE' ? null : STATE_KEYS[filters.state],
    [PARAM.scope]: filters.scope === 'all' ? null : SCOPE_KEYS[filters.scope],
    [PARAM.category]: filters.category ? CATEGORY_KEYS[filters.category] : null,
    [PARAM.canton]: filters.canton || null,
    [PARAM.commune]: filters.commune || null,
    [PARAM.label]: filters.label || null,
    [PARAM.overdue]: filters.overdue ? 'oui' : null,
    [PARAM.sort]: filters.sort === 'due' ? null : SORT_KEYS[filters.sort],
    [PARAM.q]: q || null,
    [PARAM.page]: filters.pageIndex > 0 ? String(filters.pageIndex + 1) : null,
    [PARAM.pageSize]: filters.pageSize === DEFAULT_PAGE_SIZE ? null : String(filters.pageSize),
  };
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== null));
}

/** A change of filters; any change but the page itself goes back to the first page. */
export function changeFilters(current: InboxFilters, change: Partial<InboxFilters>): InboxFilters {
  const next = { ...current, ...change };
  const onlyPaging = Object.keys(change).every((key) => key === 'pageIndex');
  return onlyPaging ? next : { ...next, pageIndex: change.pageIndex ?? 0 };
}

/** The API query: defaults left for the API to apply, the page turned into `limit` / `offset`. */
export function inboxQuery(filters: InboxFilters): InboxQuery {
  const query: InboxQuery = { limit: filters.pageSize, offset: filters.pageIndex * filters.pageSize };
  if (filters.state !== 'ACTIVE') {
    query.state = filters.state;
  }
  if (filters.scope !== 'all') {
    query.scope = filters.scope;
  }
  if (filters.category) {
    query.category = filters.category;
  }
  if (filters.canton) {
    query.canton = filters.canton;
  }
  if (filters.commune) {
    query.commune = filters.commune;
  }
  if (filters.label) {
    query.label = filters.label;
  }
  if (filters.overdue) {
    query.overdue = true;
  }
  if (filters.sort !== 'due') {
    query.sort = filters.sort;
  }
  const q = filters.q.trim();
  if (q) {
    query.q = q;
  }
  return query;
}

/** Whether the agent narrowed the queue: an empty page then means "no match", not "nothing to do". */
export function hasInboxFilters(filters: InboxFilters): boolean {
  return (
    filters.state !== 'ACTIVE' ||
    filters.scope !== 'all' ||
    !!filters.category ||
    !!filters.canton ||
    !!filters.commune ||
    !!filters.label ||
    filters.overdue ||
    filters.q.trim() !== ''
  );
}
