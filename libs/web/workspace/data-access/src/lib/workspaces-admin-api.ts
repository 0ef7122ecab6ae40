import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Page, TeamDto, WorkspaceListQuery, WorkspaceSummaryDto } from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';

/** The admins' side of the communes' workspaces (the API's workspaces-admin routes): list, open one, replace a mayor. */
@Injectable({ providedIn: 'root' })
export class WorkspacesAdminApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  listWorkspaces(departementCode: string, query: WorkspaceListQuery = {}): Observable<Page<WorkspaceSummaryDto>> {
    return this.http.get<Page<WorkspaceSummaryDto>>(`${this.departementUrl(departementCode)}/workspaces`, {
      params: toParams(query),
    });
  }

  /** Opens the workspace and invites its mayor. */
  openWorkspace(insee: string, mayorEmail: string): Observable<TeamDto> {
    return this.http.post<TeamDto>(`${this.communeUrl(insee)}/workspace`, { mayorEmail });
  }

  /** After elections: the new mayor is invited, the previous one loses access. */
  replaceMayor(insee: string, email: string): Observable<TeamDto> {
    return this.http.post<TeamDto>(`${this.communeUrl(insee)}/mayor`, { email });
  }

  private departementUrl(code: string): string {
    return `${this.baseUrl}/departements/${encodeURIComponent(code)}`;
  }

  private communeUrl(insee: string): string {
    return `${this.baseUrl}/communes/${encodeURIComponent(insee)}`;
  }
}

/** Leaves out unset filters so that the API applies its defaults. */
function toParams(query: WorkspaceListQuery): HttpParams {
  let params = new HttpParams();
  const q = query.q?.trim();
  if (q) {
    params = params.set('q', q);
  }
  if (query.state) {
    params = params.set('state', query.state);
  }
  if (query.eligible != null) {
    params = params.set('eligible', String(query.eligible));
  }
  if (query.limit != null) {
    params = params.set('limit', query.limit);
  }
  if (query.offset != null) {
    params = params.set('offset', query.offset);
  }
  return params;
}
