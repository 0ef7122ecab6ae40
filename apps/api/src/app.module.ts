import { type DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ClusterModule } from './cluster/cluster.module';
import { REDIS_CONNECTION, type RedisConnection } from './cluster/redis-connection';
import { redisThrottlerStorage } from './cluster/redis-throttler-storage';
import { ClockModule } from './common/clock/clock';
import type { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DemoModule } from './demo/demo.module';
import { DepartementProjectsModule } from './departement-projects/departement-projects.module';
import { dataSourceOptions } from './database/data-source';
import { GeocodingModule } from './geocoding/geocoding.module';
import { HealthModule } from './health/health.module';
import { LiveModule } from './live/live.module';
import { JobsModule } from './jobs/jobs.module';
import { DocumentsModule } from './documents/documents.module';
import { MailModule } from './mail/mail.module';
import { MeModule } from './me/me.module';
import { NewsletterModule } from './newsletter/newsletter.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ProjectsModule } from './projects/projects.module';
import { PublicationModule } from './publication/publication.module';
import { PublicPortalModule } from './public-portal/public-portal.module';
import { SettingsModule } from './settings/settings.module';
import { StaffModule } from './staff/staff.module';
import { TerritoryModule } from './territory/territory.module';
import { ThreadsModule } from './threads/threads.module';
import { FaqModule } from './faq/faq.module';
import { SimulatorModule } from './simulator/simulator.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { AccountDeletionModule } from './privacy/account-deletion/account-deletion.module';
import { DataExportModule } from './privacy/data-export/data-export.module';
import { PrivacyNoticeModule } from './privacy/privacy-notice/privacy-notice.module';
import { RetentionModule } from './privacy/retention/retention.module';
import { WorkspacesModule } from './workspaces/workspaces.module';

@Module({})
export class AppModule {
  /** The database URL is resolved before boot (it may be an embedded server started a moment ago). */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), retryAttempts: 3, retryDelay: 1_000 }),
        // Writes: 120 a minute per address; sign-in, reset and invitations set stricter limits on their routes.
        // Counted in Redis with `REDIS_URL`, so that the limits hold across instances; in memory otherwise.
        ThrottlerModule.forRootAsync({
          inject: [REDIS_CONNECTION],
          useFactory: (redis: RedisConnection | null) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: 120 }],
            storage: redis ? redisThrottlerStorage(redis) : undefined,
          }),
        }),
        ClockModule,
        ClusterModule,
        JobsModule.forRoot(databaseUrl),
        AuditModule,
        MailModule,
        AuthModule,
        ProjectsModule,
        PublicationModule,
        PublicPortalModule,
        DocumentsModule,
        MeModule,
        DemoModule,
        HealthModule,
        GeocodingModule,
        SettingsModule,
        StaffModule,
        TerritoryModule,
        ThreadsModule,
        NotificationsModule,
        LiveModule,
        WorkspacesModule,
        FaqModule,
        SimulatorModule,
        IndicatorsModule,
        DataExportModule,
        AccountDeletionModule,
        RetentionModule,
        PrivacyNoticeModule,
        NewsletterModule,
        DepartementProjectsModule,
      ],
    };
  }
}
