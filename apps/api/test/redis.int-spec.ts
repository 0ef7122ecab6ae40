import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import type { ApiError, DepartementDetailDto, Page, PublicationDto, PublicationPreviewDto, ProjectDto, PublicProjectSummaryDto } from '@passerelle/shared/dto';
import { AttemptCounters, type PostgresAttemptCounters } from '../src/auth/attempt-counters';
import { RedisAttemptCounters } from '../src/auth/attempt-counters.redis';
import { ClusterBus } from '../src/cluster/cluster-bus';
import { RedisClusterBus } from '../src/cluster/redis-cluster-bus';
import { RedisConnection } from '../src/cluster/redis-connection';
import { hashToken } from '../src/common/crypto/secret-box';
import { createApp } from '../src/http-app';
import { TerritoryImportService } from '../src/territory/import/territory-import.service';
import { createTeam, createUser, signIn } from './factories';
import { startRedisServer, type TestRedis } from './support/redis-server';
import { type TestApp, startTestApp, testConfig } from './test-app';

/** Work that crosses instances (a bus message) shows up shortly after it. */
async function until(check: () => Promise<boolean>, what: string, tries = 150): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) {
      return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`never happened: ${what}`);
}

/**
 * Two API instances on the same PostgreSQL and the same Redis, as behind a load balancer: limits, counters, the
 * bus and cache invalidation hold across them.
 */
