import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { AuthSession } from './auth-session';
import { anAuthenticatedResponse, aUser } from './test-fixtures';

describe(AuthSession.name, () => {
  let sut: AuthSession;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(AuthSession);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    document.cookie = 'passerelle_session=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  /** What the API sets with the refresh cookie: a script-readable hint that a session may exist. */
  const withSessionHint = () => {
    document.cookie = 'passerelle_session=1; path=/';
  };

  it('keeps the access token in memory only, never in web storage', async () => {
    const setItem = jest.spyOn(Storage.prototype, 'setItem');
    const signedIn = firstValueFrom(sut.login('maire@ableiges.fr', 'un mot de passe'));
    const request = http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ email: 'maire@ableiges.fr', password: 'un mot de passe' });
    request.flush(anAuthenticatedResponse('secret-token'));
    await signedIn;

    expect(sut.accessToken()).toBe('secret-token');
    expect(sut.user()?.role).toBe('MAYOR');
    expect(setItem).not.toHaveBeenCalled();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(document.cookie).not.toContain('secret-token');
    setItem.mockRestore();
  });

  it('is not signed in yet when a second factor is asked for', async () => {
    const answer = firstValueFrom(sut.login('agent@valdoise.fr', 'un mot de passe'));
    http.expectOne('/api/auth/login').flush({ status: 'TOTP_REQUIRED', challengeToken: 'challenge' });
    expect(await answer).toEqual({ status: 'TOTP_REQUIRED', challengeToken: 'challenge' });
    expect(sut.isSignedIn()).toBe(false);
    expect(sut.accessToken()).toBeNull();

    const done = firstValueFrom(sut.loginWithTotp('challenge', '123456'));
    const request = http.expectOne('/api/auth/login/totp');
    expect(request.request.body).toEqual({ challengeToken: 'challenge', code: '123456' });
    request.flush(anAuthenticatedResponse('agent-token', 'AGENT'));
    await done;
    expect(sut.role()).toBe('AGENT');
  });

  it('restores the session of a previous visit from the refresh cookie', async () => {
    withSessionHint();
    const restored = sut.restore();
    expect(sut.restored()).toBe(false);
    const request = http.expectOne('/api/auth/refresh');
    expect(request.request.method).toBe('POST');
    request.flush(anAuthenticatedResponse('restored-token'));
    await restored;
    await sut.whenRestored();
    expect(sut.restored()).toBe(true);
    expect(sut.accessToken()).toBe('restored-token');
  });

  it('keeps restoring through an outage instead of showing the user signed out, and restores once the API answers', async () => {
    jest.useFakeTimers();
    try {
      withSessionHint();
      const restored = sut.restore();
      http.expectOne('/api/auth/refresh').flush({ code: 'DATABASE_UNAVAILABLE' }, { status: 503, statusText: 'Service Unavailable' });
      await jest.advanceTimersByTimeAsync(1_000);
      http.expectOne('/api/auth/refresh').error(new ProgressEvent('error'));
      expect(sut.restored()).toBe(false);
      expect(sut.isSignedIn()).toBe(false);
      await jest.advanceTimersByTimeAsync(2_000);
      http.expectOne('/api/auth/refresh').flush(anAuthenticatedResponse('after-outage'));
      await restored;
      expect(sut.restored()).toBe(true);
      expect(sut.accessToken()).toBe('after-outage');
    } finally {
      jest.useRealTimers();
    }
  });

  it('stops restoring at a refusal: the session is over', async () => {
    withSessionHint();
    const restored = sut.restore();
    http.expectOne('/api/auth/refresh').flush({ code: 'SESSION_EXPIRED' }, { status: 401, statusText: 'Unauthorized' });
    await restored;
    expect(sut.restored()).toBe(true);
    expect(sut.isSignedIn()).toBe(false);
  });

  it('does not even ask when no session hint is there: an anonymous visit costs no request', async () => {
    await sut.restore();
    http.expectNone('/api/auth/refresh');
    expect(sut.restored()).toBe(true);
    expect(sut.isSignedIn()).toBe(false);
  });

  it('leaves a visitor anonymous, without failing, when the hinted session is over', async () => {
    withSessionHint();
    const restored = sut.restore();
    http
      .expectOne('/api/auth/refresh')
      .flush({ code: 'SESSION_EXPIRED', message: 'Session expirée.', requestId: 'r' }, { status: 401, statusText: 'Unauthorized' });
    await expect(restored).resolves.toBeUndefined();
    expect(sut.restored()).toBe(true);
    expect(sut.isSignedIn()).toBe(false);
  });

  it('shares one refresh between concurrent callers', async () => {
    const first = firstValueFrom(sut.refresh());
    const second = firstValueFrom(sut.refresh());
    http.expectOne('/api/auth/refresh').flush(anAuthenticatedResponse('new-token'));
    expect(await first).toBe('new-token');
    expect(await second).toBe('new-token');

    // Once done, the next caller gets a fresh refresh rather than the old answer.
    const later = firstValueFrom(sut.refresh());
    http.expectOne('/api/auth/refresh').flush(anAuthenticatedResponse('newer-token'));
    expect(await later).toBe('newer-token');
  });

  it('remembers that a sign-in cancelled the deletion of the account, until dismissed or signed out', async () => {
    const first = firstValueFrom(sut.login('maire@ableiges.fr', 'un mot de passe'));
    http.expectOne('/api/auth/login').flush({ ...anAuthenticatedResponse('token'), deletionCancelled: true });
    await first;
    expect(sut.deletionCancelled()).toBe(true);

    // A refresh says nothing about it: the message stays.
    const refreshed = firstValueFrom(sut.refresh());
    http.expectOne('/api/auth/refresh').flush(anAuthenticatedResponse('newer-token'));
    await refreshed;
    expect(sut.deletionCancelled()).toBe(true);

    sut.dismissDeletionCancelled();
    expect(sut.deletionCancelled()).toBe(false);

    const second = firstValueFrom(sut.loginWithTotp('challenge', '123456'));
    http.expectOne('/api/auth/login/totp').flush({ ...anAuthenticatedResponse('agent-token', 'AGENT'), deletionCancelled: true });
    await second;
    expect(sut.deletionCancelled()).toBe(true);
    const out = firstValueFrom(sut.logout(), { defaultValue: undefined });
    http.expectOne('/api/auth/logout').flush(null);
    await out;
    expect(sut.deletionCancelled()).toBe(false);
  });

  it('says nothing when the sign-in cancelled nothing', async () => {
    const signedIn = firstValueFrom(sut.login('maire@ableiges.fr', 'un mot de passe'));
    http.expectOne('/api/auth/login').flush(anAuthenticatedResponse('token'));
    await signedIn;
    expect(sut.deletionCancelled()).toBe(false);
  });

  it('forgets the user on sign-out, even when the API cannot be reached', async () => {
    sut.updateUser(aUser('MAYOR'));
    const done = firstValueFrom(sut.logout(), { defaultValue: undefined });
    http.expectOne('/api/auth/logout').error(new ProgressEvent('error'));
    await done;
    expect(sut.user()).toBeNull();
    expect(sut.accessToken()).toBeNull();
  });
});
