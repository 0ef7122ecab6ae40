import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  DepartementIndicatorsDto,
  IndicatorCsvLevel,
  IndicatorFigure,
  IndicatorGroup,
  IndicatorThreadRow,
  PublicIndicatorsDto,
} from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';

/** A period (Paris days, inclusive) and a breakdown; what is left out takes the API's default (the last 30 days, by canton). */
export interface IndicatorQuery {
  from?: string;
  to?: string;
  groupBy?: IndicatorGroup;
}

export interface IndicatorCsvQuery {
  from?: string;
  to?: string;
  level: IndicatorCsvLevel;
  /** The agents' names instead of pseudonymous codes: honoured for admins only. */
  names?: boolean;
}

/** The public open data's addresses, for plain links (no sign-in). */
export interface PublicIndicatorUrls {
  json: string;
  csv: string;
}

/**
 * The département's indicators (`/api/departements/:code/indicators…`, its agents and admins) and their public
 * version (`/api/public/indicators…`, everyone).
 */
@Injectable({ providedIn: 'root' })
export class IndicatorsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  dashboard(code: string, query: IndicatorQuery = {}): Observable<DepartementIndicatorsDto> {
    const params = periodParams(query);
    return this.http.get<DepartementIndicatorsDto>(`${this.departementUrl(code)}/indicators`, {
      params: query.groupBy ? params.set('groupBy', query.groupBy) : params,
    });
  }

  /** The questions behind a figure of the period (at most 500, newest first). */
  threads(code: string, figure: IndicatorFigure, query: Omit<IndicatorQuery, 'groupBy'> = {}): Observable<IndicatorThreadRow[]> {
    return this.http.get<IndicatorThreadRow[]>(`${this.departementUrl(code)}/indicators/threads`, {
      params: periodParams(query).set('figure', figure),
    });
  }

  /** A CSV export, fetched with the bearer token (a plain link would not send it). */
  csv(code: string, query: IndicatorCsvQuery): Observable<Blob> {
    let params = periodParams(query).set('level', query.level);
    if (query.names) {
      params = params.set('names', 'true');
    }
    return this.http.get(`${this.departementUrl(code)}/indicators.csv`, { params, responseType: 'blob' });
  }

  /** The public figures of the last 30 days; without a code, the installation's département. */
  publicFigures(departement?: string): Observable<PublicIndicatorsDto> {
    return this.http.get<PublicIndicatorsDto>(`${this.baseUrl}/public/indicators`, { params: departementParams(departement) });
  }

  /** The same as CSV (open data). */
  publicCsv(departement?: string): Observable<Blob> {
    return this.http.get(`${this.baseUrl}/public/indicators.csv`, { params: departementParams(departement), responseType: 'blob' });
  }

  publicUrls(departement?: string): PublicIndicatorUrls {
    const suffix = departement ? `?departement=${encodeURIComponent(departement)}` : '';
    return { json: `${this.baseUrl}/public/indicators${suffix}`, csv: `${this.baseUrl}/public/indicators.csv${suffix}` };
  }

  private departementUrl(code: string): string {
    return `${this.baseUrl}/departements/${encodeURIComponent(code)}`;
  }
}

/** `from` and `to` when set: the API fills in the rest. */
function periodParams(query: { from?: string; to?: string }): HttpParams {
  let params = new HttpParams();
  if (query.from) {
    params = params.set('from', query.from);
  }
  if (query.to) {
    params = params.set('to', query.to);
  }
  return params;
}

function departementParams(departement: string | undefined): HttpParams {
  return departement ? new HttpParams().set('departement', departement) : new HttpParams();
}
