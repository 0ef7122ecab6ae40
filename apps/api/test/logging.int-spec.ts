import { rmSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../src/http-app';
import { type Session, createTeam, signIn } from './factories';
import { testConfig } from './test-app';
import { type TestDatabase, createTestDatabase } from './test-database';

/** The log as an operator reads it: JSON lines from pino, one per request, nothing secret, nothing forged. */
describe('logs', () => {
  const written: string[] = [];
  const config = testConfig({ LOG_LEVEL: 'info' });
  let database: TestDatabase;
  let app: NestFastifyApplication;
  let mayor: { id: string };
  let session: Session;

  beforeAll(async () => {
    database = await createTestDatabase('valDOise');
    // No `logger` option: the level comes from LOG_LEVEL, as with `npm start`; the lines are captured here.
    app = await createApp(config, database.url, { logDestination: { write: (chunk: string) => void written.push(chunk) } });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const team = await createTeam(app.get(DataSource), '95002');
    mayor = team.mayor;
    session = await signIn(app, team.mayor);
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
    rmSync(config.dataDir, { recursive: true, force: true });
  });

  /** Every chunk is exactly one JSON object on one line. */
  const records = () =>
    written.map((chunk) => {
      expect(chunk.endsWith('\n')).toBe(true);
      expect(chunk.slice(0, -1)).not.toMatch(/[\r\n]/);
      return JSON.parse(chunk) as Record<string, unknown>;
    });

  it('writes one JSON line per request with its id, user, route pattern, status and duration', async () => {
    written.length = 0;
    const res = await app.inject({ method: 'GET', url: '/api/notifications/unread-count', headers: { ...session.headers, 'x-request-id': 'journal-test-0001' } });
    expect(res.statusCode).toBe(200);
    const lines = records().filter((r) => r['reqId'] === 'journal-test-0001');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'requête',
      userId: mayor.id,
      method: 'GET',
      route: '/api/notifications/unread-count',
      status: 200,
      durationMs: expect.any(Number),
    });
    expect(typeof lines[0]['time']).toBe('string');

    const anonymous = await app.inject({ method: 'GET', url: '/api/public/projects', headers: { 'x-request-id': 'journal-test-0002' } });
    expect(anonymous.statusCode).toBe(200);
    expect(records().find((r) => r['reqId'] === 'journal-test-0002')).toMatchObject({ userId: null, route: '/api/public/projects', status: 200 });
  });

  it('never logs a token, a cookie or the raw URL', async () => {
    written.length = 0;
    await app.inject({ method: 'GET', url: '/api/notifications/unsubscribe?token=jeton-secret-dans-l-adresse' });
    await app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { passerelle_refresh: 'cookie-secret-de-session' } });
    await app.inject({ method: 'GET', url: '/api/notifications/unread-count', headers: session.headers });
    await app.inject({ method: 'GET', url: '/api/nulle-part/jeton-secret-dans-le-chemin', headers: { 'x-request-id': 'journal-test-0404' } });
    const text = written.join('');
    expect(records().filter((r) => r['msg'] === 'requête')).toHaveLength(4);
    for (const secret of ['jeton-secret', 'cookie-secret', session.accessToken, 'Bearer', 'authorization', 'cookie', 'token=']) {
      expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
    }
    expect(records().find((r) => r['reqId'] === 'journal-test-0404')).toMatchObject({ route: null, method: 'GET', status: 404 });
  });

  it('keeps user text with CR/LF and terminal escapes inside one JSON line (Nest loggers go through pino)', async () => {
    written.length = 0;
    const subject = 'Fuite au lavoir\r\n{"level":30,"msg":"ligne forgée"}\u001b[31m rouge';
    new Logger('Courriel').log(`Courriel écrit : « ${subject} »`);
    const lines = records();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, context: 'Courriel', msg: `Courriel écrit : « ${subject} »` });
    expect(written[0]).toContain('\\r\\n');
    expect(written[0]).toContain('\\u001b[31m');
    expect(written[0]).not.toContain('\u001b');
  });
});
