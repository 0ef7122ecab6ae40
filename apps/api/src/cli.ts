import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AppLogger } from './common/app-logger';
import { ConfigError, loadConfig } from './config/app-config';
import { withLocalSecrets } from './config/local-secrets';
import { openDatabase } from './database/open-database';
import { DemoSeeder } from './database/seeds/demo-seeder';
import { TerritoryImportService } from './territory/import/territory-import.service';

const USAGE = `Usage : node dist/apps/api/cli.js <commande>
  migrate                      applique les migrations en attente
  import-communes <code> […]   importe ou met à jour les communes d'un ou plusieurs départements (ex. 95 45 28)
  seed                         importe les données de démonstration si la base est vide`;

const logger = new Logger('CLI');

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || !['migrate', 'import-communes', 'seed'].includes(command)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (command === 'import-communes' && args.length === 0) {
    process.stderr.write(`Indiquez au moins un code de département, par exemple : npm run import:communes -- 95\n`);
    return 2;
  }
  const config = withLocalSecrets(loadConfig(process.env));
  const database = await openDatabase(config, logger);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database.url), {
    logger: new AppLogger({ logLevels: ['log', 'warn', 'error'] }),
  });
  try {
    await app.get(DataSource).runMigrations({ transaction: 'each' });
    if (command === 'import-communes') {
      const importer = app.get(TerritoryImportService);
      for (const code of args) {
        const report = await importer.importDepartement(code.toUpperCase());
        process.stdout.write(`${JSON.stringify(report)}\n`);
      }
    } else if (command === 'seed') {
      await app.get(DemoSeeder).seedOnFirstRun();
    }
    return 0;
  } finally {
    await app.close();
    await database.stop();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      logger.error(error instanceof Error ? error.message : String(error));
    }
    process.exit(1);
  },
);