describe('Two instances sharing Redis', () => {
  let redis: TestRedis;
  let a: TestApp;
  let b: NestFastifyApplication;
  let bOpen = false;
  let bDataDir: string;
  let inspect: Redis;

  beforeAll(async () => {
    redis = await startRedisServer();
    // Both instances sign the same tokens, as a real deployment's do.
    const env = {
      REDIS_URL: redis.url,
      RATE_LIMIT: 'true',
      JWT_ACCESS_SECRET: randomBytes(32).toString('hex'),
      JWT_REFRESH_SECRET: randomBytes(32).toString('hex'),
      ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    };
    a = await startTestApp('valDOise', env);
    const config = testConfig(env);
    bDataDir = config.dataDir;
    b = await createApp(config, a.database.url, { logger: ['error'] });
    await b.init();
    await b.getHttpAdapter().getInstance().ready();
    bOpen = true;
    inspect = new Redis(redis.url);
  });
  afterAll(async () => {
    inspect?.disconnect();
    if (bOpen) {
      await b.close();
    }
    await a?.close();
    rmSync(bDataDir, { recursive: true, force: true });
    await redis?.stop();
  });

  it('uses Redis for the bus and the counters when REDIS_URL is set', () => {
    expect(a.app.get(ClusterBus)).toBeInstanceOf(RedisClusterBus);
    expect(b.get(ClusterBus)).toBeInstanceOf(RedisClusterBus);
    expect(a.app.get(AttemptCounters)).toBeInstanceOf(RedisAttemptCounters);
  });

  it('counts sign-in failures spread over both instances together: the 10th locks the account everywhere', async () => {
    const user = await createUser(a.db, { role: 'COLLABORATOR', communeInsee: '95011' });
    const login = (app: NestFastifyApplication, password: string, remoteAddress: string) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password }, remoteAddress });
    // 30 guesses in parallel, alternating instances, each from its own address: only 10 are checked.
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login(i % 2 ? b : a.app, `essai numéro ${i}`, `198.51.100.${i + 1}`)));
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(10);
    const refused = answers.filter((r) => r.statusCode === 429);
    expect(refused).toHaveLength(20);
    expect(refused.every((r) => r.json<ApiError>().code === 'LOGIN_LOCKED')).toBe(true);
    // Locked on both, the right password included.
    for (const app of [a.app, b]) {
      const right = await login(app, user.password, '203.0.113.9');
      expect(right.statusCode).toBe(429);
      expect(Number(right.headers['retry-after'])).toBeGreaterThan(800);
    }
    // The count is in Redis, not in PostgreSQL.
    const key = hashToken(`attempts:login:account:${user.email}`);
    expect(await inspect.hgetall(`passerelle:attempts:${key}`)).toEqual({ hits: expect.any(String), locked: '1' });
    expect(await a.db.query(`SELECT 1 FROM attempt_counter WHERE key = $1`, [key])).toHaveLength(0);
  });

  it('keeps a count made inside a transaction in PostgreSQL, where a rollback undoes it', async () => {
    const counters = a.app.get(AttemptCounters);
    const stored = hashToken('attempts:test:in-transaction');
    await a.db
      .transaction(async (tx) => {
        expect((await counters.hit('test:in-transaction', 60, tx)).hits).toBe(1);
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(await a.db.query(`SELECT 1 FROM attempt_counter WHERE key = $1`, [stored])).toHaveLength(0);
    await a.db.transaction((tx) => counters.hit('test:in-transaction', 60, tx));
    expect(await a.db.query(`SELECT hits FROM attempt_counter WHERE key = $1`, [stored])).toEqual([{ hits: 1 }]);
    expect(await inspect.exists(`passerelle:attempts:${stored}`)).toBe(0);
  });

  it('shares a route’s throttle limit: 5 reset requests an address, wherever they land', async () => {
    const reset = (app: NestFastifyApplication, i: number) =>
      app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: `inconnu-${i}@reseau.example` }, remoteAddress: '203.0.113.120' });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push((await reset(i % 2 ? b : a.app, i)).statusCode);
    }
    expect(codes.slice(0, 5).every((c) => c < 300)).toBe(true);
    expect(codes[5]).toBe(429);
    // Another address is not affected.
    expect((await a.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'autre@reseau.example' }, remoteAddress: '203.0.113.121' })).statusCode).toBeLessThan(300);
  });

  it('delivers a bus message published on A to the subscribers of both instances, once each', async () => {
    const onA: unknown[] = [];
    const onB: unknown[] = [];
    const stopA = a.app.get(ClusterBus).subscribe('test.cluster', (m) => onA.push(m));
    const stopB = b.get(ClusterBus).subscribe('test.cluster', (m) => onB.push(m));
    await Promise.all([(a.app.get(ClusterBus) as RedisClusterBus).ready(), (b.get(ClusterBus) as RedisClusterBus).ready()]);
    await a.app.get(ClusterBus).publish('test.cluster', { kind: 'bonjour', ids: ['1'] });
    await until(async () => onA.length === 1 && onB.length === 1, 'message on both instances');
    expect(onB).toEqual([{ kind: 'bonjour', ids: ['1'] }]);
    stopB();
    await a.app.get(ClusterBus).publish('test.cluster', { kind: 'encore' });
    await until(async () => onA.length === 2, 'second message on A');
    await new Promise((r) => setTimeout(r, 50));
    expect(onA).toEqual([{ kind: 'bonjour', ids: ['1'] }, { kind: 'encore' }]);
    expect(onB).toHaveLength(1);
    stopA();
  });

  it('drops the territory cache of B when A imports the département', async () => {
    const threshold = async () => (await b.inject({ method: 'GET', url: '/api/departements/95' })).json<DepartementDetailDto>().eligibilityThreshold;
    const before = await threshold();
    await a.db.query(`UPDATE departement SET eligibility_threshold = $1 WHERE code = '95'`, [before + 1]);
    // B keeps its answer (the cache is real)…
    expect(await threshold()).toBe(before);
    // …until an import through A tells every instance.
    await a.app.get(TerritoryImportService).importDepartement('95');
    await until(async () => (await threshold()) === before + 1, 'B reads the new threshold');
  });

  it('shows on B a publication approved through A at once, and hides it at once when withdrawn (no kept page)', async () => {
    const team = await createTeam(a.db, '95002', 1);
    const [mayor, collaborator, agent] = await Promise.all([
      signIn(a.app, team.mayor),
      signIn(a.app, team.collaborators[0]),
      signIn(a.app, await createUser(a.db, { role: 'AGENT', totpExempt: true })),
    ]);
    const title = `Lavoir de la grappe ${randomBytes(3).toString('hex')}`;
    const search = async () =>
      (await b.inject({ method: 'GET', url: `/api/public/projects?q=${encodeURIComponent(title)}` })).json<Page<PublicProjectSummaryDto>>().items.map((p) => p.title);
    const project = (
      await a.app.inject({
        method: 'POST',
        url: '/api/communes/95002/projects',
        headers: collaborator.headers,
        payload: {
          title,
          summary: 'Toiture et bassins refaits avec les bénévoles.',
          theme: 'CULTURE_PATRIMOINE',
          status: 'COMPLETED',
          startDate: '2025-03-01',
          endDate: '2025-09-15',
          location: { lat: 49.09, lng: 1.98, address: null },
          finalCostCents: 2_180_000,
        },
      })
    ).json<ProjectDto>();
    expect(project).toMatchObject({ id: expect.any(String) });
    // B has answered this search before: its kept answer must not survive the publication.
    expect(await search()).toEqual([]);
    const request = await a.app.inject({ method: 'POST', url: `/api/projects/${project.id}/publication`, headers: mayor.headers, payload: { action: 'request', choices: { documentIds: [], showFunding: true } } });
    expect(request.statusCode).toBe(200);
    const { version } = (await a.app.inject({ method: 'GET', url: `/api/projects/${project.id}/publication/preview`, headers: agent.headers })).json<PublicationPreviewDto>();
    const approved = await a.app.inject({ method: 'POST', url: `/api/projects/${project.id}/publication`, headers: agent.headers, payload: { action: 'approve', version } });
    expect(approved.json<PublicationDto>().state).toBe('PUBLISHED');
    expect(await search()).toEqual([title]);
    const withdrawn = await a.app.inject({ method: 'POST', url: `/api/projects/${project.id}/publication`, headers: mayor.headers, payload: { action: 'withdraw' } });
    expect(withdrawn.json<PublicationDto>().state).toBe('PRIVATE');
    expect(await search()).toEqual([]);
  });

  it('answers 503 quickly while Redis is away (never a wrong password), and recovers by itself when it is back', async () => {
    const user = await createUser(a.db, { role: 'COLLABORATOR', communeInsee: '95011' });
    const login = () => b.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password }, remoteAddress: '203.0.113.130' });
    const reset = () => a.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email }, remoteAddress: '203.0.113.130' });
    await redis.stop();
    const started = Date.now();
    const [signIn, resetWhileDown] = await Promise.all([login(), reset()]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(signIn.statusCode).toBe(503);
    expect(signIn.json<ApiError>().code).toBe('UNAVAILABLE');
    expect(resetWhileDown.statusCode).toBe(503);
    await redis.start();
    await until(async () => (await login()).statusCode === 200, 'sign-in through B works again', 500);
    await until(async () => (await reset()).statusCode < 300, 'writes through A accepted again', 500);
  });

  it('closes its Redis connections when the application closes', async () => {
    const ours = async () => ((await inspect.client('LIST')) as string).split('\n').filter((line) => / name=passerelle-/.test(line)).length;
    await until(async () => (await ours()) === 4, 'both instances connected');
    bOpen = false;
    await b.close();
    await until(async () => (await ours()) === 2, 'B’s two connections closed');
  });
});

