import type { AuthUser } from './auth-user';
import { isStaff } from './auth-user';
import type { SqlParams } from '../sql/sql-params';

/**
 * The communes a user may see, as a SQL condition on a commune alias: their own commune for its members, every
 * commune of their département for its staff. Used inside queries so that another tenant's rows are simply
 * not found (404), never filtered afterwards. Its two parameters are bound in `params`: the caller never counts `$`
 * positions.
 */
export function communeVisibleTo(alias: string, user: AuthUser, params: SqlParams): string {
  const [commune, departement] = communeVisibleParams(user);
  return communeCondition(alias, params.add(commune), params.add(departement));
}

function communeCondition(alias: string, commune: string, departement: string): string {
  return `CASE WHEN ${commune}::text IS NULL THEN ${alias}.departement_code = ${departement} ELSE ${alias}.insee = ${commune} END`;
}

/** The two values `communeVisibleTo` binds, in that order: the member's commune (null for staff), the département. */
export function communeVisibleParams(user: AuthUser): [string | null, string] {
  return [isStaff(user) ? null : user.communeInsee, user.departementCode];
}
