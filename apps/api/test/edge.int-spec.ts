import { type Socket, connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { ApiError, DevMailDto, Page } from '@passerelle/shared/dto';
import { ACCOUNT_LIMIT, ADDRESS_LIMITS } from '../src/auth/sign-in-limits';
import { PASSWORD, createTeam, createUser, signIn } from './factories';
import { type TestApp, startTestApp } from './test-app';

type Inject = Parameters<TestApp['app']['inject']>[0];

const wrongLogin = (t: TestApp, email: string, headers: Record<string, string> = {}, remoteAddress?: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'pas le bon mot de passe' }, headers, remoteAddress });

const passwordReset = (t: TestApp, headers: Record<string, string>, remoteAddress?: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: anEmail() }, headers, remoteAddress });

const auditIps = async (t: TestApp, email: string): Promise<string[]> =>
  (await t.db.query(`SELECT ip FROM audit_event WHERE details->>'email' = $1`, [email])).map((r: { ip: string }) => r.ip);

const sessionIps = async (t: TestApp, userId: string): Promise<string[]> =>
  (await t.db.query(`SELECT ip FROM user_session WHERE user_id = $1`, [userId])).map((r: { ip: string }) => r.ip);

let unique = 0;
const anEmail = () => `inconnu-${++unique}-${Date.now()}@test.example`;

