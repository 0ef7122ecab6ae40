import { Module } from '@nestjs/common';
import { TerritoryImportService } from './import/territory-import.service';
import { TerritoryCache } from './territory-cache';
import { TerritoryController } from './territory.controller';
import { TerritoryRepository } from './territory.repository';
import { TerritoryService } from './territory.service';

@Module({
  controllers: [TerritoryController],
  providers: [TerritoryRepository, TerritoryService, TerritoryImportService, TerritoryCache],
  exports: [TerritoryImportService],
})
export class TerritoryModule {}
