import {
  FAQ_STATUSES,
  type FaqStatus,
  PROJECT_THEMES,
  type ProjectTheme,
  THREAD_CATEGORIES,
  type ThreadCategory,
} from '@passerelle/shared/dto';
import type { FaqListFilter } from '@passerelle/web/faq/data-access';

/** The list's search as the address holds it: `?q=voirie&theme=VOIRIE&categorie=FUNDING&etat=IN_REVIEW&page=2`. */
export interface FaqListQuery {
  q: string;
  theme: ProjectTheme | null;
  category: ThreadCategory | null;
  /** Staff only. */
  status: FaqStatus | null;
  /** From 0. */
  pageIndex: number;
}

/** The query parameters' names, French as the rest of the address. */
export interface FaqListParams {
  q?: string;
  theme?: string;
  categorie?: string;
  etat?: string;
  page?: string;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | null {
  return values.find((candidate) => candidate === value) ?? null;
}

/** `?page=3` → 2; anything else is the first page. */
export function pageIndexOf(value: string | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 ? page - 1 : 0;
}

/** Whatever the address says: an unknown theme, category or state is no filter. */
export function faqListQueryOf(params: FaqListParams): FaqListQuery {
  return {
    q: params.q?.trim() ?? '',
    theme: oneOf(PROJECT_THEMES, params.theme),
    category: oneOf(THREAD_CATEGORIES, params.categorie),
    status: oneOf(FAQ_STATUSES, params.etat),
    pageIndex: pageIndexOf(params.page),
  };
}

/**
 * The query parameters for a change of the search (to merge into the address): a filter left empty is removed, and
 * any change but the page's goes back to the first page.
 */
export function faqListParamsOf(change: Partial<FaqListQuery>): Record<string, string | null> {
  const params: Record<string, string | null> = {};
  if ('q' in change) {
    params['q'] = change.q?.trim() || null;
  }
  if ('theme' in change) {
    params['theme'] = change.theme ?? null;
  }
  if ('category' in change) {
    params['categorie'] = change.category ?? null;
  }
  if ('status' in change) {
    params['etat'] = change.status ?? null;
  }
  const pageIndex = change.pageIndex ?? 0;
  params['page'] = pageIndex > 0 ? String(pageIndex + 1) : null;
  return params;
}

/** What the API is asked for; the state only in the département's back office. */
export function faqListFilterOf(query: FaqListQuery, pageSize: number, withStatus: boolean): FaqListFilter {
  return {
    q: query.q || undefined,
    theme: query.theme ?? undefined,
    category: query.category ?? undefined,
    ...(withStatus && query.status ? { status: query.status } : {}),
    limit: pageSize,
    offset: query.pageIndex * pageSize,
  };
}

export function hasFaqFilters(query: FaqListQuery): boolean {
  return query.q !== '' || query.theme !== null || query.category !== null || query.status !== null;
}
