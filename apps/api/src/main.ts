import { join, relative } from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConfigError, type AppConfig, loadConfig } from './config/app-config';
import { withLocalSecrets } from './config/local-secrets';
import { openDatabase } from './database/open-database';
import { DemoSeeder } from './database/seeds/demo-seeder';
import { createApp } from './http-app';

const logger = new Logger('Passerelle');

function readConfig(): AppConfig {
  try {
    return withLocalSecrets(loadConfig(process.env));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`\n${error.message}\n\nVoir la section « Configuration » du README.\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Start: configuration, database (embedded when no DATABASE_URL), migrations, first-run seed, then listen. */
async function main(): Promise<void> {
  const started = Date.now();
  const config = readConfig();
  const database = await openDatabase(config, logger);
  const app = await createApp(config, database.url);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.log(`${signal} reçu : arrêt…`);
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  const migrations = await app.get(DataSource).runMigrations({ transaction: 'each' });
  if (migrations.length > 0) {
    logger.log(`${migrations.length} migration(s) appliquée(s) : ${migrations.map((m) => m.name).join(', ')}`);
  }
  const seeded = config.demoMode ? await app.get(DemoSeeder).seedOnFirstRun() : false;

  await app.listen({ port: config.port, host: config.host });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const banner = [
    '',
    `  Passerelle est prête (${seconds} s) : ${config.publicUrl}`,
    `  API : ${config.publicUrl}/api — documentation OpenAPI : ${config.publicUrl}/api/docs`,
    `  Base de données : ${database.embedded ? `PostgreSQL intégré (${relative(process.cwd(), join(config.dataDir, 'postgres')) || '.'})` : 'DATABASE_URL'}${seeded ? ' — données de démonstration importées' : ''}`,
    config.demoMode ? `  Mode démonstration — mot de passe des comptes de démonstration : ${config.demoPassword}` : '',
    '  Ctrl-C pour arrêter.',
    '',
  ];
  process.stdout.write(`${banner.filter((l) => l !== '').join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  logger.error('Échec du démarrage', error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
