import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AccountDeletionDto } from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';

/**
 * Deleting an account: by its user (`/api/me/deletion`, with their password) or by a département admin on the
 * person's request (`/api/users/:id/deletion`, with the reason). The account is disabled at once and deleted after the
 * grace period; signing in again, or an admin, cancels.
 */
@Injectable({ providedIn: 'root' })
export class AccountDeletionApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  requestOwn(password: string): Observable<AccountDeletionDto> {
    return this.http.post<AccountDeletionDto>(`${this.baseUrl}/me/deletion`, { password });
  }

  requestFor(userId: string, reason: string): Observable<AccountDeletionDto> {
    return this.http.post<AccountDeletionDto>(`${this.userUrl(userId)}/deletion`, { reason });
  }

  cancelFor(userId: string): Observable<void> {
    return this.http.delete<void>(`${this.userUrl(userId)}/deletion`);
  }

  private userUrl(userId: string): string {
    return `${this.baseUrl}/users/${encodeURIComponent(userId)}`;
  }
}
