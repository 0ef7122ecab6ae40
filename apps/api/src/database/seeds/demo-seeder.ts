import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TerritoryImportService } from '../../territory/import/territory-import.service';

/**
 * First start on an empty database: import the default département (Val-d'Oise unless configured), so the
 * public map has its communes. Later issues add the demo accounts and projects here.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly territoryImport: TerritoryImportService,
  ) {}

  /** Returns whether it seeded anything. */
  async seedOnFirstRun(): Promise<boolean> {
    const [{ count }] = await this.db.query(`SELECT count(*) FROM departement`);
    if (Number(count) > 0) {
      return false;
    }
    this.logger.log(`Base vide : import du département ${this.config.defaultDepartementCode}…`);
    await this.territoryImport.importDepartement(this.config.defaultDepartementCode);
    return true;
  }
}
