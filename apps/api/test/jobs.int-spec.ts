import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggerService } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { HealthDto } from '@passerelle/shared/dto';
import type PgBoss from 'pg-boss';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { runCliCommand } from '../src/cli-command';
import { dataSourceOptions } from '../src/database/data-source';
import { quoteIdentifier } from '../src/database/embedded';
import { migrateAtStart } from '../src/database/migrate-locked';
import { MIGRATIONS } from '../src/database/migrations';
import { ABANDONED_ATTACHMENTS_QUEUE } from '../src/documents/abandoned-attachments';
import { FAQ_EXPIRY_QUEUE } from '../src/faq/faq-expiry';
import { createApp } from '../src/http-app';
import { JobsService } from '../src/jobs/jobs.service';
import { MAIL_OUTBOX_QUEUE } from '../src/mail/mail-dispatcher';
import { MailService } from '../src/mail/mail.service';
import { DIGESTS_QUEUE } from '../src/notifications/notification-mailer';
import { createUser, signIn } from './factories';
import { testConfig } from './test-app';
import { type TestDatabase, createTestDatabase, databaseUrl } from './test-database';

interface Instance {
  app: NestFastifyApplication;
  jobs: JobsService;
  db: DataSource;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await sleep(100);
  }
}

/**
 * Two API instances (two Nest applications) on the same database with background jobs on, as two processes
 * behind a load balancer would be. `NOTIFICATION_INTERVAL_SECONDS=1` makes the look-out for lost jobs run every
 * second instead of every minute.
 */
