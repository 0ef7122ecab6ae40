import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { runMigrationsLocked } from './database/migrate-locked';
import { openDatabase } from './database/open-database';
import { DemoSeeder } from './demo/demo-seeder';
import { migrateStorage } from './files/storage-migrate.command';
import { TerritoryImportService } from './territory/import/territory-import.service';

export const CLI_USAGE = `Usage : node dist/apps/api/cli.js <commande>
  migrate                      applique les migrations en attente
  import-communes <code> […]   importe ou met à jour les communes d’un ou plusieurs départements (ex. 95 45 28)
  seed                         importe les données de démonstration si la base est vide
  storage-migrate              copie les documents du stockage local (STORAGE_DIR) vers S3 (S3_*) et vérifie leur SHA-256`;

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
  if (!command || !['migrate', 'import-communes', 'seed', 'storage-migrate'].includes(command)) {
    io.stderr(CLI_USAGE);
    return 2;
  }
  if (command === 'import-communes' && args.length === 0) {
    io.stderr('Indiquez au moins un code de département, par exemple : npm run import:communes -- 95');
    return 2;
  }
  if (command === 'storage-migrate') {
    // Files only: no database needed.
    return migrateStorage(config, io);
  }
  const database = await openDatabase(config, io.logger, { whenRunning: 'reuse' });
  try {
    // No background jobs in a command: it would start workers while it migrates, and stop them at once.
    const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, notificationIntervalSeconds: 0 }, database.url), {
      logger: io.nestLogger,
    });
    try {
      const migrations = await runMigrationsLocked(app.get(DataSource));
      if (command === 'migrate') {
        io.stdout(migrations.length > 0 ? `${migrations.length} migration(s) appliquée(s) : ${migrations.map((m) => m.name).join(', ')}` : 'Aucune migration en attente.');
      }
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
