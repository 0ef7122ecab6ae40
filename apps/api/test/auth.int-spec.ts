import { sign } from 'jsonwebtoken';
import { Secret, TOTP } from 'otpauth';
import type { ApiError, AuthenticatedResponse, LoginResponse, MeDto, Page, SessionDto, TotpEnrolmentCompletedResponse, TotpSetupDto } from '@passerelle/shared/dto';
import { PASSWORD, createUser, lastMailTo, sessionFrom, signIn, tokenFromMail } from './factories';
import { archiveText, exportData } from './support/data-export';
import { type TestApp, startTestApp } from './test-app';

describe('Authentication and sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('valDOise');
  });
  afterAll(() => t.close());

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => t.app.inject(options);
  const me = (accessToken: string) => inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${accessToken}` } });
  const refresh = (cookie: string) => inject({ method: 'POST', url: '/api/auth/refresh', cookies: { passerelle_refresh: cookie } });

  describe('sign-in', () => {
    it('returns a short-lived access token and sets the refresh token in an HttpOnly, SameSite=Strict cookie', async () => {
      const mayor = await createUser(t.db, { role: 'MAYOR', communeInsee: '95002' });
      const res = await inject({ method: 'POST', url: '/api/auth/login', payload: { email: mayor.email.toUpperCase(), password: PASSWORD } });
      expect(res.statusCode).toBe(200);
      const body = res.json<AuthenticatedResponse>();
      expect(body).toMatchObject({ status: 'AUTHENTICATED', expiresIn: 600, user: { email: mayor.email, role: 'MAYOR', commune: { insee: '95002', name: 'Ableiges' } } });
      expect(JSON.stringify(body)).not.toMatch(/password|hash|totp_secret/i);
      const cookie = res.cookies.find((c) => c.name === 'passerelle_refresh');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
      expect(String(res.headers['set-cookie'])).not.toMatch(/Secure/);
      // The hint tells the front end a session may exist; it holds nothing secret and scripts may read it.
      expect(res.cookies.find((c) => c.name === 'passerelle_session')).toMatchObject({ value: '1', path: '/', sameSite: 'Strict' });
      expect(res.cookies.find((c) => c.name === 'passerelle_session')?.httpOnly).toBeFalsy();

      const profile = await me(body.accessToken);
      expect(profile.statusCode).toBe(200);
      expect(profile.json<MeDto>()).toMatchObject({ id: mayor.id, totpEnabled: false, totpRequired: false });
    });

    it('gives the same answer for an unknown e-mail and a wrong password, and logs both failures', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95002' });
      const unknown = await inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'personne@nulle-part.example', password: PASSWORD } });
      const wrong = await inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: 'pas le bon mot de passe' } });
      expect(unknown.statusCode).toBe(401);
      expect(wrong.statusCode).toBe(401);
      const strip = (b: ApiError) => ({ ...b, requestId: undefined });
      expect(strip(unknown.json<ApiError>())).toEqual(strip(wrong.json<ApiError>()));
      expect(wrong.json<ApiError>()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Adresse électronique ou mot de passe incorrect.' });
      const events = await t.db.query(`SELECT details->>'email' AS email FROM audit_event WHERE action = 'AUTH_LOGIN_FAILED'`);
      expect(events.map((e: { email: string }) => e.email)).toEqual(expect.arrayContaining(['personne@nulle-part.example', user.email]));
    });

    it('refuses a disabled account like a wrong password', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95002' });
      await t.db.query(`UPDATE app_user SET state = 'DISABLED' WHERE id = $1`, [user.id]);
      const res = await inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: PASSWORD } });
      expect(res.statusCode).toBe(401);
      expect(res.json<ApiError>().code).toBe('INVALID_CREDENTIALS');
    });

    it('validates the body in French', async () => {
      const res = await inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'pas-une-adresse', password: '' } });
      expect(res.statusCode).toBe(400);
      expect(res.json<ApiError>().errors).toEqual({
        email: expect.stringMatching(/adresse électronique valide/),
        password: 'Saisissez votre mot de passe.',
      });
    });
  });

  describe('access tokens', () => {
    let user: Awaited<ReturnType<typeof createUser>>;
    let sessionId: string;

    beforeAll(async () => {
      user = await createUser(t.db, { role: 'MAYOR', communeInsee: '95625' });
      const session = await signIn(t.app, user);
      sessionId = JSON.parse(Buffer.from(session.accessToken.split('.')[1], 'base64url').toString()).sid;
    });

    const forge = (payload: object, secret = t.config.jwt.accessSecret as string, options: Record<string, unknown> = {}) => {
      const all: Record<string, unknown> = { algorithm: 'HS256', issuer: 'passerelle', audience: 'passerelle-api', expiresIn: 600, ...options };
      const defined = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
      return sign(payload, secret, defined);
    };

    it('accepts a well-formed token of a live session (the control case)', async () => {
      expect((await me(forge({ sid: sessionId }, undefined, { subject: user.id }))).statusCode).toBe(200);
    });

    it.each([
      ['alg: none', () => `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: user.id, sid: sessionId, iss: 'passerelle', aud: 'passerelle-api', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url')}.`],
      ['another key', () => forge({ sid: sessionId }, 'une-autre-cle-secrete-de-plus-de-32-caracteres', { subject: user.id })],
      ['expired', () => forge({ sid: sessionId, exp: Math.floor(Date.now() / 1000) - 10 }, undefined, { subject: user.id, expiresIn: undefined })],
      ['no subject', () => forge({ sid: sessionId })],
      ['another audience', () => forge({ sid: sessionId }, undefined, { subject: user.id, audience: 'autre-api' })],
      ['another issuer', () => forge({ sid: sessionId }, undefined, { subject: user.id, issuer: 'ailleurs' })],
      ['an unknown session', () => forge({ sid: '00000000-0000-4000-8000-000000000000' }, undefined, { subject: user.id })],
      ['garbage', () => 'pas.un.jeton'],
    ])('refuses a token with %s (401, French body)', async (_, token) => {
      const res = await me(token());
      expect(res.statusCode).toBe(401);
      expect(res.json<ApiError>()).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/reconnectez-vous/) });
    });

    it('refuses a request without a token on a protected route', async () => {
      expect((await inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    });
  });

  describe('refresh tokens', () => {
    it('rotates on every use; reusing a rotated one revokes the whole family', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95625' });
      const first = await signIn(t.app, user);
      const second = await refresh(first.refreshCookie);
      expect(second.statusCode).toBe(200);
      const rotated = sessionFrom(second);
      expect(rotated.refreshCookie).not.toBe(first.refreshCookie);
      expect((await me(rotated.accessToken)).statusCode).toBe(200);

      // A minute later, the old token comes back: a replay.
      await t.db.query(`UPDATE refresh_token SET used_at = used_at - interval '1 minute' WHERE used_at IS NOT NULL`);
      const replay = await refresh(first.refreshCookie);
      expect(replay.statusCode).toBe(401);
      expect(replay.json<ApiError>().code).toBe('SESSION_EXPIRED');
      // The thief's replay ended the session for everybody holding it, the legitimate user included.
      expect((await refresh(rotated.refreshCookie)).statusCode).toBe(401);
      expect((await me(rotated.accessToken)).statusCode).toBe(401);
      const [event] = await t.db.query(`SELECT actor_id FROM audit_event WHERE action = 'SESSION_REFRESH_REUSED' AND actor_id = $1`, [user.id]);
      expect(event).toBeDefined();
    });

    it('accepts two refreshes of the same token crossing within seconds (two tabs, a quick reload)', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95625' });
      const first = await signIn(t.app, user);
      const [a, b] = await Promise.all([refresh(first.refreshCookie), refresh(first.refreshCookie)]);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      const [one, two] = [sessionFrom(a), sessionFrom(b)];
      expect(one.refreshCookie).not.toBe(two.refreshCookie);
      expect((await refresh(two.refreshCookie)).statusCode).toBe(200);
      expect((await me(one.accessToken)).statusCode).toBe(200);
    });

    it('refuses the refresh of a user disabled since', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95625' });
      const session = await signIn(t.app, user);
      await t.db.query(`UPDATE app_user SET state = 'DISABLED' WHERE id = $1`, [user.id]);
      expect((await refresh(session.refreshCookie)).statusCode).toBe(401);
      expect((await me(session.accessToken)).statusCode).toBe(401);
    });

    it('refuses a missing or unknown cookie', async () => {
      expect((await inject({ method: 'POST', url: '/api/auth/refresh' })).statusCode).toBe(401);
      expect((await refresh('inconnu')).statusCode).toBe(401);
    });

    it('logout ends the session: refresh and access token stop working', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95625' });
      const session = await signIn(t.app, user);
      const out = await inject({ method: 'POST', url: '/api/auth/logout', cookies: { passerelle_refresh: session.refreshCookie } });
      expect(out.statusCode).toBe(204);
      expect(String(out.headers['set-cookie'])).toMatch(/passerelle_refresh=;/);
      expect(String(out.headers['set-cookie'])).toMatch(/passerelle_session=;/);
      expect((await refresh(session.refreshCookie)).statusCode).toBe(401);
      expect((await me(session.accessToken)).statusCode).toBe(401);
    });
  });

  describe('account', () => {
    it('lists the sessions and ends one of them', async () => {
      const user = await createUser(t.db, { role: 'MAYOR', communeInsee: '95651' });
      const laptop = await signIn(t.app, user);
      const phone = await signIn(t.app, user);
      const list = await inject({ method: 'GET', url: '/api/me/sessions', headers: laptop.headers });
      const sessions = list.json<Page<SessionDto>>().items;
      expect(sessions).toHaveLength(2);
      expect(sessions.filter((s) => s.current)).toHaveLength(1);
      const other = sessions.find((s) => !s.current);
      expect((await inject({ method: 'DELETE', url: `/api/me/sessions/${other?.id}`, headers: laptop.headers })).statusCode).toBe(204);
      expect((await me(phone.accessToken)).statusCode).toBe(401);
      expect((await me(laptop.accessToken)).statusCode).toBe(200);
      // Another user's session id is not found.
      const stranger = await signIn(t.app, await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95651' }));
      const mine = (await inject({ method: 'GET', url: '/api/me/sessions', headers: laptop.headers })).json<Page<SessionDto>>().items[0];
      expect((await inject({ method: 'DELETE', url: `/api/me/sessions/${mine.id}`, headers: stranger.headers })).statusCode).toBe(404);
    });

    it('refuses fields the user does not own, such as role or communeId (400)', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95651' });
      const session = await signIn(t.app, user);
      const res = await inject({ method: 'PATCH', url: '/api/me', headers: session.headers, payload: { displayName: 'Nouveau Nom', role: 'ADMIN', communeId: '95002' } });
      expect(res.statusCode).toBe(400);
      expect(res.json<ApiError>().errors).toEqual({ role: 'Ce champ n’est pas accepté.', communeId: 'Ce champ n’est pas accepté.' });
      const ok = await inject({ method: 'PATCH', url: '/api/me', headers: session.headers, payload: { displayName: '  Nouveau Nom ' } });
      expect(ok.json<MeDto>()).toMatchObject({ displayName: 'Nouveau Nom', role: 'COLLABORATOR' });
    });

    it('changes the password: the current one is checked, weak ones refused, other sessions ended', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95651' });
      const current = await signIn(t.app, user);
      const other = await signIn(t.app, user);
      const wrong = await inject({ method: 'POST', url: '/api/me/password', headers: current.headers, payload: { currentPassword: 'faux', newPassword: 'écluse hérisson 1987 violon' } });
      expect(wrong.json<ApiError>().errors).toEqual({ currentPassword: 'Le mot de passe actuel est incorrect.' });
      const weak = await inject({ method: 'POST', url: '/api/me/password', headers: current.headers, payload: { currentPassword: PASSWORD, newPassword: 'azerty123456' } });
      expect(weak.statusCode).toBe(400);
      expect(weak.json<ApiError>().errors?.['newPassword']).toMatch(/trop facile à deviner/);
      const ok = await inject({ method: 'POST', url: '/api/me/password', headers: current.headers, payload: { currentPassword: PASSWORD, newPassword: 'écluse hérisson 1987 violon' } });
      expect(ok.statusCode).toBe(204);
      expect((await me(current.accessToken)).statusCode).toBe(200);
      expect((await me(other.accessToken)).statusCode).toBe(401);
      expect((await refresh(other.refreshCookie)).statusCode).toBe(401);
      await expect(signIn(t.app, { email: user.email, password: 'écluse hérisson 1987 violon' })).resolves.toBeDefined();
    });

    it('exports the user’s data as a zip of JSON files without secrets', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95651' });
      const session = await signIn(t.app, user);
      const entries = await exportData(t.app, session.headers);
      const json = <T>(name: string): T => JSON.parse(entries.get(name)?.toString('utf8') ?? 'null') as T;
      expect(json<{ compte: { courriel: string } }>('compte.json').compte.courriel).toBe(user.email);
      expect(json<{ sessions: unknown[] }>('sessions.json').sessions).toHaveLength(1);
      expect(json<{ evenements: { action: string }[] }>('journal.json').evenements.map((a) => a.action)).toContain('AUTH_LOGIN_SUCCEEDED');
      expect(archiveText(entries)).not.toMatch(/argon2|password_hash|token_hash/);
    });
  });

  describe('password reset', () => {
    it('mails a single-use link valid one hour; the new password must be acceptable; sessions end', async () => {
      const user = await createUser(t.db, { role: 'MAYOR', communeInsee: '95150' });
      const session = await signIn(t.app, user);
      const asked = await inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } });
      expect(asked.statusCode).toBe(202);
      const token = tokenFromMail(await lastMailTo(t.app, user.email), 'reinitialiser-mot-de-passe');
      const [stored] = await t.db.query(
        `SELECT token_hash, round(extract(epoch FROM expires_at - created_at))::int AS ttl FROM password_reset WHERE user_id = $1`,
        [user.id],
      );
      expect(stored.token_hash).not.toBe(token);
      expect(stored.ttl).toBe(3600);

      const weak = await inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'motdepasse123' } });
      expect(weak.statusCode).toBe(400);
      expect(weak.json<ApiError>().errors?.['password']).toMatch(/^Ce mot de passe est trop facile à deviner/);
      const done = await inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'pivoine tracteur lanterne 9' } });
      expect(done.statusCode).toBe(204);
      const again = await inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'pivoine tracteur lanterne 10' } });
      expect(again.statusCode).toBe(404);
      expect(again.json<ApiError>().code).toBe('TOKEN_INVALID');
      expect((await me(session.accessToken)).statusCode).toBe(401);
      await expect(signIn(t.app, { email: user.email, password: 'pivoine tracteur lanterne 9' })).resolves.toBeDefined();
    });

    it('answers an unknown address exactly like a known one, and sends nothing', async () => {
      const res = await inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'inconnu@nulle-part.example' } });
      expect(res.statusCode).toBe(202);
      expect(res.body).toBe('');
      await new Promise((r) => setTimeout(r, 100));
      const mails = await inject({ method: 'GET', url: '/api/dev/mails?limit=100' });
      expect(mails.body).not.toContain('inconnu@nulle-part.example');
    });

    it('tells whether a link is still usable without using it (204), and a dead one 404', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95150' });
      await inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } });
      const token = tokenFromMail(await lastMailTo(t.app, user.email), 'reinitialiser-mot-de-passe');
      const check = () => inject({ method: 'POST', url: '/api/auth/password-reset/check', payload: { token } });

      const live = await check();
      expect(live.statusCode).toBe(204);
      expect((await check()).statusCode).toBe(204);

      const unknown = await inject({ method: 'POST', url: '/api/auth/password-reset/check', payload: { token: 'pas-un-vrai-lien' } });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json<ApiError>().code).toBe('TOKEN_INVALID');

      const done = await inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'pivoine tracteur lanterne 9' } });
      expect(done.statusCode).toBe(204);
      expect((await check()).statusCode).toBe(404);
    });

    it('refuses an expired link', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95150' });
      await inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } });
      const token = tokenFromMail(await lastMailTo(t.app, user.email), 'reinitialiser-mot-de-passe');
      await t.db.query(`UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
      const res = await inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'pivoine tracteur lanterne 9' } });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('second factor', () => {
    const codeFor = (secret: string, offsetSteps = 0) =>
      new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

    it('makes an agent enrol a TOTP authenticator at sign-in, then asks for a code each time', async () => {
      const agent = await createUser(t.db, { role: 'AGENT' });
      const first = await inject({ method: 'POST', url: '/api/auth/login', payload: { email: agent.email, password: PASSWORD } });
      const enrol = first.json<LoginResponse>();
      expect(enrol.status).toBe('TOTP_ENROLMENT_REQUIRED');
      expect(first.cookies).toHaveLength(0);
      if (enrol.status !== 'TOTP_ENROLMENT_REQUIRED') {
        return;
      }
      // The challenge is no access token.
      expect((await me(enrol.challengeToken)).statusCode).toBe(401);

      const setup = (await inject({ method: 'POST', url: '/api/auth/totp/enrolment/start', payload: { challengeToken: enrol.challengeToken } })).json<TotpSetupDto>();
      expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\/Passerelle:.+\?.*secret=/);
      expect(setup.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
      const bad = await inject({ method: 'POST', url: '/api/auth/totp/enrolment/confirm', payload: { challengeToken: enrol.challengeToken, code: '000000' } });
      expect(bad.statusCode).toBe(400);
      const done = await inject({ method: 'POST', url: '/api/auth/totp/enrolment/confirm', payload: { challengeToken: enrol.challengeToken, code: codeFor(setup.secret) } });
      expect(done.statusCode).toBe(200);
      const completed = done.json<TotpEnrolmentCompletedResponse>();
      expect(completed.recoveryCodes).toHaveLength(10);
      expect(completed.user.totpEnabled).toBe(true);
      const [stored] = await t.db.query(`SELECT totp_secret FROM app_user WHERE id = $1`, [agent.id]);
      expect(stored.totp_secret).not.toContain(setup.secret);

      const next = (await inject({ method: 'POST', url: '/api/auth/login', payload: { email: agent.email, password: PASSWORD } })).json<LoginResponse>();
      expect(next.status).toBe('TOTP_REQUIRED');
      if (next.status !== 'TOTP_REQUIRED') {
        return;
      }
      const wrong = await inject({ method: 'POST', url: '/api/auth/login/totp', payload: { challengeToken: next.challengeToken, code: '123456' } });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json<ApiError>().code).toBe('TOTP_INVALID');
      // The code used at enrolment cannot be replayed; the next time step's code works.
      const replay = await inject({ method: 'POST', url: '/api/auth/login/totp', payload: { challengeToken: next.challengeToken, code: codeFor(setup.secret) } });
      expect(replay.statusCode).toBe(401);
      const ok = await inject({ method: 'POST', url: '/api/auth/login/totp', payload: { challengeToken: next.challengeToken, code: codeFor(setup.secret, 1) } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json<AuthenticatedResponse>().user.role).toBe('AGENT');

      // A recovery code works once.
      const again = (await inject({ method: 'POST', url: '/api/auth/login', payload: { email: agent.email, password: PASSWORD } })).json<LoginResponse>();
      if (again.status !== 'TOTP_REQUIRED') {
        throw new Error('expected a TOTP step');
      }
      const recovery = completed.recoveryCodes[0];
      expect((await inject({ method: 'POST', url: '/api/auth/login/totp', payload: { challengeToken: again.challengeToken, code: recovery.toUpperCase() } })).statusCode).toBe(200);
      expect((await inject({ method: 'POST', url: '/api/auth/login/totp', payload: { challengeToken: again.challengeToken, code: recovery } })).statusCode).toBe(401);

      // Staff cannot turn it off.
      const session = sessionFrom(ok);
      const off = await inject({ method: 'POST', url: '/api/me/totp/disable', headers: session.headers, payload: { password: PASSWORD } });
      expect(off.statusCode).toBe(403);
    });

    it('lets a mayor enable it and turn it off again with the password', async () => {
      const mayor = await createUser(t.db, { role: 'MAYOR', communeInsee: '95610' });
      const session = await signIn(t.app, mayor);
      const setup = (await inject({ method: 'POST', url: '/api/me/totp/setup', headers: session.headers })).json<TotpSetupDto>();
      const confirm = await inject({ method: 'POST', url: '/api/me/totp/confirm', headers: session.headers, payload: { code: codeFor(setup.secret) } });
      expect(confirm.json<{ recoveryCodes: string[] }>().recoveryCodes).toHaveLength(10);
      expect((await inject({ method: 'POST', url: '/api/auth/login', payload: { email: mayor.email, password: PASSWORD } })).json<LoginResponse>().status).toBe('TOTP_REQUIRED');
      const off = await inject({ method: 'POST', url: '/api/me/totp/disable', headers: session.headers, payload: { password: PASSWORD } });
      expect(off.statusCode).toBe(204);
      expect((await inject({ method: 'POST', url: '/api/auth/login', payload: { email: mayor.email, password: PASSWORD } })).json<LoginResponse>().status).toBe('AUTHENTICATED');
    });

    it('waives it for the seeded demo staff in demo mode only', async () => {
      const demoAgent = await createUser(t.db, { role: 'AGENT', totpExempt: true });
      const res = await inject({ method: 'POST', url: '/api/auth/login', payload: { email: demoAgent.email, password: PASSWORD } });
      expect(res.json<LoginResponse>().status).toBe('AUTHENTICATED');
      const production = await startTestApp('valDOise', { DEMO_MODE: 'false' });
      try {
        const agent = await createUser(production.db, { role: 'AGENT', totpExempt: true });
        const login = await production.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: agent.email, password: PASSWORD } });
        expect(login.json<LoginResponse>().status).toBe('TOTP_ENROLMENT_REQUIRED');
        expect((await production.app.inject({ method: 'GET', url: '/api/dev/mails' })).statusCode).toBe(404);
      } finally {
        await production.close();
      }
    });
  });
});
