import { Module } from '@nestjs/common';
import { TerritoryModule } from '../territory/territory.module';
import { DemoSeeder } from './seeds/demo-seeder';

@Module({ imports: [TerritoryModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DatabaseModule {}
