import type { AuthUser } from './auth-user';
import { isStaff } from './auth-user';

/**
 * The communes a user may see, as a SQL condition on a commune alias: their own commune for its members, every
 * commune of their département for its staff. Used inside queries so that another tenant's rows are simply
 * not found (404), never filtered afterwards.
 */
export function communeVisibleSql(alias: string, communeParam: number, departementParam: number): string {
  return `CASE WHEN $${communeParam}::text IS NULL THEN ${alias}.departement_code = $${departementParam} ELSE ${alias}.insee = $${communeParam} END`;
}

/** The two parameters `communeVisibleSql` refers to, in that order. */
export function communeVisibleParams(user: AuthUser): [string | null, string] {
  return [isStaff(user) ? null : user.communeInsee, user.departementCode];
}
