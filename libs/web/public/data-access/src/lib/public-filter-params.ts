import {
  INSEE_CODE_PATTERN,
  PROJECT_STATUSES,
  PROJECT_THEMES,
  type ProjectStatus,
  type ProjectTheme,
} from '@passerelle/shared/dto';

/**
 * The public filters as the addresses of the search page and the map page carry them (`q`, `theme`, `canton`,
 * `commune`, `year`, `status`: the API's names and codes), so that a link moves a search from one page to the other.
 */
export interface PublicFilterValues {
  q: string;
  theme: ProjectTheme | null;
  canton: string | null;
  commune: string | null;
  year: number | null;
  status: ProjectStatus | null;
}

const CANTON = /^(?:\d{4,5}|2[AB]\d{2,3})$/;

/** One value of the query string, trimmed; the first when it is repeated. */
export function queryValue(params: Record<string, unknown>, name: string): string | null {
  const value = params[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : null;
}

/** Reads the filters; anything unknown or malformed (an old or hand-typed link) is no filter rather than an error. */
export function readPublicFilters(params: Record<string, unknown>): PublicFilterValues {
  const upper = (name: string) => queryValue(params, name)?.toUpperCase() ?? '';
  const theme = upper('theme');
  const status = upper('status');
  const canton = queryValue(params, 'canton');
  const commune = queryValue(params, 'commune');
  const year = Number(queryValue(params, 'year'));
  return {
    q: queryValue(params, 'q') ?? '',
    theme: (PROJECT_THEMES as readonly string[]).includes(theme) ? (theme as ProjectTheme) : null,
    canton: canton && CANTON.test(canton) ? canton : null,
    commune: commune && INSEE_CODE_PATTERN.test(commune) ? commune : null,
    year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : null,
    status: (PROJECT_STATUSES as readonly string[]).includes(status) ? (status as ProjectStatus) : null,
  };
}
