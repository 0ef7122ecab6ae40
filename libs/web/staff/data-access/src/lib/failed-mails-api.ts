import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { FailedMailDto, Page } from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';

/** The mails that could not be delivered (the API's admin/mails routes), for the département's admins. */
@Injectable({ providedIn: 'root' })
export class FailedMailsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  /** The admin's département's mails that could not be delivered (the API scopes them to the admin). */
  listFailedMails(limit = 100, offset = 0): Observable<Page<FailedMailDto>> {
    return this.http.get<Page<FailedMailDto>>(`${this.baseUrl}/admin/mails/failed`, {
      params: new HttpParams().set('limit', limit).set('offset', offset),
    });
  }

  /** Sends a failed mail again, with a fresh set of tries. */
  resendMail(id: string): Observable<void> {
    return this.http.post<void>(`${this.baseUrl}/admin/mails/${encodeURIComponent(id)}/resend`, {});
  }
}
