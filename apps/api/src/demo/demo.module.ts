import { Module } from '@nestjs/common';
import { FaqModule } from '../faq/faq.module';
import { ThreadFactsModule } from '../indicators/thread-facts.module';
import { PublicationModule } from '../publication/publication.module';
import { SimulatorModule } from '../simulator/simulator.module';
import { TerritoryModule } from '../territory/territory.module';
import { DemoSeeder } from './demo-seeder';

/** The demo data (first start on an empty database, `cli seed`): it uses the features, no feature uses it. */
@Module({ imports: [TerritoryModule, PublicationModule, FaqModule, SimulatorModule, ThreadFactsModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
