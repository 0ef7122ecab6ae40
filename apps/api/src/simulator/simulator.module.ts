import { Module } from '@nestjs/common';
import { AidSchemesController } from './aid-schemes.controller';
import { AidSchemesService } from './aid-schemes.service';
import { ProjectSimulationsController, SimulationsController } from './simulations.controller';
import { SimulationsService } from './simulations.service';
import { SimulatorRepository } from './simulator.repository';

/** The subsidy simulator: the aid schemes' catalogue with its dated rules and test cases, and the simulations. */
@Module({
  controllers: [AidSchemesController, SimulationsController, ProjectSimulationsController],
  providers: [SimulatorRepository, AidSchemesService, SimulationsService],
  exports: [SimulatorRepository],
})
export class SimulatorModule {}