describe('Redis engines on their own', () => {
  let redis: TestRedis;
  let connection: RedisConnection;

  beforeAll(async () => {
    redis = await startRedisServer();
    connection = new RedisConnection(redis.url);
  });
  afterAll(async () => {
    await connection?.close();
    await redis?.stop();
  });

  describe('attempt counters', () => {
    // Only the transactional path reaches PostgreSQL; these tests never take it.
    const counters = () => new RedisAttemptCounters(connection, null as unknown as PostgresAttemptCounters);
    let n = 0;
    const fresh = () => `test:${++n}:${randomBytes(3).toString('hex')}`;

    it('counts in a fixed window, peeks without counting, refunds down to zero, forgets on clear', async () => {
      const c = counters();
      const key = fresh();
      expect(await c.peek(key)).toEqual({ hits: 0, lockedForSeconds: 0, resetsInSeconds: 0 });
      expect(await c.hit(key, 900)).toEqual({ hits: 1, lockedForSeconds: 0, resetsInSeconds: 900 });
      expect((await c.hit(key, 900)).hits).toBe(2);
      expect(await c.peek(key)).toMatchObject({ hits: 2, lockedForSeconds: 0 });
      await c.refund(key);
      await c.refund(key);
      await c.refund(key);
      expect((await c.peek(key)).hits).toBe(0);
      expect((await c.peek(key)).resetsInSeconds).toBeGreaterThan(0);
      await c.clear(key);
      expect(await c.peek(key)).toEqual({ hits: 0, lockedForSeconds: 0, resetsInSeconds: 0 });
    });

    it('gives concurrent attempts distinct, increasing counts', async () => {
      const c = counters();
      const key = fresh();
      const hits = (await Promise.all(Array.from({ length: 50 }, () => c.hit(key, 60)))).map((s) => s.hits);
      expect(hits.sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    });

    it('starts again at 1 once the window has ended', async () => {
      const c = counters();
      const key = fresh();
      await c.hit(key, 1);
      await c.hit(key, 1);
      await new Promise((r) => setTimeout(r, 1_100));
      expect((await c.hit(key, 1)).hits).toBe(1);
    });

    it('locks once: the lock ends the window, attempts meanwhile do not extend it, then the count starts from zero', async () => {
      const c = counters();
      const key = fresh();
      expect(await c.lock(key, 900)).toBe(false);
      await c.hit(key, 900);
      expect(await c.lock(key, 1)).toBe(true);
      expect(await c.lock(key, 900)).toBe(false);
      const during = await c.hit(key, 900);
      expect(during).toMatchObject({ hits: 2, lockedForSeconds: 1, resetsInSeconds: 1 });
      expect((await c.peek(key)).lockedForSeconds).toBe(1);
      await new Promise((r) => setTimeout(r, 1_100));
      expect(await c.peek(key)).toEqual({ hits: 0, lockedForSeconds: 0, resetsInSeconds: 0 });
      expect(await c.hit(key, 900)).toEqual({ hits: 1, lockedForSeconds: 0, resetsInSeconds: 900 });
    });
  });

  it('keeps a bus subscription across a restart of the Redis server', async () => {
    const bus = new RedisClusterBus(connection);
    const received: unknown[] = [];
    const stop = bus.subscribe('test.restart', (m) => received.push(m));
    await bus.ready();
    await bus.publish('test.restart', { n: 1 });
    await until(async () => received.length === 1, 'first message');

    await redis.stop();
    await expect(bus.publish('test.restart', { n: 'perdu' })).rejects.toThrow();
    await redis.start();
    // Delivered once both connections are back and the channel subscribed again (the server restarted empty).
    await until(async () => {
      await bus.publish('test.restart', { n: 2 }).catch(() => undefined);
      return received.some((m) => (m as { n: unknown }).n === 2);
    }, 'message after the restart', 500);
    expect(received).not.toContainEqual({ n: 'perdu' });
    stop();
  });
});
