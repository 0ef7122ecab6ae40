import {
  INSEE_CODE_PATTERN,
  PROJECT_STATUSES,
  PROJECT_THEMES,
  type ProjectStatus,
  type ProjectTheme,
  PUBLIC_PROJECT_KINDS,
  type PublicProjectKind,
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `?kind=DEPARTEMENT` (the API's codes, any case); absent or unknown: both kinds. */
export function readProjectKind(params: Record<string, unknown>): PublicProjectKind | null {
  const kind = queryValue(params, 'kind')?.toUpperCase() ?? '';
  return (PUBLIC_PROJECT_KINDS as readonly string[]).includes(kind) ? (kind as PublicProjectKind) : null;
}

/** A programme axis id from the address (`name` is `axis` on the map and the lists, `axe` on the newsletter's form). */
export function readAxisId(params: Record<string, unknown>, name = 'axis'): string | null {
  const axis = queryValue(params, name);
  return axis && UUID.test(axis) ? axis.toLowerCase() : null;
}

/** A canton code from the address, `null` when malformed. */
export function readCantonCode(params: Record<string, unknown>, name = 'canton'): string | null {
  const canton = queryValue(params, name);
  return canton && CANTON.test(canton) ? canton : null;
}
