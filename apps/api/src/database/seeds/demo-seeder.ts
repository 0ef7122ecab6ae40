import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../auth/passwords';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TerritoryImportService } from '../../territory/import/territory-import.service';
import { DEMO_ACCOUNTS, DEMO_DEPARTEMENT } from './demo-accounts';
import { DEMO_PROJECTS } from './demo-projects';

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
    await this.seedProjects();
  }

  private async seedProjects(): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const p of DEMO_PROJECTS) {
        const [created] = await tx.query(
          `INSERT INTO project (commune_insee, title, summary, description, objectives, theme, status, progress, start_date, end_date,
                                project_lead, partners, latitude, longitude, address, forecast_cost_cents, final_cost_cents,
                                funding_lines, milestones, lessons, evaluation, created_by, updated_by)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, u.id, u.id
             FROM app_user u WHERE u.email = $22
           RETURNING id, created_by`,
          [
            p.communeInsee, p.title, p.summary, p.description, p.objectives, p.theme, p.status, p.progress, p.startDate, p.endDate,
            p.projectLead, p.partners, p.location?.lat ?? null, p.location?.lng ?? null, p.location?.address ?? null,
            p.forecastCostCents, p.finalCostCents, JSON.stringify(p.fundingLines), JSON.stringify(p.milestones),
            JSON.stringify(p.lessons), p.evaluation, p.authorEmail,
          ],
        );
        await tx.query(`INSERT INTO project_history (project_id, actor_id, action) VALUES ($1, $2, 'CREATED')`, [created.id, created.created_by]);
      }
    });
    this.logger.log(`${DEMO_PROJECTS.length} projets de démonstration créés.`);
  }
}
