import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { createApp } from '../src/http-app';
import { TerritoryImportService } from '../src/territory/import/territory-import.service';
import { type Session, createTeam, signIn } from './factories';
import { type EmbeddedProcess, startEmbeddedProcess } from './support/embedded-process';
import { testConfig } from './test-app';

/**
 * PostgreSQL goes away under a running API, then comes back. This file runs its OWN embedded server (the shared
 * one of the other test files is never stopped), in a process of its own, persistent so that it can restart on the
 * same port with the same data.
 */
describe('database outage', () => {
  let dir: string;
  let server: EmbeddedProcess;
  let app: NestFastifyApplication;
  let session: Session;
  const config = testConfig();

  const start = (port?: number) => startEmbeddedProcess(join(dir, 'postgres'), port);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'passerelle-outage-'));
    chmodSync(dir, 0o755);
    server = await start();
    const db = new DataSource({ ...dataSourceOptions(server.url), logging: ['error'] });
    await db.initialize();
    try {
      await db.runMigrations({ transaction: 'each' });
      await new TerritoryImportService(db).importDepartement('95');
    } finally {
      await db.destroy();
    }
    app = await createApp(config, server.url, { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const { mayor } = await createTeam(app.get(DataSource), '95002');
    session = await signIn(app, mayor);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(config.dataDir, { recursive: true, force: true });
  });

  const calls = () => ({
    publicRead: app.inject({ method: 'GET', url: '/api/public/projects' }),
    openDataExport: app.inject({ method: 'GET', url: '/api/public/projects.csv' }),
    signedInRead: app.inject({ method: 'GET', url: '/api/notifications/unread-count', headers: session.headers }),
    refresh: app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { passerelle_refresh: session.refreshCookie } }),
    login: app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'personne@test.example', password: 'un mot de passe quelconque' } }),
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After while PostgreSQL is down, keeps the session, and recovers by itself', async () => {
    const port = server.port;
    expect((await app.inject({ method: 'GET', url: '/api/notifications/unread-count', headers: session.headers })).statusCode).toBe(200);

    // Requests in flight while the server shuts down: each either made it before, or is refused as an outage.
    const inFlight = calls();
    await server.stop();
    for (const [name, pending] of Object.entries(inFlight)) {
      const res = await pending;
      const allowed = name === 'login' ? [401, 503] : [200, 503];
      expect({ name, status: allowed.includes(res.statusCode) ? 'ok' : res.statusCode }).toEqual({ name, status: 'ok' });
    }

    // Once it is down: every kind of route is an outage, answered quickly, never a 401 nor a sign-out.
    const began = Date.now();
    const down = calls();
    for (const [name, pending] of Object.entries(down)) {
      const res = await pending;
      expect({ name, status: res.statusCode }).toEqual({ name, status: 503 });
      expect(res.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: expect.stringMatching(/momentanément indisponible/) });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(Date.now() - began).toBeLessThan(5_000);
    const refreshed = await down.refresh;
    expect(refreshed.headers['set-cookie']).toBeUndefined();
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.headers['retry-after']).toBe('5');

    // Back on the same address: the same access token and refresh cookie work, without restarting the API.
    server = await start(port);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/notifications/unread-count', headers: session.headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/public/projects' })).statusCode).toBe(200);
    const again = await app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { passerelle_refresh: session.refreshCookie } });
    expect(again.statusCode).toBe(200);
  }, 60_000);
});
