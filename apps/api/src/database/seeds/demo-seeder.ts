import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../auth/passwords';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TerritoryImportService } from '../../territory/import/territory-import.service';
import { DEMO_ACCOUNTS, DEMO_DEPARTEMENT } from './demo-accounts';

/**
 * First start on an empty database: import the default département, then (for Val-d'Oise) the demo staff and
 * three small communes with their mayor and collaborators. The demo staff is exempt from the second factor
 * while the demo mode is on, and only then.
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
    if (this.config.defaultDepartementCode !== DEMO_DEPARTEMENT) {
      await this.territoryImport.importDepartement(DEMO_DEPARTEMENT);
    }
    await this.seedAccounts();
    return true;
  }

  private async seedAccounts(): Promise<void> {
    const passwordHash = await hashPassword(this.config.demoPassword);
    await this.db.transaction(async (tx) => {
      const communes = [...new Set(DEMO_ACCOUNTS.map((a) => a.communeInsee).filter((c): c is string => !!c))];
      await tx.query(`INSERT INTO commune_workspace (commune_insee) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [communes]);
      for (const account of DEMO_ACCOUNTS) {
        await tx.query(
          `INSERT INTO app_user (email, display_name, role, departement_code, commune_insee, password_hash, totp_exempt)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (email) DO NOTHING`,
          [account.email, account.displayName, account.role, DEMO_DEPARTEMENT, account.communeInsee, passwordHash, account.communeInsee === null],
        );
      }
    });
    this.logger.log(`${DEMO_ACCOUNTS.length} comptes de démonstration créés (mot de passe : DEMO_PASSWORD).`);
  }
}
