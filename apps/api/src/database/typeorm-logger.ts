import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/** Connections the server closes on purpose (restart, shutdown): the pool reconnects, nothing to report. */
const EXPECTED_DISCONNECTION = /terminating connection due to administrator command|Connection terminated unexpectedly/;

/**
 * TypeORM's messages through Nest's logger, in one format with the rest. Query parameters are never logged
 * (they may hold personal data or secrets).
 */
export class TypeOrmNestLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQuery(): void {
    // Every query would drown the log; slow and failed ones are reported below.
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.error(`Requête en échec : ${error instanceof Error ? error.message : error} — ${abbreviate(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`Requête lente (${time} ms) : ${abbreviate(query)}`);
  }

  logSchemaBuild(): void {
    // Schema changes come from migrations only, which are logged by logMigration.
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = String(message);
    if (EXPECTED_DISCONNECTION.test(text)) {
      this.logger.debug(text);
      return;
    }
    if (level === 'warn') {
      this.logger.warn(text);
    } else {
      this.logger.log(text);
    }
  }
}

function abbreviate(query: string): string {
  const oneLine = query.replace(/\s+/g, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}
