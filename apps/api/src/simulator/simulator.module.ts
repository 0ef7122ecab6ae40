import { Module } from '@nestjs/common';
import { AidSchemesController } from './aid-schemes.controller';
import { AidSchemesService } from './aid-schemes.service';
import { AidGrantImportsController } from './grant-import/aid-grant-imports.controller';
import { AidGrantImportsRepository } from './grant-import/aid-grant-imports.repository';
import { AidGrantImportsService } from './grant-import/aid-grant-imports.service';
import { ProjectSimulationsController, SimulationsController } from './simulations.controller';
import { ProjectsModule } from '../projects/projects.module';
import { SimulationFundingService } from './simulation-funding.service';
import { SimulationsService } from './simulations.service';
import { SimulatorRepository } from './simulator.repository';

/** The subsidy simulator: the aid schemes' catalogue with its dated rules and test cases, and the simulations. */
@Module({
  imports: [ProjectsModule],
  controllers: [AidGrantImportsController, AidSchemesController, SimulationsController, ProjectSimulationsController],
  providers: [SimulatorRepository, AidSchemesService, SimulationsService, SimulationFundingService, AidGrantImportsRepository, AidGrantImportsService],
  exports: [SimulatorRepository],
})
export class SimulatorModule {}
