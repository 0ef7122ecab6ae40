import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Statement names by text, worked out once: the texts are the code's, one per combination of filters. */
const names = new Map<string, string>();
const MAX_NAMES = 1_000;

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (names.size < MAX_NAMES) {
      names.set(text, name);
    }
  }
  return name;
}

/**
 * Runs a hot read as a named prepared statement. TypeORM sends every query unnamed, so PostgreSQL plans it on each
 * call; for the inbox's wide select, planning costs more than running. A named statement is planned once per
 * pooled connection (then a generic plan is kept). The name is derived from the text, so one name never stands for
 * two texts. Only for reads outside transactions: it takes any connection of the pool.
 */
export async function preparedQuery<T>(db: DataSource, text: string, values: unknown[]): Promise<T[]> {
  const pool = (db.driver as PostgresDriver).master as Pool;
  const result = await pool.query({ name: statementName(text), text, values });
  return result.rows as T[];
}
