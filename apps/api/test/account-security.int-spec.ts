import { Secret, TOTP } from 'otpauth';
import type { ApiError, DevMailDto, LoginResponse, MemberDto, Page, TeamDto, TotpSetupDto } from '@passerelle/shared/dto';
import { hashToken } from '../src/common/crypto/secret-box';
import { PASSWORD, type TestUser, createTeam, createUser, lastMailTo, signIn, tokenFromMail } from './factories';
import { type TestApp, startTestApp } from './test-app';

/** The stored key of a counter (see AttemptCounters): tests move windows and locks instead of waiting for them. */
const counterKey = (key: string) => hashToken(`attempts:${key}`);
const accountKey = (email: string) => counterKey(`login:account:${email}`);
const withoutRequestId = (body: ApiError) => ({ ...body, requestId: undefined });
/** Work done after the answer (links, mails) shows up shortly after it. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) {
      return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('never happened');
}
const codeFor = (secret: string, offsetSteps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

describe('Account security: limits per account, reset links, invitations, ids', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('valDOise');
  });
  afterAll(() => t.close());

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => t.app.inject(options);
  const login = (email: string, password: string, remoteAddress?: string) =>
    inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, ...(remoteAddress ? { remoteAddress } : {}) });
  const mailsTo = async (email: string): Promise<DevMailDto[]> =>
    (await inject({ method: 'GET', url: '/api/dev/mails?limit=100' })).json<Page<DevMailDto>>().items.filter((m) => m.to === email);
  const lockAccount = (email: string, minutes = 15) =>
    t.db.query(
      `INSERT INTO attempt_counter (key, hits, window_ends_at, locked_until) VALUES ($1, 10, now() + $2::interval, now() + $2::interval)
       ON CONFLICT (key) DO UPDATE SET hits = 10, window_ends_at = excluded.window_ends_at, locked_until = excluded.locked_until`,
      [accountKey(email), `${minutes} minutes`],
    );
  const setFailures = (email: string, hits: number) =>
    t.db.query(
      `INSERT INTO attempt_counter (key, hits, window_ends_at) VALUES ($1, $2, now() + interval '15 minutes')
       ON CONFLICT (key) DO UPDATE SET hits = $2, window_ends_at = excluded.window_ends_at, locked_until = NULL`,
      [accountKey(email), hits],
    );

  describe('failed sign-ins per account', () => {
    it('locks an account after 10 failures, even from many addresses at once; tells its owner; same answer for an unknown address', async () => {
      const user = await createUser(t.db, { role: 'MAYOR', communeInsee: '95002' });
      // 30 guesses in parallel, each from its own address: only 10 are checked.
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login(user.email, `essai numéro ${i}`, `198.51.100.${i + 1}`)));
      expect(answers.filter((a) => a.statusCode === 401)).toHaveLength(10);
      const refused = answers.filter((a) => a.statusCode === 429);
      expect(refused).toHaveLength(20);
      const body = refused[0].json<ApiError>();
      expect(body).toMatchObject({ code: 'LOGIN_LOCKED', message: expect.stringMatching(/^Trop de tentatives de connexion pour cette adresse électronique.*15 minutes.*Mot de passe oublié/) });
      expect(Number(refused[0].headers['retry-after'])).toBeGreaterThan(800);
      expect(Number(refused[0].headers['retry-after'])).toBeLessThanOrEqual(900);

      // Locked means locked: the right password waits too.
      const right = await login(user.email, PASSWORD, '203.0.113.9');
      expect(right.statusCode).toBe(429);
      expect(right.json<ApiError>().code).toBe('LOGIN_LOCKED');

      const events = await t.db.query(`SELECT actor_id, details FROM audit_event WHERE action = 'AUTH_ACCOUNT_LOCKED' AND actor_id = $1`, [user.id]);
      expect(events).toHaveLength(1);
      expect(events[0].details).toMatchObject({ email: user.email, failures: 10 });
      const mail = await lastMailTo(t.app, user.email);
      expect(mail.subject).toBe('Connexion à votre compte Passerelle suspendue');
      expect(mail.text).toMatch(/suspendue pendant 15 minutes/);
      expect(mail.text).toContain(`${t.config.publicUrl}/mot-de-passe-oublie`);

      // An address without an account: the same counts, the same answer, so a lock tells nobody who has an account.
      const stranger = `personne-${Date.now()}@nulle-part.example`;
      const strangerAnswers = await Promise.all(Array.from({ length: 30 }, (_, i) => login(stranger, `essai numéro ${i}`, `192.0.2.${i + 1}`)));
      expect(strangerAnswers.filter((a) => a.statusCode === 401)).toHaveLength(10);
      const strangerRefused = strangerAnswers.filter((a) => a.statusCode === 429);
      expect(strangerRefused).toHaveLength(20);
      expect(withoutRequestId(strangerRefused[0].json<ApiError>())).toEqual(withoutRequestId(body));
      expect(Number(strangerRefused[0].headers['retry-after'])).toBeGreaterThan(800);
      const [strangerEvent] = await t.db.query(`SELECT actor_id FROM audit_event WHERE action = 'AUTH_ACCOUNT_LOCKED' AND details->>'email' = $1`, [stranger]);
      expect(strangerEvent).toEqual({ actor_id: null });
      // The counters name nobody.
      const stored = await t.db.query(`SELECT key FROM attempt_counter`);
      expect(JSON.stringify(stored)).not.toContain(user.email);
    });

    it('ends the lock by itself: it expires, and attempts made meanwhile do not extend it', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95002' });
      await lockAccount(user.email, 1);
      expect((await login(user.email, PASSWORD)).statusCode).toBe(429);
      expect((await login(user.email, 'encore faux')).statusCode).toBe(429);
      const [row] = await t.db.query(`SELECT locked_until <= now() + interval '1 minute' AS unchanged FROM attempt_counter WHERE key = $1`, [accountKey(user.email)]);
      expect(row.unchanged).toBe(true);
      // The minute has passed.
      await t.db.query(`UPDATE attempt_counter SET locked_until = now() - interval '1 second', window_ends_at = now() - interval '1 second' WHERE key = $1`, [accountKey(user.email)]);
      expect((await login(user.email, PASSWORD)).statusCode).toBe(200);
    });

    it('lifts the lock when the owner resets the password', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95002' });
      await lockAccount(user.email);
      expect((await login(user.email, PASSWORD)).statusCode).toBe(429);
      expect((await inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } })).statusCode).toBe(202);
      const token = tokenFromMail(await lastMailTo(t.app, user.email), 'reinitialiser-mot-de-passe');
      const done = await inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'girouette pelouse chocolat 58' } });
      expect(done.statusCode).toBe(204);
      expect((await login(user.email, 'girouette pelouse chocolat 58')).statusCode).toBe(200);
    });

    it('forgets the failures after a successful sign-in', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95002' });
      await setFailures(user.email, 2);
      expect((await login(user.email, PASSWORD)).statusCode).toBe(200);
      const rows = await t.db.query(`SELECT hits FROM attempt_counter WHERE key = $1`, [accountKey(user.email)]);
      expect(rows).toEqual([]);
    });

    it('slows down guesses once an account has failures, without holding up other requests', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95002' });
      await setFailures(user.email, 8);
      const started = Date.now();
      const guess = login(user.email, 'toujours faux');
      // Meanwhile the API answers others at once: the delay is an awaited timer, not a blocked thread.
      const otherStarted = Date.now();
      const other = await inject({ method: 'GET', url: '/api/health' });
      expect(other.statusCode).toBe(200);
      expect(Date.now() - otherStarted).toBeLessThan(1_000);
      expect((await guess).statusCode).toBe(401);
      expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
    });
  });

  describe('second-factor challenges', () => {
    let mayor: TestUser;
    let secret: string;

    beforeAll(async () => {
      mayor = await createUser(t.db, { role: 'MAYOR', communeInsee: '95625' });
      const session = await signIn(t.app, mayor);
      secret = (await inject({ method: 'POST', url: '/api/me/totp/setup', headers: session.headers })).json<TotpSetupDto>().secret;
      const confirmed = await inject({ method: 'POST', url: '/api/me/totp/confirm', headers: session.headers, payload: { code: codeFor(secret) } });
      expect(confirmed.statusCode).toBe(200);
    });

    const challenge = async (): Promise<string> => {
      const res = (await login(mayor.email, PASSWORD)).json<LoginResponse>();
      if (res.status !== 'TOTP_REQUIRED') {
        throw new Error(`expected a second-factor step, got ${res.status}`);
      }
      return res.challengeToken;
    };
    const answer = (challengeToken: string, code: string) => inject({ method: 'POST', url: '/api/auth/login/totp', payload: { challengeToken, code } });

    it('dies after 5 wrong codes: even the right code then asks to sign in again', async () => {
      const token = await challenge();
      for (const code of ['000001', '000002', '000003', '000004', '000005']) {
        const wrong = await answer(token, code);
        expect(wrong.statusCode).toBe(401);
        expect(wrong.json<ApiError>().code).toBe('TOTP_INVALID');
      }
      const dead = await answer(token, codeFor(secret, 1));
      expect(dead.statusCode).toBe(401);
      expect(dead.json<ApiError>().code).toBe('CHALLENGE_EXPIRED');
      // A new challenge (the password again) works.
      expect((await answer(await challenge(), codeFor(secret, 1))).statusCode).toBe(200);
    });

    it('counts wrong codes against the account: the 10th failure locks it', async () => {
      const token = await challenge();
      await setFailures(mayor.email, 9);
      expect((await answer(token, '000009')).statusCode).toBe(401);
      const next = await answer(token, codeFor(secret, 1));
      expect(next.statusCode).toBe(429);
      expect(next.json<ApiError>().code).toBe('LOGIN_LOCKED');
      expect((await login(mayor.email, PASSWORD)).statusCode).toBe(429);
      const [event] = await t.db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'AUTH_ACCOUNT_LOCKED' AND actor_id = $1`, [mayor.id]);
      expect(event.n).toBe(1);
    });
  });

  describe('password reset', () => {
    const ask = (email: string) => inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } });
    const confirm = (token: string, password = 'girouette pelouse chocolat 58') =>
      inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password } });
    const links = async (userId: string): Promise<number> => (await t.db.query(`SELECT count(*)::int AS n FROM password_reset WHERE user_id = $1`, [userId]))[0].n;

    it('answers before doing the work: a slow database does not slow the answer', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95150' });
      const blocker = t.db.createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      try {
        // Nobody can write a link while this transaction lasts.
        await blocker.query(`LOCK TABLE password_reset IN SHARE MODE`);
        const answered = await Promise.race([ask(user.email), new Promise<'waited'>((r) => setTimeout(() => r('waited'), 2_000))]);
        expect(answered).not.toBe('waited');
        expect(answered !== 'waited' && answered.statusCode).toBe(202);
        expect(await links(user.id)).toBe(0);
      } finally {
        await blocker.rollbackTransaction();
        await blocker.release();
      }
      // The work goes on once the database lets it.
      await until(async () => (await links(user.id)) === 1);
      expect(tokenFromMail(await lastMailTo(t.app, user.email), 'reinitialiser-mot-de-passe')).toBeTruthy();
    });

    it('sends at most 3 links per address and hour, answering every request the same', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95150' });
      const answers = [];
      for (let i = 0; i < 5; i++) {
        answers.push(await ask(user.email));
      }
      expect(answers.map((a) => [a.statusCode, a.body])).toEqual(Array(5).fill([202, '']));
      await until(async () => (await links(user.id)) === 3);
      await new Promise((r) => setTimeout(r, 200));
      expect(await links(user.id)).toBe(3);
    });

    it('a newer link makes older ones useless', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95150' });
      await ask(user.email);
      const older = tokenFromMail(await lastMailTo(t.app, user.email), 'reinitialiser-mot-de-passe');
      await ask(user.email);
      await until(async () => (await mailsTo(user.email)).length === 2);
      const newer = tokenFromMail(await lastMailTo(t.app, user.email), 'reinitialiser-mot-de-passe');
      expect(newer).not.toBe(older);
      expect((await confirm(older)).statusCode).toBe(404);
      expect((await confirm(newer)).statusCode).toBe(204);
    });

    it('a password change on the account page makes pending links useless', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95150' });
      await ask(user.email);
      const token = tokenFromMail(await lastMailTo(t.app, user.email), 'reinitialiser-mot-de-passe');
      const session = await signIn(t.app, user);
      const changed = await inject({ method: 'POST', url: '/api/me/password', headers: session.headers, payload: { currentPassword: PASSWORD, newPassword: 'écluse hérisson 1987 violon' } });
      expect(changed.statusCode).toBe(204);
      const res = await confirm(token);
      expect(res.statusCode).toBe(404);
      expect(res.json<ApiError>().code).toBe('TOKEN_INVALID');
    });

    it('a reset ends every session of the account: access and refresh tokens alike', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95150' });
      const laptop = await signIn(t.app, user);
      const phone = await signIn(t.app, user);
      await ask(user.email);
      expect((await confirm(tokenFromMail(await lastMailTo(t.app, user.email), 'reinitialiser-mot-de-passe'))).statusCode).toBe(204);
      for (const session of [laptop, phone]) {
        expect((await inject({ method: 'GET', url: '/api/me', headers: session.headers })).statusCode).toBe(401);
        expect((await inject({ method: 'POST', url: '/api/auth/refresh', cookies: { passerelle_refresh: session.refreshCookie } })).statusCode).toBe(401);
      }
      const open = await t.db.query(`SELECT count(*)::int AS n FROM user_session WHERE user_id = $1 AND revoked_at IS NULL`, [user.id]);
      expect(open[0].n).toBe(0);
    });
  });

  describe('invitations', () => {
    const invite = (headers: Record<string, string>, insee: string, email: string) =>
      inject({ method: 'POST', url: `/api/communes/${insee}/invitations`, headers, payload: { email, role: 'COLLABORATOR' } });
    const resend = (headers: Record<string, string>, insee: string, id: string) => inject({ method: 'POST', url: `/api/communes/${insee}/invitations/${id}/resend`, headers });

    it('limits the mails to one address: the 4th within the hour is refused, in French, with Retry-After', async () => {
      const { mayor } = await createTeam(t.db, '95584');
      const session = await signIn(t.app, mayor);
      const created = await invite(session.headers, '95584', 'relance@santeuil.example');
      expect(created.statusCode).toBe(201);
      const id = created.json<MemberDto>().id;
      expect((await resend(session.headers, '95584', id)).statusCode).toBe(200);
      expect((await resend(session.headers, '95584', id)).statusCode).toBe(200);
      const refused = await resend(session.headers, '95584', id);
      expect(refused.statusCode).toBe(429);
      expect(refused.json<ApiError>()).toMatchObject({ code: 'INVITATION_MAIL_LIMIT', message: expect.stringMatching(/^Cette adresse électronique a déjà reçu plusieurs invitations/) });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
      await until(async () => (await mailsTo('relance@santeuil.example')).length >= 3);
      await new Promise((r) => setTimeout(r, 100));
      expect(await mailsTo('relance@santeuil.example')).toHaveLength(3);
    });

    it('answers an address that has an account in another commune like any other, and mails it why it cannot join', async () => {
      const elsewhere = await createTeam(t.db, '95446');
      const { mayor } = await createTeam(t.db, '95610');
      const session = await signIn(t.app, mayor);
      const unknown = await invite(session.headers, '95610', `inconnu-${Date.now()}@example.example`);
      const taken = await invite(session.headers, '95610', elsewhere.mayor.email);
      expect(taken.statusCode).toBe(201);
      const shape = (m: MemberDto) => Object.keys(m).sort();
      expect(shape(taken.json<MemberDto>())).toEqual(shape(unknown.json<MemberDto>()));
      expect(taken.json<MemberDto>()).toMatchObject({ status: 'PENDING', email: elsewhere.mayor.email, role: 'COLLABORATOR' });

      const mail = await lastMailTo(t.app, elsewhere.mayor.email);
      expect(mail.subject).toBe('Invitation à Passerelle : vous avez déjà un compte');
      expect(mail.text).toMatch(/déjà celle d’un compte Passerelle/);
      expect(mail.text).not.toMatch(/\/invitation\//);
      // Their account is untouched.
      expect((await login(elsewhere.mayor.email, PASSWORD)).json<LoginResponse>().status).toBe('AUTHENTICATED');
    });

    it('invites an address another commune has invited too, without saying so; the first accepted wins', async () => {
      const first = await createTeam(t.db, '95011');
      const second = await createTeam(t.db, '95012');
      const [firstSession, secondSession] = await Promise.all([signIn(t.app, first.mayor), signIn(t.app, second.mayor)]);
      const email = `courtisee-${Date.now()}@example.example`;
      expect((await invite(firstSession.headers, '95011', email)).statusCode).toBe(201);
      const firstToken = tokenFromMail(await lastMailTo(t.app, email), 'invitation');
      const again = await invite(secondSession.headers, '95012', email);
      expect(again.statusCode).toBe(201);
      expect(again.json<MemberDto>()).toMatchObject({ status: 'PENDING', email });
      const secondToken = tokenFromMail(await lastMailTo(t.app, email), 'invitation');
      // Inviting twice into the same commune is still refused: that commune sees its own pending invitation.
      expect((await invite(secondSession.headers, '95012', email)).json<ApiError>().code).toBe('ALREADY_INVITED');

      const accept = (token: string) =>
        inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { displayName: 'Élue Courtisée', password: PASSWORD } });
      expect((await accept(secondToken)).statusCode).toBe(204);
      const late = await accept(firstToken);
      expect(late.statusCode).toBe(409);
      expect(late.json<ApiError>().code).toBe('ALREADY_MEMBER');
    });

    it('gives an expired invitation its seat back only if one is free, under concurrency', async () => {
      const { mayor } = await createTeam(t.db, '95024', 2);
      const session = await signIn(t.app, mayor);
      // Two invitations sent long ago, expired: their seats were given back; one seat is free.
      const expired: string[] = [];
      for (const email of ['ancienne-1@arthies.example', 'ancienne-2@arthies.example']) {
        const [row] = await t.db.query(
          `INSERT INTO invitation (token_hash, email, role, departement_code, commune_insee, invited_by, created_at, expires_at)
           VALUES ($1, $2, 'COLLABORATOR', '95', '95024', $3, now() - interval '10 days', now() - interval '3 days') RETURNING id`,
          [hashToken(email), email, mayor.id],
        );
        expired.push(row.id);
      }
      const answers = await Promise.all([resend(session.headers, '95024', expired[0]), resend(session.headers, '95024', expired[1]), invite(session.headers, '95024', 'nouvelle@arthies.example')]);
      expect(answers.filter((a) => a.statusCode === 200 || a.statusCode === 201)).toHaveLength(1);
      const refused = answers.filter((a) => a.statusCode === 409);
      expect(refused).toHaveLength(2);
      expect(refused.map((a) => a.json<ApiError>().code)).toEqual(['NO_FREE_SEAT', 'NO_FREE_SEAT']);
      const team = (await inject({ method: 'GET', url: '/api/communes/95024/members', headers: session.headers })).json<TeamDto>();
      expect(team.seats).toEqual({ total: 4, used: 4, free: 0 });
    });
  });

  describe('ids in the path', () => {
    it('reads an id written in capitals as the same id: an admin cannot disable themself that way', async () => {
      const admin = await createUser(t.db, { role: 'ADMIN', totpExempt: true });
      const session = await signIn(t.app, admin);
      for (const id of [admin.id, admin.id.toUpperCase()]) {
        const res = await inject({ method: 'DELETE', url: `/api/departements/95/agents/${id}`, headers: session.headers });
        expect(res.statusCode).toBe(409);
        expect(res.json<ApiError>().code).toBe('CANNOT_DISABLE_SELF');
      }
      expect((await inject({ method: 'GET', url: '/api/me', headers: session.headers })).statusCode).toBe(200);
      // Another agent's id in capitals is that agent.
      const agent = await createUser(t.db, { role: 'AGENT', totpExempt: true });
      expect((await inject({ method: 'DELETE', url: `/api/departements/95/agents/${agent.id.toUpperCase()}`, headers: session.headers })).statusCode).toBe(204);
      const [row] = await t.db.query(`SELECT state FROM app_user WHERE id = $1`, [agent.id]);
      expect(row.state).toBe('DISABLED');
    });
  });

  describe('per client address (rate limits on)', () => {
    let limited: TestApp;

    beforeAll(async () => {
      limited = await startTestApp('valDOise', { RATE_LIMIT: 'true' });
    });
    afterAll(() => limited.close());

    const attempt = (email: string, password: string, remoteAddress = '203.0.113.50') =>
      limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });

    it('lets a whole office sign in from one address: successes are not counted', async () => {
      const users = await Promise.all(Array.from({ length: 15 }, () => createUser(limited.db, { role: 'COLLABORATOR', communeInsee: '95002' })));
      const codes = [];
      for (const user of users) {
        codes.push((await attempt(user.email, PASSWORD)).statusCode);
      }
      expect(codes).toEqual(Array(15).fill(200));
    });

    it('stops the 6th failure for one account from one address, not that account from elsewhere', async () => {
      const user = await createUser(limited.db, { role: 'COLLABORATOR', communeInsee: '95002' });
      const codes = [];
      for (let i = 0; i < 5; i++) {
        codes.push((await attempt(user.email, `faux ${i}`, '203.0.113.60')).statusCode);
      }
      expect(codes).toEqual(Array(5).fill(401));
      const sixth = await attempt(user.email, PASSWORD, '203.0.113.60');
      expect(sixth.statusCode).toBe(429);
      expect(sixth.json<ApiError>()).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: expect.stringMatching(/^Trop de tentatives de connexion depuis votre réseau/) });
      expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
      expect((await attempt(user.email, PASSWORD, '203.0.113.61')).statusCode).toBe(200);
    });

    it('counts signed-in writes per account: a colleague on the same address keeps writing', async () => {
      const [busy, colleague] = await Promise.all([
        createUser(limited.db, { role: 'COLLABORATOR', communeInsee: '95002' }),
        createUser(limited.db, { role: 'COLLABORATOR', communeInsee: '95002' }),
      ]);
      const office = '203.0.113.80';
      const sessionOf = async (user: TestUser) => {
        const res = await attempt(user.email, PASSWORD, office);
        return { authorization: `Bearer ${res.json<{ accessToken: string }>().accessToken}` };
      };
      const [busyHeaders, colleagueHeaders] = await Promise.all([sessionOf(busy), sessionOf(colleague)]);
      const write = (headers: { authorization: string }) =>
        limited.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers, remoteAddress: office });
      const codes: number[] = [];
      for (let i = 0; i < 121; i++) {
        codes.push((await write(busyHeaders)).statusCode);
      }
      expect(codes.slice(0, 120).every((c) => c < 300)).toBe(true);
      expect(codes[120]).toBe(429);
      expect((await write(colleagueHeaders)).statusCode).toBeLessThan(300);
      // A forged token does not borrow someone's allowance: it counts against the address, and is refused anyway.
      const forged = await write({ authorization: 'Bearer e30.e30.x' });
      expect(forged.statusCode).toBe(401);
    });

    it('caps failures from one address for all accounts together, more loosely', async () => {
      const address = '203.0.113.70';
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt(`inconnu-${i}@reseau.example`, 'mauvais', address)));
      expect(answers.every((a) => a.statusCode === 401)).toBe(true);
      const next = await attempt('encore-un@reseau.example', 'mauvais', address);
      expect(next.statusCode).toBe(429);
      expect(next.json<ApiError>().code).toBe('TOO_MANY_ATTEMPTS');
    });
  });
});
