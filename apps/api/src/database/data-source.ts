import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { TypeOrmNestLogger } from './typeorm-logger';

/** The one definition of the database connection, used by the app, the CLI, the tests and TypeORM's CLI. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // No TypeORM entities: repositories own typed SQL (STYLE.md); the migrations are the schema of record.
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'warn', 'migration'],
    logger: new TypeOrmNestLogger(),
    maxQueryExecutionTime: 1_000,
    extra: {
      max: 20,
      // Fail fast when the server is unreachable: /api/health must answer 503 quickly, not hang.
      connectionTimeoutMillis: 2_000,
      idleTimeoutMillis: 30_000,
      application_name: 'passerelle',
    },
  };
}

/** For TypeORM's own CLI (`migration:generate`), against `DATABASE_URL`. */
export default new DataSource(dataSourceOptions(process.env['DATABASE_URL'] ?? 'postgresql://localhost/passerelle'));