describe('Durable jobs (pg-boss) across instances', () => {
  let database: TestDatabase;
  let dataDir: string;
  let a: Instance;
  let b: Instance;
  // Instances of one installation share their secrets (and Passport's strategy is per process: the last app's).
  const secrets = {
    JWT_ACCESS_SECRET: randomBytes(32).toString('hex'),
    JWT_REFRESH_SECRET: randomBytes(32).toString('hex'),
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
  };

  async function startInstance(): Promise<Instance> {
    const config = testConfig({ NOTIFICATION_INTERVAL_SECONDS: '1', DATA_DIR: dataDir, ...secrets });
    const app = await createApp(config, database.url, { logger: ['error'] });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return { app, jobs: app.get(JobsService), db: app.get(DataSource) };
  }

  beforeAll(async () => {
    database = await createTestDatabase('valDOise');
    dataDir = mkdtempSync(join(tmpdir(), 'passerelle-jobs-'));
    [a, b] = await Promise.all([startInstance(), startInstance()]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.app.close(), b?.app.close()]);
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const jobRows = (queue: string): Promise<{ id: string; state: string; retry_count: number }[]> =>
    a.db.query(`SELECT id, state, retry_count FROM pgboss.job WHERE name = $1`, [queue]);

  it('runs a job sent while both instances work exactly once', async () => {
    const runs: { instance: string; id: string }[] = [];
    const worker = (instance: string) => async (job: { id: string }) => {
      runs.push({ instance, id: job.id });
      await sleep(50);
    };
    await a.jobs.register({ queue: 'test-once', policy: 'standard', handler: worker('A'), expireInSeconds: 60 });
    await b.jobs.register({ queue: 'test-once', policy: 'standard', handler: worker('B'), expireInSeconds: 60 });

    for (let i = 0; i < 20; i++) {
      expect(await (i % 2 ? a : b).jobs.trigger('test-once', { i })).toBe(true);
    }
    await until('the 20 jobs to complete', async () => (await jobRows('test-once')).filter((j) => j.state === 'completed').length === 20);
    // A late second run would show up during the next polls.
    await sleep(1_500);

    const ids = (await jobRows('test-once')).map((j) => j.id).sort();
    expect(runs.map((r) => r.id).sort()).toEqual(ids);
    // Both instances took jobs: they competed for the same rows.
    expect(new Set(runs.map((r) => r.instance))).toEqual(new Set(['A', 'B']));
  }, 40_000);

  it('runs again, on another instance, a job whose instance died in the middle of it', async () => {
    let release: () => void = () => undefined;
    const runs: { instance: string; id: string }[] = [];
    await a.jobs.register({
      queue: 'test-crash',
      policy: 'standard',
      expireInSeconds: 2,
      retryLimit: 2,
      retryDelaySeconds: 0,
      handler: (job) => {
        runs.push({ instance: 'A', id: job.id });
        // Never ends by itself: the instance "dies" during the job.
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    expect(await a.jobs.trigger('test-crash')).toBe(true);
    await until('A to start the job', async () => runs.length === 1);

    // The crash: A's connections go away without a word (no completion, no failure recorded), as with `kill -9`.
    const bossA = (a.jobs as unknown as { boss: PgBoss }).boss;
    await (bossA.getDb() as unknown as { close(): Promise<void> }).close();

    await b.jobs.register({
      queue: 'test-crash',
      policy: 'standard',
      expireInSeconds: 2,
      retryLimit: 2,
      retryDelaySeconds: 0,
      handler: async (job) => {
        runs.push({ instance: 'B', id: job.id });
      },
    });
    await until('B to run the job again', async () => (await jobRows('test-crash')).find((j) => j.state === 'completed'));

    expect(runs).toEqual([
      { instance: 'A', id: runs[0].id },
      { instance: 'B', id: runs[0].id },
    ]);
    expect((await jobRows('test-crash'))[0]).toMatchObject({ state: 'completed', retry_count: 1 });
    release();
    // A is gone: the next tests run on B, and A is restarted for the last ones.
    await a.app.close();
    a = await startInstance();
  }, 60_000);

  it('schedules the morning digests at 08:00 Paris time, and the other background work', async () => {
    const schedules = await b.jobs.schedules();
    expect(schedules).toEqual(
      expect.arrayContaining([
        { queue: DIGESTS_QUEUE, cron: '0 8 * * *', timezone: 'Europe/Paris' },
        { queue: MAIL_OUTBOX_QUEUE, cron: '* * * * *', timezone: 'Europe/Paris' },
        { queue: ABANDONED_ATTACHMENTS_QUEUE, cron: '17 * * * *', timezone: 'Europe/Paris' },
        { queue: FAQ_EXPIRY_QUEUE, cron: '5 3 * * *', timezone: 'Europe/Paris' },
      ]),
    );
  });

  it('sends a committed mail through the mail-outbox job (dev transport)', async () => {
    const before = (await jobRows(MAIL_OUTBOX_QUEUE)).filter((j) => j.state === 'completed').length;
    const id = await b.app.get(MailService).send({ to: 'job-test@test.example', subject: 'Essai', text: 'Bonjour', html: '<p>Bonjour</p>' });
    await until('the mail to be sent', async () => {
      const [row] = await b.db.query(`SELECT sent_at FROM mail_outbox WHERE id = $1`, [id]);
      return row.sent_at !== null;
    });
    expect((await jobRows(MAIL_OUTBOX_QUEUE)).filter((j) => j.state === 'completed').length).toBeGreaterThan(before);
  }, 30_000);

  it('shows failed jobs, with their count and last error, to an admin in /api/health, and to nobody else', async () => {
    await b.jobs.register({
      queue: 'test-fail',
      policy: 'standard',
      expireInSeconds: 60,
      retryLimit: 0,
      handler: async () => {
        throw new Error('Serveur SMTP injoignable (essai)');
      },
    });
    await b.jobs.trigger('test-fail');
    await until('the job to fail', async () => (await jobRows('test-fail')).some((j) => j.state === 'failed'));

    const admin = await signIn(b.app, await createUser(b.db, { role: 'ADMIN', totpExempt: true }));
    const agent = await signIn(b.app, await createUser(b.db, { role: 'AGENT', totpExempt: true }));
    const health = async (headers: Record<string, string> = {}) => {
      const res = await b.app.inject({ method: 'GET', url: '/api/health', headers });
      expect(res.statusCode).toBe(200);
      return res.json<HealthDto>();
    };

    const seenByAdmin = await health(admin.headers);
    expect(seenByAdmin.details.jobs).toEqual([
      { queue: 'test-fail', failed: 1, lastError: 'Serveur SMTP injoignable (essai)', lastFailedAt: expect.any(String) },
    ]);
    expect((await health(agent.headers)).details).not.toHaveProperty('jobs');
    expect((await health()).details).not.toHaveProperty('jobs');
    expect((await health({ authorization: 'Bearer not-a-token' })).details).not.toHaveProperty('jobs');
  }, 30_000);
});

describe('Migrations at start', () => {
  const quiet: LoggerService = { log: () => undefined, warn: () => undefined, error: () => undefined };
  let admin: Client;
  const created: string[] = [];

  beforeAll(async () => {
    admin = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
    await admin.connect();
  });
  afterAll(async () => {
    for (const name of created) {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    }
    await admin.end();
  });

  async function emptyDatabase(): Promise<string> {
    const name = `passerelle_test_migrate_${process.env['JEST_WORKER_ID'] ?? '0'}_${created.length}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    created.push(name);
    return databaseUrl(process.env['TEST_DATABASE_URL'] ?? '', name);
  }

  async function appliedMigrations(url: string): Promise<string[]> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<{ name: string }>(`SELECT name FROM migrations ORDER BY id`)).rows.map((r) => r.name);
    } finally {
      await client.end();
    }
  }

  it('migrates an empty database once when two instances start together; the other finds nothing to do', async () => {
    const url = await emptyDatabase();
    const connections = [new DataSource({ ...dataSourceOptions(url), logging: false }), new DataSource({ ...dataSourceOptions(url), logging: false })];
    await Promise.all(connections.map((c) => c.initialize()));
    try {
      // The second instance's first-run check (the demo seed) sees the migrated database.
      const firstRun = (c: DataSource) => async () => (await c.query(`SELECT count(*)::int AS n FROM migrations`))[0].n as number;
      const started = await Promise.all(connections.map((c) => migrateAtStart({ migrationsAtStart: true }, c, quiet, firstRun(c))));
      expect(started.map((s) => [s.migrations.length, s.firstRun]).sort((x, y) => x[0] - y[0])).toEqual([
        [0, MIGRATIONS.length],
        [MIGRATIONS.length, MIGRATIONS.length],
      ]);
    } finally {
      await Promise.all(connections.map((c) => c.destroy()));
    }
    expect(await appliedMigrations(url)).toHaveLength(MIGRATIONS.length);
  }, 60_000);

  it('`npm run migrate` run twice at once (the CLI) applies them once too', async () => {
    const url = await emptyDatabase();
    const out: string[] = [];
    const run = () =>
      runCliCommand(['migrate'], testConfig({ DATABASE_URL: url }), { logger: quiet, nestLogger: quiet, stdout: (l) => out.push(l), stderr: (l) => out.push(l) });
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    expect(out).toHaveLength(2);
    expect(out).toContain('Aucune migration en attente.');
    expect(out.find((l) => l !== 'Aucune migration en attente.')).toMatch(new RegExp(`^${MIGRATIONS.length} migration\\(s\\) appliquée\\(s\\) : `));
    expect(await appliedMigrations(url)).toHaveLength(MIGRATIONS.length);
  }, 60_000);

  it('MIGRATIONS_AT_START=false leaves the database as it is', async () => {
    const url = await emptyDatabase();
    const connection = new DataSource({ ...dataSourceOptions(url), logging: false });
    await connection.initialize();
    try {
      expect(await migrateAtStart({ migrationsAtStart: false }, connection, quiet, async () => 'seeded')).toEqual({ migrations: [], firstRun: 'seeded' });
      expect(await connection.query(`SELECT to_regclass('public.migrations') AS t`)).toEqual([{ t: null }]);
    } finally {
      await connection.destroy();
    }
  });
});
