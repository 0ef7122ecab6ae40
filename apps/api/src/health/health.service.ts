import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { HealthDto } from '@passerelle/shared/dto';

const DATABASE_TIMEOUT_MS = 1_500;
const VERSION = process.env['npm_package_version'] ?? '0.0.0';

@Injectable()
export class HealthService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async check(): Promise<HealthDto> {
    const database = (await this.databaseIsUp()) ? 'up' : 'down';
    return {
      status: database === 'up' ? 'ok' : 'error',
      database,
      version: VERSION,
      uptimeSeconds: Math.round(process.uptime()),
    };
  }

  /** A bounded probe: the pool reconnects by itself once the server is back, so nothing else is needed. */
  private async databaseIsUp(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), DATABASE_TIMEOUT_MS);
    });
    const probe = this.db.query('SELECT 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
