import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateProjectRequest,
  DepartementProjectListQuery,
  GeocodeQuery,
  GeocodeResponse,
  Page,
  ProjectDto,
  ProjectHistoryEntryDto,
  ProjectListQuery,
  ProjectSummaryDto,
  StorageUsageDto,
  UpdateProjectRequest,
} from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';

/** The fiches projet: a commune's list, the département's list, one fiche, its history. */
@Injectable({ providedIn: 'root' })
export class ProjectsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  listCommuneProjects(insee: string, query: ProjectListQuery = {}): Observable<Page<ProjectSummaryDto>> {
    return this.http.get<Page<ProjectSummaryDto>>(`${this.baseUrl}/communes/${encodeURIComponent(insee)}/projects`, {
      params: projectListParams(query),
    });
  }

  listDepartementProjects(code: string, query: DepartementProjectListQuery = {}): Observable<Page<ProjectSummaryDto>> {
    return this.http.get<Page<ProjectSummaryDto>>(`${this.baseUrl}/departements/${encodeURIComponent(code)}/commune-projects`, {
      params: projectListParams(query),
    });
  }

  getProject(id: string): Observable<ProjectDto> {
    return this.http.get<ProjectDto>(this.projectUrl(id));
  }

  createProject(insee: string, request: CreateProjectRequest): Observable<ProjectDto> {
    return this.http.post<ProjectDto>(`${this.baseUrl}/communes/${encodeURIComponent(insee)}/projects`, request);
  }

  /** Answers 409 `PROJECT_VERSION_CONFLICT` with the current fiche when someone saved since `request.version`. */
  updateProject(id: string, request: UpdateProjectRequest): Observable<ProjectDto> {
    return this.http.patch<ProjectDto>(this.projectUrl(id), request);
  }

  deleteProject(id: string): Observable<void> {
    return this.http.delete<void>(this.projectUrl(id));
  }

  /**
   * Addresses of one commune, from the Base Adresse Nationale through the API, to place a project. Answers 503
   * `GEOCODER_UNAVAILABLE` when the search is off or unreachable: the map and the village centre remain.
   */
  geocode(query: GeocodeQuery): Observable<GeocodeResponse> {
    return this.http.get<GeocodeResponse>(`${this.baseUrl}/geocode`, { params: { q: query.q.trim(), insee: query.insee } });
  }

  getHistory(id: string, limit = 50, offset = 0): Observable<Page<ProjectHistoryEntryDto>> {
    return this.http.get<Page<ProjectHistoryEntryDto>>(`${this.projectUrl(id)}/history`, {
      params: new HttpParams().set('limit', limit).set('offset', offset),
    });
  }

  getStorage(insee: string): Observable<StorageUsageDto> {
    return this.http.get<StorageUsageDto>(`${this.baseUrl}/communes/${encodeURIComponent(insee)}/storage`);
  }

  private projectUrl(id: string): string {
    return `${this.baseUrl}/projects/${encodeURIComponent(id)}`;
  }
}

/** Leaves out unset filters so that the API applies its defaults; a blank search is no search. */
export function projectListParams(query: DepartementProjectListQuery): HttpParams {
  let params = new HttpParams();
  const q = query.q?.trim();
  if (q) {
    params = params.set('q', q);
  }
  for (const key of ['status', 'theme', 'commune', 'canton'] as const) {
    const value = query[key];
    if (value) {
      params = params.set(key, value);
    }
  }
  if (query.limit != null) {
    params = params.set('limit', query.limit);
  }
  if (query.offset != null) {
    params = params.set('offset', query.offset);
  }
  return params;
}