describe('HTTP edge, with no trusted proxy (production mode, limits on)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('valDOise', { NODE_ENV: 'production', RATE_LIMIT: 'true' });
  });
  afterAll(() => t.close());

  describe('client address', () => {
    it('keeps counting sign-in failures per real address whatever X-Forwarded-For says', async () => {
      const email = anEmail();
      const allowed = ADDRESS_LIMITS.perAccount.failures;
      // Below the account's own limit: only the per-address count can refuse.
      expect(allowed + 1).toBeLessThan(ACCOUNT_LIMIT.failures);
      const statuses: number[] = [];
      for (let i = 0; i <= allowed; i++) {
        statuses.push((await wrongLogin(t, email, { 'x-forwarded-for': `198.51.100.${i + 1}` }, '192.0.2.1')).statusCode);
      }
      expect(statuses).toEqual([...new Array(allowed).fill(401), 429]);
    });

    it('keeps counting password-reset requests per real address whatever X-Forwarded-For says', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push((await passwordReset(t, { 'x-forwarded-for': `198.51.100.${i + 1}` }, '192.0.2.2')).statusCode);
      }
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    });

    it('stores the socket address, not a forged one, in the audit log and the session list', async () => {
      const user = await createUser(t.db, { role: 'MAYOR', communeInsee: '95002' });
      // Another address than the one the previous test used up.
      const remoteAddress = '192.0.2.44';
      const failed = await wrongLogin(t, user.email, { 'x-forwarded-for': '198.51.100.200' }, remoteAddress);
      expect(failed.statusCode).toBe(401);
      const ok = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: PASSWORD },
        headers: { 'x-forwarded-for': '198.51.100.201' },
        remoteAddress,
      });
      expect(ok.statusCode).toBe(200);
      expect(await auditIps(t, user.email)).toEqual([remoteAddress]);
      expect(await sessionIps(t, user.id)).toEqual([remoteAddress]);
    });
  });

  describe('demo mail reader', () => {
    const mails = (options: Partial<Inject & object> = {}) => t.app.inject({ method: 'GET', url: '/api/dev/mails', ...options });

    it('answers a client on this machine', async () => {
      const local = await mails();
      expect(local.statusCode).toBe(200);
      expect(local.json<Page<DevMailDto>>()).toMatchObject({ items: expect.any(Array) });
      expect((await mails({ remoteAddress: '::1' })).statusCode).toBe(200);
    });

    it('is not found for a remote client, even one claiming to be local', async () => {
      const remote = await mails({ remoteAddress: '203.0.113.9' });
      expect(remote.statusCode).toBe(404);
      expect(remote.json<ApiError>().code).toBe('NOT_FOUND');
      expect((await mails({ remoteAddress: '203.0.113.9', headers: { 'x-forwarded-for': '127.0.0.1' } })).statusCode).toBe(404);
      // A proxy on this machine forwarding a remote client.
      expect((await mails({ headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode).toBe(404);
    });
  });
});

describe('HTTP edge, behind a trusted proxy on this machine (short timeouts)', () => {
  let t: TestApp;
  const timeouts = { headersMs: 500, requestMs: 1_500, idleMs: 1_000, keepAliveMs: 500, checkIntervalMs: 100 };

  beforeAll(async () => {
    t = await startTestApp('valDOise', { RATE_LIMIT: 'true', TRUST_PROXY: '127.0.0.1, ::1' }, { timeouts });
  });
  afterAll(() => t.close());

  describe('client address', () => {
    it('believes X-Forwarded-For from the listed proxy (IPv4 and IPv6), and only from it', async () => {
      const user = await createUser(t.db, { role: 'MAYOR', communeInsee: '95002' });
      await wrongLogin(t, user.email, { 'x-forwarded-for': '203.0.113.50, 198.51.100.1' });
      await wrongLogin(t, user.email, { 'x-forwarded-for': '2001:db8::7' }, '::1');
      await wrongLogin(t, user.email, { 'x-forwarded-for': '198.51.100.2' }, '192.0.2.9');
      // The rightmost address is the one the trusted proxy saw; what the client wrote before it is not believed.
      expect((await auditIps(t, user.email)).sort()).toEqual(['192.0.2.9', '198.51.100.1', '2001:db8::7']);
      const ok = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: PASSWORD },
        headers: { 'x-forwarded-for': '198.51.100.3' },
      });
      expect(ok.statusCode).toBe(200);
      expect(await sessionIps(t, user.id)).toEqual(['198.51.100.3']);
    });

    it('counts requests per forwarded client', async () => {
      for (let i = 0; i < 6; i++) {
        expect((await passwordReset(t, { 'x-forwarded-for': `198.51.100.${100 + i}` })).statusCode).toBe(202);
      }
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push((await passwordReset(t, { 'x-forwarded-for': '198.51.100.99' })).statusCode);
      }
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    });

    it('never opens the demo mail reader to a request that came through the proxy', async () => {
      expect((await t.app.inject({ method: 'GET', url: '/api/dev/mails', headers: { 'x-forwarded-for': '127.0.0.1' } })).statusCode).toBe(404);
    });
  });

  describe('slow clients', () => {
    let port: number;

    beforeAll(async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = (t.app.getHttpServer().address() as AddressInfo).port;
    });

    /** Milliseconds until the server closes the socket, or null if it is still open after `waitMs`. */
    function closedAfter(start: (socket: Socket) => void, waitMs = 5_000): Promise<number | null> {
      return new Promise((resolve) => {
        const socket = connect(port, '127.0.0.1');
        let started = 0;
        let timer: NodeJS.Timeout | undefined;
        const finish = (value: number | null) => {
          clearTimeout(giveUp);
          clearInterval(timer);
          socket.destroy();
          resolve(value);
        };
        const giveUp = setTimeout(() => finish(null), waitMs);
        socket.on('connect', () => {
          started = Date.now();
          start(socket);
          timer = (socket as Socket & { trickle?: NodeJS.Timeout }).trickle;
        });
        socket.on('data', () => undefined);
        socket.on('error', () => undefined);
        socket.on('close', () => finish(Date.now() - started));
      });
    }

    const trickle = (socket: Socket, chunk: string) => {
      (socket as Socket & { trickle?: NodeJS.Timeout }).trickle = setInterval(() => {
        if (!socket.destroyed) {
          socket.write(chunk);
        }
      }, 100);
    };

    it('closes a connection that trickles its headers', async () => {
      const elapsed = await closedAfter((socket) => {
        socket.write('GET /api/health HTTP/1.1\r\nHost: localhost\r\n');
        trickle(socket, 'X-Lent: a\r\n');
      });
      expect(elapsed).not.toBeNull();
      expect(elapsed).toBeLessThan(timeouts.headersMs + 1_000);
    });

    it('closes a connection that trickles its body', async () => {
      const elapsed = await closedAfter((socket) => {
        socket.write('POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{');
        trickle(socket, ' ');
      });
      expect(elapsed).not.toBeNull();
      expect(elapsed).toBeLessThan(timeouts.requestMs + 1_000);
    });

    it('closes a connection that sends nothing', async () => {
      const elapsed = await closedAfter(() => undefined);
      expect(elapsed).not.toBeNull();
      expect(elapsed).toBeLessThan(timeouts.idleMs + 1_000);
    });

    it('still serves a client that sends its request at once', async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(res.status).toBe(200);
    });
  });
});

