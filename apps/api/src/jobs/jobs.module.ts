import { type DynamicModule, Global, Module } from '@nestjs/common';
import { JOBS_DATABASE_URL } from './jobs-timing';
import { JobsService } from './jobs.service';

/** Durable jobs (pg-boss) on the application's database; global, so features register with `JobsService`. */
@Global()
@Module({})
export class JobsModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: JobsModule,
      providers: [{ provide: JOBS_DATABASE_URL, useValue: databaseUrl }, JobsService],
      exports: [JobsService],
    };
  }
}
