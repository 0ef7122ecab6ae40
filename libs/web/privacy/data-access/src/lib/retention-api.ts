import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { RetentionPolicyDto, RetentionRunDto } from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';

/** The retention periods and the runs of the retention job (`/api/retention`, admins). */
@Injectable({ providedIn: 'root' })
export class RetentionApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  policies(): Observable<RetentionPolicyDto[]> {
    return this.http.get<RetentionPolicyDto[]>(`${this.baseUrl}/retention/policies`);
  }

  /** The latest runs, newest first. */
  runs(limit = 20): Observable<RetentionRunDto[]> {
    return this.http.get<RetentionRunDto[]>(`${this.baseUrl}/retention/runs`, { params: new HttpParams().set('limit', limit) });
  }

  /** Runs every rule now; a dry run only counts what it would do. */
  run(dryRun: boolean): Observable<RetentionRunDto> {
    return this.http.post<RetentionRunDto>(`${this.baseUrl}/retention/runs`, { dryRun });
  }
}
