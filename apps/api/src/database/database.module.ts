import { Module } from '@nestjs/common';
import { PublicationModule } from '../publication/publication.module';
import { TerritoryModule } from '../territory/territory.module';
import { DemoSeeder } from './seeds/demo-seeder';

@Module({ imports: [TerritoryModule, PublicationModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DatabaseModule {}
