import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { openDatabase } from './database/open-database';
import { DemoSeeder } from './demo/demo-seeder';
import { TerritoryImportService } from './territory/import/territory-import.service';

export const CLI_USAGE = `Usage : node dist/apps/api/cli.js <commande>
  migrate                      applique les migrations en attente
  import-communes <code> […]   importe ou met à jour les communes d’un ou plusieurs départements (ex. 95 45 28)
  seed                         importe les données de démonstration si la base est vide`;

export interface CliIo {
  /** The command's own messages. */
  logger: LoggerService;
  /** Nest's logger for the application context (the process's pino logger). */
  nestLogger: LoggerService;
  stdout(line: string): void;
  stderr(line: string): void;
}

/**
 * One CLI command against the database of `config`. With the embedded server, the one `npm start` is running
 * is used and left running; only when none runs does the command start its own and stop it at the end.
 */
export async function runCliCommand(argv: string[], config: AppConfig, io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (!command || !['migrate', 'import-communes', 'seed'].includes(command)) {
    io.stderr(CLI_USAGE);
    return 2;
  }
  if (command === 'import-communes' && args.length === 0) {
    io.stderr('Indiquez au moins un code de département, par exemple : npm run import:communes -- 95');
    return 2;
  }
  const database = await openDatabase(config, io.logger, { whenRunning: 'reuse' });
  try {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database.url), {
      logger: io.nestLogger,
    });
    try {
      await app.get(DataSource).runMigrations({ transaction: 'each' });
      if (command === 'import-communes') {
        const importer = app.get(TerritoryImportService);
        for (const code of args) {
          const report = await importer.importDepartement(code.toUpperCase());
          io.stdout(JSON.stringify(report));
        }
      } else if (command === 'seed') {
        await app.get(DemoSeeder).seedOnFirstRun();
      }
      return 0;
    } finally {
      await app.close();
    }
  } finally {
    // A no-op when the server belongs to the running app.
    await database.stop();
  }
}
