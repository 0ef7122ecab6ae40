import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { WorkspacesAdminApi } from './workspaces-admin-api';

describe(WorkspacesAdminApi.name, () => {
  let sut: WorkspacesAdminApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(WorkspacesAdminApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends only the filters that are set, the search trimmed', async () => {
    const all = firstValueFrom(sut.listWorkspaces('95', { q: '  ', limit: 20, offset: 0 }));
    http.expectOne('/api/departements/95/workspaces?limit=20&offset=0').flush({ items: [], total: 0 });
    await all;

    const filtered = firstValueFrom(sut.listWorkspaces('95', { q: ' abl ', state: 'NONE', eligible: false }));
    http.expectOne('/api/departements/95/workspaces?q=abl&state=NONE&eligible=false').flush({ items: [], total: 0 });
    await filtered;
  });

  it('opens a workspace with its mayor, and replaces a mayor', async () => {
    const opened = firstValueFrom(sut.openWorkspace('95002', 'maire@ableiges.fr'));
    const open = http.expectOne({ method: 'POST', url: '/api/communes/95002/workspace' });
    expect(open.request.body).toEqual({ mayorEmail: 'maire@ableiges.fr' });
    open.flush({});
    await opened;

    const replaced = firstValueFrom(sut.replaceMayor('95002', 'nouveau@ableiges.fr'));
    const replace = http.expectOne({ method: 'POST', url: '/api/communes/95002/mayor' });
    expect(replace.request.body).toEqual({ email: 'nouveau@ableiges.fr' });
    replace.flush({});
    await replaced;
  });
});
