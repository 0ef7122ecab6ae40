import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CantonDto,
  CantonFeatureCollection,
  CommuneDto,
  CommuneFeatureCollection,
  CommuneListQuery,
  CommuneSummaryDto,
  DepartementDetailDto,
  Page,
} from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';

/** Départements, cantons and communes (`/api/departements`, `/api/communes`). */
@Injectable({ providedIn: 'root' })
export class TerritoryApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  getDepartement(code: string): Observable<DepartementDetailDto> {
    return this.http.get<DepartementDetailDto>(this.departementUrl(code));
  }

  listCommunes(departementCode: string, query: CommuneListQuery = {}): Observable<Page<CommuneSummaryDto>> {
    return this.http.get<Page<CommuneSummaryDto>>(`${this.departementUrl(departementCode)}/communes`, {
      params: toParams(query),
    });
  }

  /** `limit` up to 100: a département has a few dozen cantons, a filter wants them all at once. */
  listCantons(departementCode: string, limit?: number): Observable<Page<CantonDto>> {
    return this.http.get<Page<CantonDto>>(`${this.departementUrl(departementCode)}/cantons`, {
      params: limit != null ? new HttpParams().set('limit', limit) : undefined,
    });
  }

  getCommuneOutlines(departementCode: string): Observable<CommuneFeatureCollection> {
    return this.http.get<CommuneFeatureCollection>(`${this.departementUrl(departementCode)}/communes.geojson`);
  }

  getCantonOutlines(departementCode: string): Observable<CantonFeatureCollection> {
    return this.http.get<CantonFeatureCollection>(`${this.departementUrl(departementCode)}/cantons.geojson`);
  }

  getCommune(insee: string): Observable<CommuneDto> {
    return this.http.get<CommuneDto>(`${this.baseUrl}/communes/${encodeURIComponent(insee)}`);
  }

  private departementUrl(code: string): string {
    return `${this.baseUrl}/departements/${encodeURIComponent(code)}`;
  }
}

/** Leaves out unset filters so the API applies its defaults; `eligible: false` is a filter, not an absence. */
function toParams(query: CommuneListQuery): HttpParams {
  let params = new HttpParams();
  const q = query.q?.trim();
  if (q) {
    params = params.set('q', q);
  }
  if (query.eligible != null) {
    params = params.set('eligible', String(query.eligible));
  }
  if (query.canton) {
    params = params.set('canton', query.canton);
  }
  if (query.limit != null) {
    params = params.set('limit', query.limit);
  }
  if (query.offset != null) {
    params = params.set('offset', query.offset);
  }
  return params;
}
