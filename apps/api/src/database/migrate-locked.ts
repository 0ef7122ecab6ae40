import type { LoggerService } from '@nestjs/common';
import type { DataSource, Migration } from 'typeorm';
import type { AppConfig } from '../config/app-config';

/** Key of the advisory lock taken around the migrations (any constant; only this code uses it). */
export const MIGRATION_LOCK_KEY = 727_318_014;

/**
 * Runs `work` while holding a PostgreSQL advisory lock, so that instances starting together do it one after the
 * other: the first migrates; the others wait for it, then find nothing left to do. The lock belongs to a session
 * of its own and goes with it if the process dies.
 */
async function withMigrationLock<T>(db: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}

/** The pending migrations, under the lock (`npm run migrate`, and the start). */
export function runMigrationsLocked(db: DataSource): Promise<Migration[]> {
  return withMigrationLock(db, () => db.runMigrations({ transaction: 'each' }));
}

/**
 * What `npm start` does before listening, under the lock: the pending migrations unless `MIGRATIONS_AT_START=false`
 * (deployments that run `npm run migrate` as a release step), then `firstRun` (the demo data of an empty database),
 * so that two instances never both find the database empty.
 */
export async function migrateAtStart<T>(
  config: Pick<AppConfig, 'migrationsAtStart'>,
  db: DataSource,
  logger: LoggerService,
  firstRun: () => Promise<T>,
): Promise<{ migrations: Migration[]; firstRun: T }> {
  return withMigrationLock(db, async () => {
    let migrations: Migration[] = [];
    if (config.migrationsAtStart) {
      migrations = await db.runMigrations({ transaction: 'each' });
      if (migrations.length > 0) {
        logger.log(`${migrations.length} migration(s) appliquée(s) : ${migrations.map((m) => m.name).join(', ')}`);
      }
    } else {
      logger.log('MIGRATIONS_AT_START=false : migrations laissées à l’étape de mise en production (npm run migrate).');
    }
    return { migrations, firstRun: await firstRun() };
  });
}
