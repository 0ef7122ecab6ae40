import type { ApiError, HealthDto } from '@passerelle/shared/dto';
import { type TestApp, startTestApp } from './test-app';

describe('HTTP layer', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('empty');
  });
  afterAll(() => t.close());

  it('reports the database in /api/health', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json<HealthDto>()).toMatchObject({ status: 'ok', database: 'up', details: { mail: { pending: 0, failed: 0 } } });
  });

  it('answers 503 quickly while the database is unreachable, and recovers by itself', async () => {
    const admin = await t.database.admin();
    const name = t.database.name.replace(/"/g, '""');
    try {
      await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [t.database.name]);

      const started = Date.now();
      const down = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(down.statusCode).toBe(503);
      expect(down.json<HealthDto>()).toMatchObject({ status: 'error', database: 'down', details: { mail: null } });
    } finally {
      await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    // By itself, but not necessarily on the very next request: the pool reconnects within the health check's budget
    // on a quiet machine, a little later on a busy one.
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      status = (await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode;
      if (status !== 200) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    expect(status).toBe(200);
  });

  it('answers unknown API routes with a French 404 body and a correlation id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nulle-part' });
    expect(res.statusCode).toBe(404);
    const body = res.json<ApiError>();
    expect(body).toEqual({ code: 'NOT_FOUND', message: 'Cette adresse n’existe pas.', requestId: expect.any(String) });
    expect(res.headers['x-request-id']).toBe(body.requestId);
  });

  it('keeps a sane correlation id given by a proxy, and replaces a strange one', async () => {
    const kept = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'proxy-1234abcd' } });
    expect(kept.headers['x-request-id']).toBe('proxy-1234abcd');
    const replaced = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': '<script>' } });
    expect(replaced.headers['x-request-id']).not.toBe('<script>');
  });

  it('sends the security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('publishes the OpenAPI document with the territory routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/departements', '/api/departements/{code}/communes', '/api/communes/{insee}']),
    );
  });

  it('answers a conditional request with 304 when nothing changed', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/config' });
    const etag = first.headers['etag'];
    expect(etag).toBeTruthy();
    const second = await t.app.inject({ method: 'GET', url: '/api/config', headers: { 'if-none-match': String(etag) } });
    expect(second.statusCode).toBe(304);
  });
});
