import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  ProjectSimulationRequest,
  SavedSimulationDto,
  SimulationInput,
  SimulationRequest,
  SimulationResponse,
  SimulationResult,
} from '@passerelle/shared/dto';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { parisDay } from '../common/calendar/working-calendar';
import { Clock } from '../common/clock/clock';
import { ValidationFailedException } from '../common/exceptions/domain.exception';
import { isUuid } from '../common/http/uuid';
import { formatDate } from './engine/format';
import { parametersOn } from './engine/parameters';
import { simulate } from './engine/simulate';
import { LEGAL_PARAMETERS } from './legal-parameters';
import { SimulatorException } from './simulator.exception';
import { toRule, toSavedSimulation } from './simulator.mapper';
import { type CommuneRow, SimulatorRepository } from './simulator.repository';

/** A project keeps a handful of simulations; the list shows the latest ones. */
const PROJECT_SIMULATIONS_LIMIT = 100;

/** A computed result and the versions of the rules it used. */
export interface EngineRun {
  result: SimulationResult;
  versionIds: string[];
}

/**
 * Simulations: who may simulate for which commune, the checks the engine leaves to the API (answered in French
 * before it runs), the rules in force on the date (national and the commune's département), and the saved ones,
 * kept as computed then.
 */
@Injectable()
export class SimulationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: SimulatorRepository,
    private readonly clock: Clock,
  ) {}

  /** Computes; saves with the project when one is given. */
  async simulate(user: AuthUser, request: SimulationRequest): Promise<SimulationResponse> {
    const commune = await this.communeFor(user, request.communeInsee);
    if (request.projectId !== undefined && !(await this.repository.projectOfCommune(request.projectId.toLowerCase(), commune.insee))) {
      throw new SimulatorException('SIMULATION_PROJECT_NOT_FOUND');
    }
    const input = await this.inputFor(commune, request, true);
    const run = await this.run(this.db, input, commune.departement_code);
    const id =
      request.projectId === undefined
        ? null
        : await this.repository.insertSimulation({
            communeInsee: commune.insee,
            projectId: request.projectId.toLowerCase(),
            createdBy: user.id,
            input,
            ...run,
          });
    return { ...run.result, id };
  }

  /** Computes for a project the user may see and saves the result with the versions used. */
  async simulateForProject(user: AuthUser, projectId: string, request: ProjectSimulationRequest): Promise<SimulationResponse> {
    const project = await this.visibleProject(user, projectId);
    const commune = await this.repository.findCommune(project.commune_insee);
    if (!commune) {
      throw new SimulatorException('SIMULATION_PROJECT_NOT_FOUND');
    }
    const input = await this.inputFor(commune, request, true);
    const run = await this.run(this.db, input, commune.departement_code);
    const id = await this.repository.insertSimulation({ communeInsee: commune.insee, projectId: project.id, createdBy: user.id, input, ...run });
    return { ...run.result, id };
  }

  async listForProject(user: AuthUser, projectId: string): Promise<SavedSimulationDto[]> {
    const project = await this.visibleProject(user, projectId);
    const rows = await this.repository.simulationsOfProject(project.id, PROJECT_SIMULATIONS_LIMIT);
    return rows.map(toSavedSimulation);
  }

  /**
   * The commune a user may simulate for: their own for its members, one of their département for its staff.
   * The communes are public (the portal lists them): another tenant's answers 403, an unknown code 404.
   */
  async communeFor(user: AuthUser, insee: string): Promise<CommuneRow> {
    const commune = await this.repository.findCommune(insee);
    if (!commune) {
      throw new SimulatorException('SIMULATION_COMMUNE_NOT_FOUND');
    }
    const allowed = isStaff(user) ? commune.departement_code === user.departementCode : commune.insee === user.communeInsee;
    if (!allowed) {
      throw new SimulatorException('SIMULATION_COMMUNE_FORBIDDEN');
    }
    return commune;
  }

  /**
   * The engine's input for a commune and a request, after the checks the engine would throw on, with French
   * messages per field. `typicalRates`: the département's past rates (left out of test cases, which must not move
   * when a project is filed).
   */
  async inputFor(commune: CommuneRow, request: ProjectSimulationRequest, typicalRates: boolean): Promise<SimulationInput> {
    const date = request.date ?? parisDay(this.clock.now().getTime());
    const errors: Record<string, string> = {};
    const ttc = request.expenseTtcCents ?? null;
    if (ttc !== null && ttc < request.eligibleExpenseHtCents) {
      errors['expenseTtcCents'] = 'Le coût TTC ne peut pas être inférieur à la dépense éligible HT.';
    }
    if ((request.privateFundingCents ?? 0) > request.eligibleExpenseHtCents) {
      errors['privateFundingCents'] = 'Les financements privés ne peuvent pas dépasser la dépense éligible HT.';
    }
    if ((request.derogationShareBp ?? null) !== null && (request.derogation ?? null) === null) {
      errors['derogationShareBp'] = 'Une part fixée par le préfet accompagne une dérogation : choisissez-la.';
    }
    if (!hasParametersOn(date)) {
      errors['date'] = `Le simulateur ne connaît pas les règles applicables à cette date : choisissez une date à partir du ${formatDate(earliestDate())}.`;
    }
    if (Object.keys(errors).length > 0) {
      throw new ValidationFailedException(errors);
    }
    return {
      communeInsee: commune.insee,
      communePopulation: commune.population,
      // The territory has no population of the intercommunalities: their conditions are stated, not checked.
      epciPopulation: null,
      theme: request.theme,
      eligibleExpenseHtCents: request.eligibleExpenseHtCents,
      expenseTtcCents: ttc,
      privateFundingCents: request.privateFundingCents ?? 0,
      date,
      derogation: request.derogation ?? null,
      derogationShareBp: request.derogationShareBp ?? null,
      spendingStarted: request.spendingStarted ?? false,
      ...(typicalRates ? { typicalRates: await this.repository.typicalRates(commune.departement_code, request.theme) } : {}),
    };
  }

  /** The engine on the versions in force on the input's date: the national schemes and the département's. */
  async run(db: DataSource | EntityManager, input: SimulationInput, departementCode: string | null): Promise<EngineRun> {
    const versions = await this.repository.versionsInForce(db, departementCode, input.date);
    const result = simulate(input, versions.map((row) => toRule(row.scheme, row)), LEGAL_PARAMETERS);
    return { result, versionIds: result.lines.map((line) => line.versionId) };
  }

  private async visibleProject(user: AuthUser, id: string): Promise<{ id: string; commune_insee: string }> {
    const project = isUuid(id) ? await this.repository.visibleProject(user, id) : undefined;
    if (!project) {
      throw new SimulatorException('SIMULATION_PROJECT_NOT_FOUND');
    }
    return project;
  }
}

/** Whether every legal parameter has a value in force on the date (the engine throws otherwise). */
function hasParametersOn(date: string): boolean {
  try {
    parametersOn(LEGAL_PARAMETERS, date);
    return true;
  } catch (error) {
    if (error instanceof RangeError) {
      return false;
    }
    throw error;
  }
}

/** The first day on which every legal parameter is known. */
function earliestDate(): string {
  const firsts = [
    LEGAL_PARAMETERS.minCommuneShareBp,
    LEGAL_PARAMETERS.stateDotations,
    LEGAL_PARAMETERS.fctvaRateMillionths,
    LEGAL_PARAMETERS.fctvaYearOffset,
  ].map((values) => values.reduce((first, value) => (value.validFrom < first ? value.validFrom : first), '9999-12-31'));
  return firsts.reduce((latest, day) => (day > latest ? day : latest));
}
