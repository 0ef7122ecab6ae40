import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { MeDto, RecoveryCodesDto, SessionDto, TotpSetupDto } from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';

/**
 * The signed-in user's own account (`/api/me`): profile, password, second factor, sessions. The data export and the
 * deletion of the account are in `@passerelle/web/privacy/data-access`.
 */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  getMe(): Observable<MeDto> {
    return this.http.get<MeDto>(`${this.baseUrl}/me`);
  }

  updateProfile(displayName: string): Observable<MeDto> {
    return this.http.patch<MeDto>(`${this.baseUrl}/me`, { displayName });
  }

  changePassword(currentPassword: string, newPassword: string): Observable<void> {
    return this.http.post<void>(`${this.baseUrl}/me/password`, { currentPassword, newPassword });
  }

  listSessions(): Observable<{ items: SessionDto[]; total: number }> {
    return this.http.get<{ items: SessionDto[]; total: number }>(`${this.baseUrl}/me/sessions`);
  }

  endSession(id: string): Observable<void> {
    return this.http.delete<void>(`${this.baseUrl}/me/sessions/${encodeURIComponent(id)}`);
  }

  startTotpSetup(): Observable<TotpSetupDto> {
    return this.http.post<TotpSetupDto>(`${this.baseUrl}/me/totp/setup`, null);
  }

  confirmTotp(code: string): Observable<RecoveryCodesDto> {
    return this.http.post<RecoveryCodesDto>(`${this.baseUrl}/me/totp/confirm`, { code });
  }

  disableTotp(password: string): Observable<void> {
    return this.http.post<void>(`${this.baseUrl}/me/totp/disable`, { password });
  }

  regenerateRecoveryCodes(): Observable<RecoveryCodesDto> {
    return this.http.post<RecoveryCodesDto>(`${this.baseUrl}/me/totp/recovery-codes`, null);
  }
}
