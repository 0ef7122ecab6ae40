import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AddSimulationFundingRequest,
  AidGrantImportDto,
  AidGrantImportScheme,
  AidSchemeDto,
  AidSchemeSummaryDto,
  AidSchemeTestCaseDto,
  AidSchemeTestRuleRequest,
  AidSchemeTestRuleResult,
  AidSchemeUpdateResult,
  CreateAidSchemeRequest,
  CreateAidSchemeTestCaseRequest,
  ProjectSimulationRequest,
  ProjectTheme,
  SavedSimulationDto,
  SimulationRequest,
  SimulationResponse,
  UpdateAidSchemeRequest,
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

  /** A new scheme of the signed-in admin's département, with its first dated version. */
  createScheme(request: CreateAidSchemeRequest): Observable<AidSchemeDto> {
    return this.http.post<AidSchemeDto>(`${this.baseUrl}/aid-schemes`, request);
  }

  /**
   * Saves the scheme's fields and, with `newVersion`, a new dated version of its rule. Answers 409
   * `AID_SCHEME_TEST_CASES_CHANGED` when saved test cases would change, unless `acceptChangedTestCases`.
   */
  updateScheme(id: string, request: UpdateAidSchemeRequest): Observable<AidSchemeUpdateResult> {
    return this.http.patch<AidSchemeUpdateResult>(this.schemeUrl(id), request);
  }

  /** « Tester la règle » : the edit as it would be saved, run against every saved case; nothing is saved. */
  testRule(id: string, request: AidSchemeTestRuleRequest): Observable<AidSchemeTestRuleResult> {
    return this.http.post<AidSchemeTestRuleResult>(`${this.schemeUrl(id)}/test-rule`, request);
  }

  /** Saves a case with the scheme's line as the simulator computes it now. */
  addTestCase(id: string, request: CreateAidSchemeTestCaseRequest): Observable<AidSchemeTestCaseDto> {
    return this.http.post<AidSchemeTestCaseDto>(`${this.schemeUrl(id)}/test-cases`, request);
  }

  /** The département's imports of the DETR / DSIL open-data file, newest first. */
  listGrantImports(): Observable<AidGrantImportDto[]> {
    return this.http.get<AidGrantImportDto[]>(`${this.baseUrl}/aid-schemes/grant-imports`);
  }

  /** `multipart/form-data` with the fields `scheme` then `file` (the browser sets the boundary). */
  importGrants(scheme: AidGrantImportScheme, file: File): Observable<AidGrantImportDto> {
    const body = new FormData();
    body.append('scheme', scheme);
    body.append('file', file, file.name);
    return this.http.post<AidGrantImportDto>(`${this.baseUrl}/aid-schemes/grant-imports`, body);
  }

  deleteGrantImport(id: string): Observable<void> {
    return this.http.delete<void>(`${this.baseUrl}/aid-schemes/grant-imports/${encodeURIComponent(id)}`);
  }

  private schemeUrl(id: string): string {
    return `${this.baseUrl}/aid-schemes/${encodeURIComponent(id)}`;
  }

  private projectUrl(projectId: string): string {
    return `${this.baseUrl}/projects/${encodeURIComponent(projectId)}/simulations`;
  }
}
