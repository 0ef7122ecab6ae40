import { Injectable } from '@nestjs/common';
import {
  type AddSimulationFundingRequest,
  type FundingLineDto,
  PROJECT_LIMITS,
  type ProjectDto,
  type SimulationResult,
} from '@passerelle/shared/dto';
import type { AuthUser } from '../common/access/auth-user';
import { isUuid } from '../common/http/uuid';
import { ProjectsService } from '../projects/projects.service';
import { SimulatorException } from './simulator.exception';
import { SimulatorRepository } from './simulator.repository';

/**
 * « Ajouter au plan de financement » : chosen lines of a saved simulation become funding lines of the fiche, « envisagé »,
 * requesting the amount the chosen plan retains. The fiche's own rules apply (its members write, at the version they
 * read, within its limits), since the change goes through the projects' service and lands in the fiche's history.
 */
@Injectable()
export class SimulationFundingService {
  constructor(
    private readonly repository: SimulatorRepository,
    private readonly projects: ProjectsService,
  ) {}

  async addToFundingPlan(user: AuthUser, projectId: string, simulationId: string, request: AddSimulationFundingRequest): Promise<ProjectDto> {
    const project = await this.projects.loadVisible(user, projectId);
    this.projects.assertCommuneMember(user, project.commune_insee);
    const simulation = isUuid(simulationId) ? await this.repository.simulationOfProject(simulationId.toLowerCase(), project.id) : undefined;
    if (!simulation) {
      throw new SimulatorException('SIMULATION_NOT_FOUND');
    }
    const chosen = chosenLines(simulation.result, request);
    const fundingLines = merge(project.funding_lines, chosen);
    if (fundingLines.length > PROJECT_LIMITS.fundingLines) {
      throw new SimulatorException('SIMULATION_FUNDING_PLAN_FULL');
    }
    return this.projects.update(user, project.id, { version: request.version, fundingLines });
  }
}

/** The chosen schemes' lines, each with the amount its plan retains; refused unless every one is eligible and retained. */
function chosenLines(result: SimulationResult, request: AddSimulationFundingRequest): FundingLineDto[] {
  const plan = request.scenario === 'TYPICAL' ? result.typicalPlan : result.plan;
  if (!plan) {
    throw new SimulatorException('SIMULATION_NO_TYPICAL_PLAN');
  }
  const schemeIds = [...new Set(request.schemeIds.map((id) => id.toLowerCase()))];
  return schemeIds.map((schemeId) => {
    const line = result.lines.find((l) => l.schemeId === schemeId && l.eligible);
    const cents = line ? plan.retained.find((r) => r.schemeCode === line.schemeCode)?.cents ?? 0 : 0;
    if (!line || cents <= 0) {
      throw new SimulatorException('SIMULATION_LINE_NOT_ELIGIBLE', { schemeId });
    }
    return {
      funder: line.funder,
      funderName: null,
      scheme: line.schemeCode,
      amountRequestedCents: cents,
      amountObtainedCents: null,
      state: 'CONSIDERED',
      requestedOn: null,
      decidedOn: null,
    };
  });
}

/** A scheme already « envisagé » takes the new amount; one further along (requested, obtained…) is left as it is. */
function merge(current: FundingLineDto[], chosen: FundingLineDto[]): FundingLineDto[] {
  const key = (line: FundingLineDto) => (line.scheme ?? '').trim().toLowerCase();
  const lines = current.map((line) => ({ ...line }));
  for (const line of chosen) {
    const existing = lines.find((l) => key(l) === key(line));
    if (!existing) {
      lines.push(line);
    } else if (existing.state === 'CONSIDERED') {
      existing.amountRequestedCents = line.amountRequestedCents;
    }
  }
  return lines;
}
