import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DEPARTEMENT_CODE_PATTERN } from '@passerelle/shared/dto';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { parisMidnight } from './common/calendar/working-calendar';
import type { AppConfig } from './config/app-config';
import { runMigrationsLocked } from './database/migrate-locked';
import { openDatabase } from './database/open-database';
import { DemoSeeder } from './demo/demo-seeder';
import { migrateStorage } from './files/storage-migrate.command';
import type { FactSelection } from './indicators/thread-facts.repository';
import { ThreadFactsService } from './indicators/thread-facts.service';
import { retentionOptions, runRetention } from './privacy/retention/retention.command';
import { TerritoryImportService } from './territory/import/territory-import.service';

export const CLI_USAGE = `Usage : node dist/apps/api/cli.js <commande>
  migrate                      applique les migrations en attente
  import-communes <code> […]   importe ou met à jour les communes d’un ou plusieurs départements (ex. 95 45 28)
  seed                         importe les données de démonstration si la base est vide
  indicators-rebuild [--departement=95] [--since=AAAA-MM-JJ]
                               recalcule les faits des indicateurs (une ligne par question) : toutes les questions, ou
                               celles d’un département, ou celles actives depuis ce jour (minuit, heure de Paris)
  storage-migrate              copie les documents du stockage local (STORAGE_DIR) vers S3 (S3_*) et vérifie leur SHA-256
  retention [--dry-run]        applique les durées de conservation des données personnelles maintenant, ou (--dry-run)
                               affiche ce qui serait fait sans rien changer`;

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
  if (!command || !['migrate', 'import-communes', 'seed', 'storage-migrate', 'indicators-rebuild', 'retention'].includes(command)) {
    io.stderr(CLI_USAGE);
    return 2;
  }
  const selection = command === 'indicators-rebuild' ? factSelection(args) : null;
  if (typeof selection === 'string') {
    io.stderr(selection);
    return 2;
  }
  const retention = command === 'retention' ? retentionOptions(args) : null;
  if (typeof retention === 'string') {
    io.stderr(retention);
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
      } else if (selection) {
        const count = await app.get(ThreadFactsService).rebuild(selection);
        io.stdout(`Indicateurs : ${count} question(s) recalculée(s).`);
      } else if (retention) {
        return await runRetention(app, retention, io);
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

/** The options of `indicators-rebuild`, or what is wrong with them (in French, for the operator). */
export function factSelection(args: string[]): FactSelection | string {
  const selection: FactSelection = { departementCode: null, since: null };
  for (const arg of args) {
    const [name, value = ''] = arg.split(/=(.*)/s);
    if (name === '--departement' && DEPARTEMENT_CODE_PATTERN.test(value.toUpperCase())) {
      selection.departementCode = value.toUpperCase();
    } else if (name === '--since' && isCalendarDay(value)) {
      selection.since = new Date(parisMidnight(value));
    } else {
      return `Option invalide « ${arg} » : indicators-rebuild [--departement=95] [--since=AAAA-MM-JJ]`;
    }
  }
  return selection;
}

/** `YYYY-MM-DD` of a day that exists (not 2026-02-30, which `Date` would roll over into March). */
function isCalendarDay(value: string): boolean {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}
