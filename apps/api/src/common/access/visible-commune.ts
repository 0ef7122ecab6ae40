import type { DataSource, EntityManager } from 'typeorm';
import { DomainException } from '../exceptions/domain.exception';
import type { AuthUser } from './auth-user';
import { SqlParams } from '../sql/sql-params';
import { communeVisibleTo } from './tenancy';

/** The one "commune not found" of the features: a commune the user may not see answers exactly like a missing one. */
export class CommuneNotFoundException extends DomainException {
  constructor() {
    super('COMMUNE_NOT_FOUND', 'NOT_FOUND', 'Cette commune est introuvable.');
  }
}

/**
 * The commune `insee` if the user may see it (their own commune for its members, any commune of their
 * département for its staff), else null. `columns` and `joins` are SQL written in the code (never user input),
 * for the features that need more of the commune than its code; the commune's alias is `c`.
 */
export async function findVisibleCommune<T = { insee: string }>(
  db: DataSource | EntityManager,
  user: AuthUser,
  insee: string,
  columns = 'c.insee',
  joins = '',
): Promise<T | null> {
  const params = new SqlParams();
  const rows = await db.query<T[]>(
    `SELECT ${columns} FROM commune c ${joins} WHERE c.insee = ${params.add(insee)} AND ${communeVisibleTo('c', user, params)}`,
    params.values,
  );
  return rows[0] ?? null;
}

/** As `findVisibleCommune`, throwing `CommuneNotFoundException` (404 COMMUNE_NOT_FOUND) when the user may not see it. */
export async function visibleCommune<T = { insee: string }>(
  db: DataSource | EntityManager,
  user: AuthUser,
  insee: string,
  columns?: string,
  joins?: string,
): Promise<T> {
  const commune = await findVisibleCommune<T>(db, user, insee, columns, joins);
  if (!commune) {
    throw new CommuneNotFoundException();
  }
  return commune;
}
