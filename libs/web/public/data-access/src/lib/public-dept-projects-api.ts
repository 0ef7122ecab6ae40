import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  Page,
  PublicAxisDto,
  PublicDeptProjectDto,
  PublicDeptProjectListQuery,
  PublicDeptProjectSummaryDto,
} from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';
import { toParams } from './public-projects-api';

/** The département's own projects as the public sees them (`/api/public/dept-projects…`): published ones only. */
@Injectable({ providedIn: 'root' })
export class PublicDeptProjectsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  list(query: PublicDeptProjectListQuery = {}): Observable<Page<PublicDeptProjectSummaryDto>> {
    return this.http.get<Page<PublicDeptProjectSummaryDto>>(`${this.baseUrl}/public/dept-projects`, {
      params: toParams(query),
    });
  }

  get(slug: string): Observable<PublicDeptProjectDto> {
    return this.http.get<PublicDeptProjectDto>(`${this.baseUrl}/public/dept-projects/${encodeURIComponent(slug)}`);
  }

  /** Counts one consultation of the page (a daily counter: nothing about the visitor is sent or kept). */
  recordView(slug: string): Observable<void> {
    return this.http.post<void>(`${this.baseUrl}/public/dept-projects/${encodeURIComponent(slug)}/views`, null);
  }

  /** The programme's axes of a département, with their published projects counted. */
  axes(departementCode: string): Observable<PublicAxisDto[]> {
    return this.http.get<PublicAxisDto[]>(`${this.baseUrl}/public/departements/${encodeURIComponent(departementCode)}/axes`);
  }
}
