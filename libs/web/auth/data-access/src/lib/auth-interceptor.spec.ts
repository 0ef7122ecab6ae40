import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth-interceptor';
import { AuthSession } from './auth-session';
import { anAuthenticatedResponse } from './test-fixtures';

@Component({ template: '' })
class Blank {}

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };
const EXPIRED = { code: 'TOKEN_EXPIRED', message: 'Session expirée.', requestId: 'r' };

describe('authInterceptor', () => {
  let client: HttpClient;
  let http: HttpTestingController;
  let session: AuthSession;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'connexion', component: Blank },
          { path: 'espace/equipe', component: Blank },
        ]),
      ],
    });
    client = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
    session = TestBed.inject(AuthSession);
    router = TestBed.inject(Router);
    await router.navigateByUrl('/espace/equipe');
  });

  afterEach(() => http.verify());

  async function signIn(token: string): Promise<void> {
    const done = firstValueFrom(session.refresh());
    http.expectOne('/api/auth/refresh').flush(anAuthenticatedResponse(token));
    await done;
  }

  function bearerOf(request: TestRequest): string | null {
    return request.request.headers.get('Authorization');
  }

  it('adds the access token to API requests only', async () => {
    await signIn('token-1');
    const api = firstValueFrom(client.get('/api/me'));
    const other = firstValueFrom(client.get('https://tiles.example.org/1/2/3.png'));
    const request = http.expectOne('/api/me');
    expect(bearerOf(request)).toBe('Bearer token-1');
    request.flush({});
    const tile = http.expectOne('https://tiles.example.org/1/2/3.png');
    expect(tile.request.headers.has('Authorization')).toBe(false);
    tile.flush({});
    await Promise.all([api, other]);
  });

  it('sends no Authorization header when nobody is signed in', async () => {
    const done = firstValueFrom(client.get('/api/config'));
    const request = http.expectOne('/api/config');
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush({});
    await done;
  });

  it('refreshes the token once after a 401 and sends the request again with the new one', async () => {
    await signIn('expired');
    const answer = firstValueFrom(client.get<{ name: string }>('/api/me'));
    http.expectOne('/api/me').flush(EXPIRED, UNAUTHORIZED);
    http.expectOne('/api/auth/refresh').flush(anAuthenticatedResponse('fresh'));
    const retried = http.expectOne('/api/me');
    expect(bearerOf(retried)).toBe('Bearer fresh');
    retried.flush({ name: 'Ableiges' });
    expect(await answer).toEqual({ name: 'Ableiges' });
    expect(session.accessToken()).toBe('fresh');
  });

  it('makes concurrent requests that get a 401 share a single refresh', async () => {
    await signIn('expired');
    const answers = Promise.all([
      firstValueFrom(client.get('/api/me')),
      firstValueFrom(client.get('/api/me/sessions')),
      firstValueFrom(client.get('/api/communes/95002/members')),
    ]);
    http.expectOne('/api/me').flush(EXPIRED, UNAUTHORIZED);
    http.expectOne('/api/me/sessions').flush(EXPIRED, UNAUTHORIZED);
    http.expectOne('/api/communes/95002/members').flush(EXPIRED, UNAUTHORIZED);

    const refreshes = http.match('/api/auth/refresh');
    expect(refreshes).toHaveLength(1);
    refreshes[0].flush(anAuthenticatedResponse('fresh'));

    for (const url of ['/api/me', '/api/me/sessions', '/api/communes/95002/members']) {
      const retried = http.expectOne(url);
      expect(bearerOf(retried)).toBe('Bearer fresh');
      retried.flush({ url });
    }
    expect(await answers).toHaveLength(3);
  });

  it('retries with the token another request already refreshed, without a second refresh', async () => {
    await signIn('old');
    const slow = firstValueFrom(client.get('/api/me/sessions'));
    const fast = firstValueFrom(client.get('/api/me'));
    const slowRequest = http.expectOne('/api/me/sessions');
    http.expectOne('/api/me').flush(EXPIRED, UNAUTHORIZED);
    http.expectOne('/api/auth/refresh').flush(anAuthenticatedResponse('fresh'));
    http.expectOne('/api/me').flush({});
    await fast;

    // Sent with the old token before the refresh, answered 401 after it.
    slowRequest.flush(EXPIRED, UNAUTHORIZED);
    http.expectNone('/api/auth/refresh');
    const retried = http.expectOne('/api/me/sessions');
    expect(bearerOf(retried)).toBe('Bearer fresh');
    retried.flush({});
    await slow;
  });

  it('does not refresh twice when the retried request is refused again', async () => {
    await signIn('expired');
    const answer = firstValueFrom(client.get('/api/me'));
    http.expectOne('/api/me').flush(EXPIRED, UNAUTHORIZED);
    http.expectOne('/api/auth/refresh').flush(anAuthenticatedResponse('fresh'));
    http.expectOne('/api/me').flush(EXPIRED, UNAUTHORIZED);
    await expect(answer).rejects.toBeInstanceOf(HttpErrorResponse);
    http.expectNone('/api/auth/refresh');
  });

  it('signs the user out and sends them to the sign-in page, with the page they were on, when the refresh fails', async () => {
    await signIn('expired');
    const answer = firstValueFrom(client.get('/api/communes/95002/members'));
    http.expectOne('/api/communes/95002/members').flush(EXPIRED, UNAUTHORIZED);
    http
      .expectOne('/api/auth/refresh')
      .flush({ code: 'SESSION_EXPIRED', message: 'Session expirée.', requestId: 'r' }, UNAUTHORIZED);

    await expect(answer).rejects.toMatchObject({ status: 401 });
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/connexion?retour=%2Fespace%2Fequipe');
    expect(session.isSignedIn()).toBe(false);
    expect(session.accessToken()).toBeNull();
  });

  it.each([
    ['the service is down (503)', { code: 'DATABASE_UNAVAILABLE', message: 'Service momentanément indisponible.', requestId: 'r' }, { status: 503, statusText: 'Service Unavailable' }],
    ['the network is lost', new ProgressEvent('error'), undefined],
  ])('keeps the user signed in and on their page when the refresh fails because %s', async (_label, body, options) => {
    await signIn('expired');
    const answer = firstValueFrom(client.get('/api/communes/95002/members'));
    http.expectOne('/api/communes/95002/members').flush(EXPIRED, UNAUTHORIZED);
    const refresh = http.expectOne('/api/auth/refresh');
    if (body instanceof ProgressEvent) {
      refresh.error(body);
    } else {
      refresh.flush(body, options);
    }

    await expect(answer).rejects.toMatchObject({ status: body instanceof ProgressEvent ? 0 : 503 });
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/espace/equipe');
    expect(session.isSignedIn()).toBe(true);
    expect(session.accessToken()).toBe('expired');
  });

  it.each(['/api/auth/login', '/api/auth/login/totp', '/api/auth/refresh'])(
    'never refreshes after a 401 of %s (a wrong password must not loop)',
    async (url) => {
      const answer = firstValueFrom(client.post(url, {}));
      http
        .expectOne(url)
        .flush({ code: 'INVALID_CREDENTIALS', message: 'Adresse électronique ou mot de passe incorrect.', requestId: 'r' }, UNAUTHORIZED);
      await expect(answer).rejects.toMatchObject({ status: 401 });
      http.expectNone('/api/auth/refresh');
      expect(router.url).toBe('/espace/equipe');
    },
  );

  it('lets other errors through untouched', async () => {
    await signIn('token');
    const answer = firstValueFrom(client.get('/api/communes/95002/members'));
    http.expectOne('/api/communes/95002/members').flush({ code: 'FORBIDDEN', message: 'Non.', requestId: 'r' }, { status: 403, statusText: 'Forbidden' });
    await expect(answer).rejects.toMatchObject({ status: 403 });
    http.expectNone('/api/auth/refresh');
  });
});
