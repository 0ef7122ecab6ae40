import type { DeptProjectListQuery } from '@passerelle/shared/dto';
import type { ProjectFilterValue } from '@passerelle/web/projects/ui-project';

/** The list's filters: the shared search/status/theme, and the département's own axis, canton and « Mes projets ». */
export interface DeptProjectFilters extends ProjectFilterValue {
  axis: string;
  canton: string;
  mine: boolean;
}

export const NO_DEPT_PROJECT_FILTERS: DeptProjectFilters = { q: '', status: '', theme: '', axis: '', canton: '', mine: false };

/** The query of one page of the list: only the filters set, so that the API applies its defaults. */
export function deptProjectQuery(filters: DeptProjectFilters, pageIndex: number, pageSize: number): DeptProjectListQuery {
  const query: DeptProjectListQuery = { limit: pageSize, offset: pageIndex * pageSize };
  const q = filters.q.trim();
  if (q) {
    query.q = q;
  }
  if (filters.status) {
    query.status = filters.status;
  }
  if (filters.theme) {
    query.theme = filters.theme;
  }
  if (filters.axis) {
    query.axis = filters.axis;
  }
  if (filters.canton) {
    query.canton = filters.canton;
  }
  if (filters.mine) {
    query.lead = 'me';
  }
  return query;
}

export function hasDeptProjectFilters(filters: DeptProjectFilters): boolean {
  return !!(filters.q || filters.status || filters.theme || filters.axis || filters.canton || filters.mine);
}
