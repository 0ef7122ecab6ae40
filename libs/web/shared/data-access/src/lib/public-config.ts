import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { PublicConfigDto } from '@passerelle/shared/dto';
import { type Observable, shareReplay } from 'rxjs';
import { API_BASE_URL } from './api-base-url';

/** Runtime settings of the installation (`GET /api/config`), fetched once per page load. */
@Injectable({ providedIn: 'root' })
export class PublicConfig {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  // shareReplay resets on error, so a failed first load is retried by the next subscriber instead of being cached.
  private readonly config$ = this.http
    .get<PublicConfigDto>(`${this.baseUrl}/config`)
    .pipe(shareReplay({ bufferSize: 1, refCount: false }));

  load(): Observable<PublicConfigDto> {
    return this.config$;
  }
}
