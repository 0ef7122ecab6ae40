import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  Page,
  PublicMapDto,
  PublicMapQuery,
  PublicProjectDto,
  PublicProjectFilters,
  PublicProjectListQuery,
  PublicProjectSummaryDto,
} from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';

/** The public portal (`/api/public/…`): published projects only, no account needed. */
@Injectable({ providedIn: 'root' })
export class PublicProjectsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  list(query: PublicProjectListQuery = {}): Observable<Page<PublicProjectSummaryDto>> {
    return this.http.get<Page<PublicProjectSummaryDto>>(`${this.baseUrl}/public/projects`, { params: toParams(query) });
  }

  get(slug: string): Observable<PublicProjectDto> {
    return this.http.get<PublicProjectDto>(`${this.baseUrl}/public/projects/${encodeURIComponent(slug)}`);
  }

  similar(slug: string): Observable<PublicProjectSummaryDto[]> {
    return this.http.get<PublicProjectSummaryDto[]>(`${this.baseUrl}/public/projects/${encodeURIComponent(slug)}/similar`);
  }

  /** Clusters and single projects for one view of the map (never more than `PUBLIC_MAP_MAX_FEATURES`). */
  map(query: PublicMapQuery): Observable<PublicMapDto> {
    return this.http.get<PublicMapDto>(`${this.baseUrl}/public/projects.geojson`, { params: toParams(query) });
  }

  /** Counts one consultation of the page (a daily counter: nothing about the visitor is sent or kept). */
  recordView(slug: string): Observable<void> {
    return this.http.post<void>(`${this.baseUrl}/public/projects/${encodeURIComponent(slug)}/views`, null);
  }

  /** Addresses of the open-data files and of the feed, for plain links (`download` or `rel="alternate"`). */
  openDataUrls(filters: PublicProjectFilters = {}): { csv: string; geoJson: string; atom: string } {
    const search = toParams(filters).toString();
    const suffix = search ? `?${search}` : '';
    return {
      csv: `${this.baseUrl}/public/projects.csv${suffix}`,
      geoJson: `${this.baseUrl}/public/opendata/projects.geojson${suffix}`,
      atom: `${this.baseUrl}/public/feed.atom${suffix}`,
    };
  }
}

/** Leaves out unset and empty filters so the API applies its defaults. */
export function toParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
      continue;
    }
    params = params.set(key, typeof value === 'string' ? value.trim() : String(value));
  }
  return params;
}
