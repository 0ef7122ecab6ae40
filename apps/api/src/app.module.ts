import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { dataSourceOptions } from './database/data-source';
import { HealthModule } from './health/health.module';
import { SettingsModule } from './settings/settings.module';
import { TerritoryModule } from './territory/territory.module';

@Module({})
export class AppModule {
  /** The database URL is resolved before boot (it may be an embedded server started a moment ago). */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), retryAttempts: 3, retryDelay: 1_000 }),
        DatabaseModule,
        HealthModule,
        SettingsModule,
        TerritoryModule,
      ],
    };
  }
}
