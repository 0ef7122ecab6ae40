import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { NotificationCenter } from '@passerelle/web/notifications/data-access';
import { firstValueFrom } from 'rxjs';
import { ThreadsApi } from './threads-api';

describe(ThreadsApi.name, () => {
  let sut: ThreadsApi;
  let http: HttpTestingController;
  const center = { refresh: jest.fn() };

  beforeEach(() => {
    center.refresh.mockClear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: NotificationCenter, useValue: center }],
    });
    sut = TestBed.inject(ThreadsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends only the inbox filters that are set', async () => {
    const done = firstValueFrom(sut.inbox({ q: 'école', scope: 'mine', overdue: true, category: undefined, canton: '', limit: 20, offset: 0 }));
    const request = http.expectOne((r) => r.url === '/api/inbox');
    expect(request.request.params.keys().sort()).toEqual(['limit', 'offset', 'overdue', 'q', 'scope']);
    expect(request.request.params.get('overdue')).toBe('true');
    request.flush({ items: [], total: 0, limit: 20, offset: 0 });
    await done;
  });

  it('asks for a change of state with the version the user saw', async () => {
    const done = firstValueFrom(sut.changeState('t1', { state: 'CLOSED', version: 4 }));
    const request = http.expectOne({ method: 'POST', url: '/api/threads/t1/state' });
    expect(request.request.body).toEqual({ state: 'CLOSED', version: 4 });
    request.flush({});
    await done;
  });

  it('asks the bell for its count again once a thread is opened (it marks its notifications read)', async () => {
    const done = firstValueFrom(sut.getThread('t1'));
    http.expectOne('/api/threads/t1').flush({ id: 't1' });
    await done;
    expect(center.refresh).toHaveBeenCalledTimes(1);
  });

  it('escapes identifiers in the path', async () => {
    const done = firstValueFrom(sut.communeFile('2A/004'));
    http.expectOne('/api/communes/2A%2F004/file').flush({});
    await done;
  });
});
