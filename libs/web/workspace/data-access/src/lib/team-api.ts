import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { MemberDto, TeamDto } from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';

/** A commune's team (`/api/communes/:insee/members` and `/invitations`): the mayor manages it, everyone reads it. */
@Injectable({ providedIn: 'root' })
export class TeamApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  getTeam(insee: string): Observable<TeamDto> {
    return this.http.get<TeamDto>(`${this.communeUrl(insee)}/members`);
  }

  inviteCollaborator(insee: string, email: string): Observable<MemberDto> {
    return this.http.post<MemberDto>(`${this.communeUrl(insee)}/invitations`, { email, role: 'COLLABORATOR' });
  }

  removeMember(insee: string, userId: string): Observable<void> {
    return this.http.delete<void>(`${this.communeUrl(insee)}/members/${encodeURIComponent(userId)}`);
  }

  cancelInvitation(insee: string, invitationId: string): Observable<void> {
    return this.http.delete<void>(`${this.communeUrl(insee)}/invitations/${encodeURIComponent(invitationId)}`);
  }

  resendInvitation(insee: string, invitationId: string): Observable<MemberDto> {
    return this.http.post<MemberDto>(
      `${this.communeUrl(insee)}/invitations/${encodeURIComponent(invitationId)}/resend`,
      null,
    );
  }

  private communeUrl(insee: string): string {
    return `${this.baseUrl}/communes/${encodeURIComponent(insee)}`;
  }
}
