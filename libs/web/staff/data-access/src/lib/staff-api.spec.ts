import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { StaffApi } from './staff-api';

describe(StaffApi.name, () => {
  let sut: StaffApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(StaffApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists, invites and disables the département’s agents', async () => {
    const listed = firstValueFrom(sut.listAgents('2A', 20, 40));
    http.expectOne({ method: 'GET', url: '/api/departements/2A/agents?limit=20&offset=40' }).flush({ items: [], total: 0 });
    await listed;

    const invited = firstValueFrom(sut.inviteAgent('95', 'agent@valdoise.fr', 'AGENT'));
    const invite = http.expectOne({ method: 'POST', url: '/api/departements/95/agents' });
    expect(invite.request.body).toEqual({ email: 'agent@valdoise.fr', role: 'AGENT' });
    invite.flush({});
    await invited;

    const disabled = firstValueFrom(sut.disableAgent('95', 'a/b'), { defaultValue: undefined });
    http.expectOne({ method: 'DELETE', url: '/api/departements/95/agents/a%2Fb' }).flush(null, { status: 204, statusText: 'No Content' });
    await disabled;
  });
});
