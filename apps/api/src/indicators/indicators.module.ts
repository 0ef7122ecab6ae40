import { Module } from '@nestjs/common';
import { IndicatorsCache } from './indicators-cache';
import { IndicatorsCsvService } from './indicators-csv.service';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { PublicIndicatorsController } from './public-indicators.controller';
import { ThreadFactsModule } from './thread-facts.module';

/** The département's indicators, read from the questions' fact table. */
@Module({ imports: [ThreadFactsModule], controllers: [IndicatorsController, PublicIndicatorsController], providers: [IndicatorsRepository, IndicatorsService, IndicatorsCsvService, IndicatorsCache] })
export class IndicatorsModule {}
