import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AgentDto, Page } from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';

/** The département's agents (the API's staff routes): list, invite, disable. */
@Injectable({ providedIn: 'root' })
export class StaffApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  listAgents(departementCode: string, limit = 100, offset = 0): Observable<Page<AgentDto>> {
    return this.http.get<Page<AgentDto>>(`${this.departementUrl(departementCode)}/agents`, {
      params: new HttpParams().set('limit', limit).set('offset', offset),
    });
  }

  inviteAgent(departementCode: string, email: string, role: AgentDto['role']): Observable<AgentDto> {
    return this.http.post<AgentDto>(`${this.departementUrl(departementCode)}/agents`, { email, role });
  }

  disableAgent(departementCode: string, userId: string): Observable<void> {
    return this.http.delete<void>(`${this.departementUrl(departementCode)}/agents/${encodeURIComponent(userId)}`);
  }

  private departementUrl(code: string): string {
    return `${this.baseUrl}/departements/${encodeURIComponent(code)}`;
  }
}
