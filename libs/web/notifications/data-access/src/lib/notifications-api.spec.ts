import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { NotificationsApi } from './notifications-api';

describe(NotificationsApi.name, () => {
  let sut: NotificationsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(NotificationsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends the unread filter and the page only when set', async () => {
    const all = firstValueFrom(sut.list());
    const request = http.expectOne((r) => r.url === '/api/notifications');
    expect(request.request.params.keys()).toEqual([]);
    request.flush({ items: [], total: 0, limit: 20, offset: 0, unread: 0 });
    await all;

    const unread = firstValueFrom(sut.list({ unread: false, limit: 20, offset: 40 }));
    const filtered = http.expectOne((r) => r.url === '/api/notifications');
    expect(filtered.request.params.get('unread')).toBe('false');
    expect(filtered.request.params.get('limit')).toBe('20');
    expect(filtered.request.params.get('offset')).toBe('40');
    filtered.flush({ items: [], total: 0, limit: 20, offset: 40, unread: 0 });
    await unread;
  });

  it('describes an unsubscribe link with a GET and acts on it with a POST', async () => {
    const described = firstValueFrom(sut.describeUnsubscribe('a.b/c'));
    const get = http.expectOne((r) => r.method === 'GET' && r.url === '/api/notifications/unsubscribe');
    expect(get.request.params.get('token')).toBe('a.b/c');
    get.flush({ kind: 'AGENT_REPLY', label: 'x', email: 'IMMEDIATE' });
    await described;

    const done = firstValueFrom(sut.unsubscribe('a.b/c'));
    const post = http.expectOne({ method: 'POST', url: '/api/notifications/unsubscribe' });
    expect(post.request.body).toEqual({ token: 'a.b/c' });
    post.flush({ kind: 'AGENT_REPLY', label: 'x', email: 'NONE' });
    await done;
  });
});
