import { join, relative } from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppLogger, createRootLogger } from './common/app-logger';
import { isLoopbackHost } from './common/http/loopback';
import { ConfigError, type AppConfig, loadConfig } from './config/app-config';
import { withLocalSecrets } from './config/local-secrets';
import { EmbeddedServerInUseError } from './database/embedded';
import { migrateAtStart } from './database/migrate-locked';
import { type DatabaseHandle, openDatabase } from './database/open-database';
import { DEMO_ACCOUNTS } from './demo/demo-accounts';
import { DemoSeeder } from './demo/demo-seeder';
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
  // Messages before the app exists (the embedded database starting) go through pino like all the others.
  Logger.overrideLogger(new AppLogger(createRootLogger({ level: config.logLevel, pretty: config.env === 'development' && process.stdout.isTTY === true })));
  const database = await openDatabase(config, logger);
  try {
    await serve(config, database, started);
  } catch (error) {
    // Do not leave the embedded PostgreSQL running behind a failed start.
    await database.stop();
    throw error;
  }
}

async function serve(config: AppConfig, database: DatabaseHandle, started: number): Promise<void> {
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

  // Under an advisory lock: instances starting together migrate (and seed) the database once.
  const { firstRun: seeded } = await migrateAtStart(config, app.get(DataSource), logger, async () =>
    config.demoMode ? app.get(DemoSeeder).seedOnFirstRun() : false,
  );

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    if ((error as { code?: string }).code === 'EADDRINUSE') {
      throw new Error(`Le port ${config.port} est déjà utilisé : arrêtez l’autre programme ou choisissez un autre PORT.`);
    }
    throw error;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const banner = [
    '',
    `  Passerelle est prête (${seconds} s) : ${config.publicUrl}`,
    `  API : ${config.publicUrl}/api — documentation OpenAPI : ${config.publicUrl}/api/docs`,
    `  Base de données : ${database.embedded ? `PostgreSQL intégré (${relative(process.cwd(), join(config.dataDir, 'postgres')) || '.'})` : 'DATABASE_URL'}${seeded ? ' — données de démonstration importées' : ''}`,
    config.demoMode ? `  Mode démonstration — mot de passe des comptes de démonstration : ${config.demoPassword}` : '',
    ...(config.demoMode ? DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(38)} ${a.description}`) : []),
    '  Ctrl-C pour arrêter.',
    '',
  ];
  process.stdout.write(`${banner.filter((l) => l !== '').join('\n')}\n\n`);
  if (config.demoMode && !isLoopbackHost(config.host)) {
    process.stdout.write(demoModeWarning(config));
  }
}

/** Demo mode on an interface other machines can reach: say loudly what that exposes. */
function demoModeWarning(config: AppConfig): string {
  const lines = [
    `ATTENTION : mode démonstration (DEMO_MODE) sur une interface accessible depuis le réseau (HOST=${config.host}).`,
    'Les comptes de démonstration, dont un administrateur, partagent un mot de passe connu (DEMO_PASSWORD) :',
    'toute personne qui atteint ce serveur peut s’y connecter.',
    'Le lecteur de courriels de démonstration (/api/dev/mails) ne répond qu’aux clients de cette machine (loopback).',
    'Pour un service réel : DEMO_MODE=false (et vos propres secrets) ; pour un essai, HOST=127.0.0.1.',
  ];
  const rule = '!'.repeat(Math.max(...lines.map((l) => l.length)) + 4);
  return `${[rule, ...lines.map((l) => `! ${l}`), rule].join('\n')}\n\n`;
}

main().catch((error: unknown) => {
  const friendly = error instanceof EmbeddedServerInUseError || (error instanceof Error && error.message.startsWith('Le port'));
  logger.error(`Échec du démarrage : ${error instanceof Error ? error.message : String(error)}`, friendly ? undefined : (error as Error).stack);
  process.exit(1);
});
