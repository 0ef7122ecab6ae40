import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AddSimulationFundingRequest,
  AidSchemeDto,
  AidSchemeSummaryDto,
  ProjectSimulationRequest,
  ProjectTheme,
  SavedSimulationDto,
  SimulationRequest,
  SimulationResponse,
} from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { ProjectDto } from '@passerelle/shared/dto';
import type { Observable } from 'rxjs';

export interface AidSchemeFilter {
  theme?: ProjectTheme | null;
  /** With a commune, each scheme says whether it suits it. */
  insee?: string | null;
}

/** The subsidy simulator: the catalogue of aid schemes, one simulation, and the simulations saved with a project. */
@Injectable({ providedIn: 'root' })
export class SimulatorApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  listSchemes(filter: AidSchemeFilter = {}): Observable<AidSchemeSummaryDto[]> {
    let params = new HttpParams();
    if (filter.theme) {
      params = params.set('theme', filter.theme);
    }
    if (filter.insee) {
      params = params.set('insee', filter.insee);
    }
    return this.http.get<AidSchemeSummaryDto[]>(`${this.baseUrl}/aid-schemes`, { params });
  }

  getScheme(id: string): Observable<AidSchemeDto> {
    return this.http.get<AidSchemeDto>(`${this.baseUrl}/aid-schemes/${encodeURIComponent(id)}`);
  }

  /** Computes without saving (unless `projectId` is given). */
  simulate(request: SimulationRequest): Observable<SimulationResponse> {
    return this.http.post<SimulationResponse>(`${this.baseUrl}/simulations`, request);
  }

  /** Newest first, each with its result as computed then. */
  listProjectSimulations(projectId: string): Observable<SavedSimulationDto[]> {
    return this.http.get<SavedSimulationDto[]>(this.projectUrl(projectId));
  }

  /** Computes and saves with the project, with the versions of the rules applied. */
  saveProjectSimulation(projectId: string, request: ProjectSimulationRequest): Observable<SimulationResponse> {
    return this.http.post<SimulationResponse>(this.projectUrl(projectId), request);
  }

  /** « Ajouter au plan de financement » : the chosen lines of a saved simulation join the fiche's funding plan. */
  addToFundingPlan(projectId: string, simulationId: string, request: AddSimulationFundingRequest): Observable<ProjectDto> {
    return this.http.post<ProjectDto>(`${this.projectUrl(projectId)}/${encodeURIComponent(simulationId)}/funding-lines`, request);
  }

  private projectUrl(projectId: string): string {
    return `${this.baseUrl}/projects/${encodeURIComponent(projectId)}/simulations`;
  }
}
