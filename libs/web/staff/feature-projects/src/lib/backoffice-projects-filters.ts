import type { DepartementProjectListQuery, ProjectStatus, ProjectTheme } from '@passerelle/shared/dto';

export interface BackofficeProjectFilters {
  q: string;
  /** INSEE code of the commune chosen in the autocomplete, `null` for all. */
  commune: string | null;
  canton: string;
  status: ProjectStatus | '';
  theme: ProjectTheme | '';
}

/** The list's query: blank filters left out, the page turned into `limit` / `offset`. */
export function departementProjectQuery(
  filters: BackofficeProjectFilters,
  pageIndex: number,
  pageSize: number,
): DepartementProjectListQuery {
  const query: DepartementProjectListQuery = { limit: pageSize, offset: pageIndex * pageSize };
  const q = filters.q.trim();
  if (q) {
    query.q = q;
  }
  if (filters.commune) {
    query.commune = filters.commune;
  }
  if (filters.canton) {
    query.canton = filters.canton;
  }
  if (filters.status) {
    query.status = filters.status;
  }
  if (filters.theme) {
    query.theme = filters.theme;
  }
  return query;
}
