import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProjectDto, SavedSimulationDto, SimulationResponse } from '@passerelle/shared/dto';
import { CurrentUser, SignedIn } from '../common/access/access.decorators';
import type { AuthUser } from '../common/access/auth-user';
import { CanonicalId } from '../common/http/id.pipe';
import { AddSimulationFundingDto, ProjectSimulationRequestDto, SimulationRequestDto } from './dto/simulator-requests.dto';
import { SimulationFundingService } from './simulation-funding.service';
import { SimulationsService } from './simulations.service';

@ApiBearerAuth()
@ApiTags('Simulateur de subventions')
@Controller('simulations')
export class SimulationsController {
  constructor(private readonly simulations: SimulationsService) {}

  @Post()
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({ summary: 'Simuler les aides d’un projet de la commune (enregistrée avec le projet quand projectId est donné)' })
  simulate(@CurrentUser() user: AuthUser, @Body() body: SimulationRequestDto): Promise<SimulationResponse> {
    return this.simulations.simulate(user, body);
  }
}

@ApiBearerAuth()
@ApiTags('Simulateur de subventions')
@Controller('projects/:id/simulations')
export class ProjectSimulationsController {
  constructor(
    private readonly simulations: SimulationsService,
    private readonly funding: SimulationFundingService,
  ) {}

  @Get()
  @SignedIn()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Les simulations enregistrées d’un projet, les plus récentes d’abord, telles que calculées alors' })
  list(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string): Promise<SavedSimulationDto[]> {
    return this.simulations.listForProject(user, id);
  }

  @Post()
  @SignedIn()
  @ApiOperation({ summary: 'Simuler les aides du projet et enregistrer le résultat avec les versions des règles appliquées' })
  simulate(@CurrentUser() user: AuthUser, @Param('id', CanonicalId) id: string, @Body() body: ProjectSimulationRequestDto): Promise<SimulationResponse> {
    return this.simulations.simulateForProject(user, id, body);
  }

  @Post(':simulationId/funding-lines')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({ summary: 'Ajouter au plan de financement de la fiche les aides choisies d’une simulation enregistrée (état « envisagé »)' })
  addToFundingPlan(
    @CurrentUser() user: AuthUser,
    @Param('id', CanonicalId) id: string,
    @Param('simulationId', CanonicalId) simulationId: string,
    @Body() body: AddSimulationFundingDto,
  ): Promise<ProjectDto> {
    return this.funding.addToFundingPlan(user, id, simulationId, body);
  }
}
