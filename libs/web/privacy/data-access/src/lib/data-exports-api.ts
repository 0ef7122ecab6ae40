import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { DataExportDto } from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';

/** « Télécharger mes données » (`/api/me/data-exports`): the archives the signed-in user asked for. */
@Injectable({ providedIn: 'root' })
export class DataExportsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  /** Newest first. */
  list(): Observable<DataExportDto[]> {
    return this.http.get<DataExportDto[]>(`${this.baseUrl}/me/data-exports`);
  }

  /** Starts building an archive in the background; 409 while one is being built, 429 after too many. */
  request(): Observable<DataExportDto> {
    return this.http.post<DataExportDto>(`${this.baseUrl}/me/data-exports`, null);
  }

  /** The zip of a ready export, fetched with the bearer token (a plain link would not send it). */
  download(dataExport: Pick<DataExportDto, 'id'>): Observable<Blob> {
    return this.http.get(`${this.baseUrl}/me/data-exports/${encodeURIComponent(dataExport.id)}/download`, { responseType: 'blob' });
  }
}
