import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { TeamApi } from './team-api';

describe(TeamApi.name, () => {
  let sut: TeamApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(TeamApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('invites a collaborator, the only role a mayor can give', async () => {
    const done = firstValueFrom(sut.inviteCollaborator('95002', 'adjoint@ableiges.fr'));
    const request = http.expectOne({ method: 'POST', url: '/api/communes/95002/invitations' });
    expect(request.request.body).toEqual({ email: 'adjoint@ableiges.fr', role: 'COLLABORATOR' });
    request.flush({});
    await done;
  });

  it('tells members and pending invitations apart in the routes', async () => {
    const removed = firstValueFrom(sut.removeMember('95002', 'u1'), { defaultValue: undefined });
    const cancelled = firstValueFrom(sut.cancelInvitation('95002', 'i1'), { defaultValue: undefined });
    const resent = firstValueFrom(sut.resendInvitation('95002', 'i1'));
    http.expectOne({ method: 'DELETE', url: '/api/communes/95002/members/u1' }).flush(null);
    http.expectOne({ method: 'DELETE', url: '/api/communes/95002/invitations/i1' }).flush(null);
    http.expectOne({ method: 'POST', url: '/api/communes/95002/invitations/i1/resend' }).flush({});
    await Promise.all([removed, cancelled, resent]);
  });
});
