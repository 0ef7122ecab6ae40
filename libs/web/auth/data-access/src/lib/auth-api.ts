import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AcceptInvitationRequest,
  AuthenticatedResponse,
  InvitationDto,
  LoginResponse,
  TotpEnrolmentCompletedResponse,
  TotpSetupDto,
} from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';

/** Sign-in, password reset and invitations (`/api/auth`, `/api/invitations`): the routes open to anonymous users. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  login(email: string, password: string): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(`${this.baseUrl}/auth/login`, { email, password });
  }

  loginWithTotp(challengeToken: string, code: string): Observable<AuthenticatedResponse> {
    return this.http.post<AuthenticatedResponse>(`${this.baseUrl}/auth/login/totp`, { challengeToken, code });
  }

  startEnrolment(challengeToken: string): Observable<TotpSetupDto> {
    return this.http.post<TotpSetupDto>(`${this.baseUrl}/auth/totp/enrolment/start`, { challengeToken });
  }

  confirmEnrolment(challengeToken: string, code: string): Observable<TotpEnrolmentCompletedResponse> {
    return this.http.post<TotpEnrolmentCompletedResponse>(`${this.baseUrl}/auth/totp/enrolment/confirm`, {
      challengeToken,
      code,
    });
  }

  /** The refresh token travels as an HttpOnly cookie scoped to `/api/auth`: the body stays empty. */
  refresh(): Observable<AuthenticatedResponse> {
    return this.http.post<AuthenticatedResponse>(`${this.baseUrl}/auth/refresh`, null);
  }

  logout(): Observable<void> {
    return this.http.post<void>(`${this.baseUrl}/auth/logout`, null);
  }

  requestPasswordReset(email: string): Observable<void> {
    return this.http.post<void>(`${this.baseUrl}/auth/password-reset`, { email });
  }

  /** Completes when the reset link can still be used; fails with `TOKEN_INVALID` (404) when it is dead. */
  checkPasswordReset(token: string): Observable<void> {
    return this.http.post<void>(`${this.baseUrl}/auth/password-reset/check`, { token });
  }

  confirmPasswordReset(token: string, password: string): Observable<void> {
    return this.http.post<void>(`${this.baseUrl}/auth/password-reset/confirm`, { token, password });
  }

  getInvitation(token: string): Observable<InvitationDto> {
    return this.http.get<InvitationDto>(`${this.baseUrl}/invitations/${encodeURIComponent(token)}`);
  }

  acceptInvitation(token: string, request: AcceptInvitationRequest): Observable<void> {
    return this.http.post<void>(`${this.baseUrl}/invitations/${encodeURIComponent(token)}/accept`, request);
  }
}