describe('HTTP edge, input and caching', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('valDOise');
  });
  afterAll(() => t.close());

  const json = (url: string, body: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/json', ...headers } });

  describe('JSON bodies', () => {
    it('refuses a body with too many keys before transforming it, in French', async () => {
      const keys = Object.fromEntries(Array.from({ length: 80_000 }, (_, i) => [`k${i}`, 1]));
      const started = Date.now();
      const res = await json('/api/auth/login', JSON.stringify({ email: 'a@b.fr', password: 'x', ...keys }));
      expect(res.statusCode).toBe(400);
      expect(res.json<ApiError>()).toMatchObject({ code: 'BODY_TOO_COMPLEX', message: expect.stringMatching(/trop complexe/), requestId: expect.any(String) });
      // Loose bound for a shared machine; it used to take seconds.
      expect(Date.now() - started).toBeLessThan(1_500);
    });

    it('answers 400, not 500, to a body nested 10,000 levels deep', async () => {
      const res = await json('/api/auth/login', '['.repeat(10_000) + ']'.repeat(10_000));
      expect(res.statusCode).toBe(400);
      expect(res.json<ApiError>().code).toBe('BODY_TOO_COMPLEX');
    });

    it('still refuses malformed JSON and prototype keys as bad input', async () => {
      expect((await json('/api/auth/login', '{"email":')).statusCode).toBe(400);
      const proto = await json('/api/auth/login', '{"email":"a@b.fr","password":"x","__proto__":{"admin":true}}');
      expect(proto.statusCode).toBe(400);
      expect(Object.entries(proto.json<ApiError>().errors ?? {})).toEqual([['__proto__', 'Ce champ n’est pas accepté.']]);
    });

    it('caps the list of field errors', async () => {
      const keys = Object.fromEntries(Array.from({ length: 1_500 }, (_, i) => [`k${i}`, 1]));
      const res = await json('/api/auth/login', JSON.stringify({ email: 'a@b.fr', password: 'x', ...keys }));
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json<ApiError>().errors ?? {})).toHaveLength(50);
    });

    it('answers 415 to bodies that are not JSON (forms, plain text)', async () => {
      for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: 'email=a@b.fr&password=x', headers: { 'content-type': type } });
        expect(res.statusCode).toBe(415);
        expect(res.json<ApiError>().code).toBe('UNSUPPORTED_MEDIA_TYPE');
      }
    });
  });

  describe('control characters', () => {
    const refusedIn = async (res: { statusCode: number; json<T>(): T }, field: string) => {
      expect(res.statusCode).toBe(400);
      const body = res.json<ApiError>();
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.errors).toEqual({ [field]: expect.stringMatching(/caractère invisible non autorisé/) });
    };

    it('refuses NUL and other controls in a search, including on downloads', async () => {
      await refusedIn(await t.app.inject({ method: 'GET', url: '/api/public/projects?q=a%00b' }), 'q');
      await refusedIn(await t.app.inject({ method: 'GET', url: '/api/public/projects.csv?q=%00' }), 'q');
      await refusedIn(await t.app.inject({ method: 'GET', url: '/api/public/projects.geojson?departement=95&q=%01' }), 'q');
      await refusedIn(await t.app.inject({ method: 'GET', url: '/api/departements/95/communes?q=a%09b' }), 'q');
    });

    it('refuses them in a path parameter', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/public/projects/a%00b' });
      await refusedIn(res, 'slug');
      expect(res.headers['x-request-id']).toBe(res.json<ApiError>().requestId);
    });

    it('refuses them in a JSON body field of a write route, and keeps line breaks', async () => {
      const mayor = await createUser(t.db, { role: 'MAYOR', communeInsee: '95002' });
      const session = await signIn(t.app, mayor);
      const patch = (displayName: string) =>
        t.app.inject({ method: 'PATCH', url: '/api/me', headers: session.headers, payload: { displayName } });
      await refusedIn(await patch('Jeanne\u0000Dupont'), 'displayName');
      await refusedIn(await patch('Jeanne\u007fDupont'), 'displayName');
      expect((await patch('Jeanne Dupont')).statusCode).toBe(200);
    });
  });

  describe('caching', () => {
    it('marks signed-in answers no-store', async () => {
      const { mayor } = await createTeam(t.db, '95011', 1);
      const agent = await createUser(t.db, { role: 'AGENT', totpExempt: true });
      const mayorSession = await signIn(t.app, mayor);
      const agentSession = await signIn(t.app, agent);
      for (const [url, headers] of [
        ['/api/communes/95011/members', mayorSession.headers],
        ['/api/communes/95011/projects', mayorSession.headers],
        ['/api/publication/queue', agentSession.headers],
      ] as const) {
        const res = await t.app.inject({ method: 'GET', url, headers });
        expect(res.statusCode).toBe(200);
        expect(res.headers['cache-control']).toBe('no-store');
      }
    });

    it('keeps the revalidation of public answers', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/public/projects?departement=95' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, no-cache');
      expect(res.headers['etag']).toBeTruthy();
    });
  });
});
