import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { quoteIdentifier } from '../src/database/embedded';
import { MIGRATIONS } from '../src/database/migrations';
import type { DocumentDto, Page, ProjectDto, PublicationDto, PublicationPreviewDto, PublicProjectSummaryDto, ThreadDto } from '@passerelle/shared/dto';
import { multipart } from './factories';
import { type AppProcess, startAppProcess } from './support/app-process';
import { EventStream } from './support/event-stream';
import { type TestRedis, startRedisServer } from './support/redis-server';
import { type TestS3, startS3Server } from './support/s3-server';
import { databaseUrl } from './test-database';

const DEMO_PASSWORD = 'Passerelle-Vexin-2026';

async function call<T>(app: AppProcess, method: string, path: string, init: { token?: string; json?: unknown; headers?: Record<string, string>; body?: Buffer } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(app.baseUrl + path, {
    method,
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body ? new Uint8Array(init.body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

async function signIn(app: AppProcess, email: string): Promise<string> {
  const { status, body } = await call<{ accessToken?: string }>(app, 'POST', '/api/auth/login', { json: { email, password: DEMO_PASSWORD } });
  if (status !== 200 || !body.accessToken) {
    const errors = app.output().split('\n').filter((line) => line.includes('"level":50')).slice(-3);
    throw new Error(`sign-in of ${email} failed: ${status} ${JSON.stringify(body)}\n${errors.join('\n')}`);
  }
  return body.accessToken;
}

/**
 * Several instances of the API, each in a process of its own as a deployment runs them, on one PostgreSQL.
 * Each test starts its processes on a database of its own.
 */
describe('cluster of API processes', () => {
  jest.setTimeout(180_000);

  const adminUrl = () => {
    const url = process.env['TEST_DATABASE_URL'];
    if (!url) {
      throw new Error('TEST_DATABASE_URL is not set: run through the integration Jest config.');
    }
    return url;
  };
  const started: AppProcess[] = [];
  const databases: string[] = [];
  const dirs: string[] = [];

  /** A database that exists and is empty: no migration ran on it. */
  async function emptyDatabase(): Promise<string> {
    const name = `passerelle_cluster_${process.pid}_${databases.length}`;
    const admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE template0`);
    } finally {
      await admin.end();
    }
    databases.push(name);
    return databaseUrl(adminUrl(), name);
  }

  function dataDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-cluster-'));
    dirs.push(dir);
    return dir;
  }

  /** Drops the databases and removes the data directories made so far (or those given). */
  async function cleanUp(names = databases, folders = dirs): Promise<void> {
    const admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      for (const name of names.splice(0)) {
        await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
      }
    } finally {
      await admin.end();
    }
    for (const dir of folders.splice(0)) {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  afterEach(async () => {
    await Promise.all(started.splice(0).map((app) => app.stop()));
    await cleanUp();
  });

  it('two instances started together against an empty database migrate it once and seed the demo once', async () => {
    const url = await emptyDatabase();
    const dir = dataDir();
    const env = { DATABASE_URL: url, DATA_DIR: dir, STORAGE_DIR: join(dir, 'storage'), DEMO_MODE: 'true' };

    const apps = await Promise.all([startAppProcess(env), startAppProcess(env)]);
    started.push(...apps);
    expect(apps.map((app) => app.output()).join('\n')).not.toMatch(/duplicate key|Échec du démarrage/);

    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const applied = await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
      expect(applied.rows.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
      const departements = await db.query<{ count: string }>('SELECT count(*) FROM departement');
      expect(Number(departements.rows[0].count)).toBeGreaterThan(0);
      const mayors = await db.query<{ count: string }>(`SELECT count(*) FROM app_user WHERE email = 'maire@ableiges.example'`);
      expect(mayors.rows[0].count).toBe('1');
    } finally {
      await db.end();
    }
    // Both answer, on the same data: the demo mayor signs in through either.
    for (const app of apps) {
      await expect(signIn(app, 'maire@ableiges.example')).resolves.toEqual(expect.any(String));
    }
  });

  describe('two instances sharing PostgreSQL, Redis and S3', () => {
    let redis: TestRedis;
    let s3: TestS3;
    let a: AppProcess;
    let b: AppProcess;
    let sharedDatabaseUrl = '';
    let smtp: SMTPServer;
    /** Recipients of the mails the SMTP server accepted, in order. */
    const delivered: string[] = [];
    /**
     * A recipient whose first mail the SMTP server receives but never acknowledges: its sender stays in the middle of
     * the delivery until it is killed. `stalled` resolves when that mail's content has arrived.
     */
    let stallFirstMailTo: string | null = null;
    let stalled: () => void = () => undefined;
    let env: Record<string, string> = {};
    let ownDatabase: string[] = [];
    let ownDir: string[] = [];

    beforeAll(async () => {
      [redis, s3] = await Promise.all([startRedisServer(), startS3Server()]);
      smtp = new SMTPServer({
        disabledCommands: ['STARTTLS', 'AUTH'],
        authOptional: true,
        disableReverseLookup: true,
        logger: false,
        onData(stream, session, callback) {
          stream.resume();
          stream.on('end', () => {
            const recipients = session.envelope.rcptTo.map((r) => r.address);
            if (stallFirstMailTo && recipients.includes(stallFirstMailTo)) {
              stallFirstMailTo = null;
              stalled();
              return;
            }
            delivered.push(...recipients);
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
      const url = await emptyDatabase();
      sharedDatabaseUrl = url;
      const dir = dataDir();
      // Kept for the whole block: the outer afterEach must not drop them between its tests.
      ownDatabase = databases.splice(0);
      ownDir = dirs.splice(0);
      env = {
        DATABASE_URL: url,
        DATA_DIR: dir,
        STORAGE_DIR: join(dir, 'storage'),
        DEMO_MODE: 'true',
        REDIS_URL: redis.url,
        // The test speaks for many clients: their addresses come in X-Forwarded-For, believed from loopback only.
        TRUST_PROXY: 'loopback',
        SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
        // Short SMTP waits, so that a mail left by a killed instance is free again 10 s later (five times this).
        SMTP_TIMEOUT_SECONDS: '2',
        ...s3.env,
      };
      [a, b] = await Promise.all([startAppProcess(env), startAppProcess(env)]);
    });

    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await Promise.all([redis?.stop(), s3?.stop(), new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()))]);
      await cleanUp(ownDatabase, ownDir);
    });

    it('counts sign-in failures spread over both instances together: the account locks on the combined count', async () => {
      const attempts = Array.from({ length: 24 }, (_, i) =>
        call<{ code?: string }>(i % 2 ? b : a, 'POST', '/api/auth/login', {
          json: { email: 'secretariat@ableiges.example', password: `mauvais mot de passe ${i}` },
          headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
        }),
      );
      const answers = await Promise.all(attempts);
      expect(answers.filter((answer) => answer.status === 401)).toHaveLength(10);
      expect(answers.filter((answer) => answer.body.code === 'LOGIN_LOCKED')).toHaveLength(14);
      // Locked on both, even with the right password.
      for (const app of [a, b]) {
        const right = await call<{ code?: string }>(app, 'POST', '/api/auth/login', {
          json: { email: 'secretariat@ableiges.example', password: DEMO_PASSWORD },
          headers: { 'x-forwarded-for': '203.0.113.7' },
        });
        expect(right.body.code).toBe('LOGIN_LOCKED');
      }
      // Counted in Redis, not in PostgreSQL (which would be shared too, at the cost of a write per attempt).
      const db = new Client({ connectionString: sharedDatabaseUrl });
      await db.connect();
      try {
        expect((await db.query<{ count: string }>('SELECT count(*) FROM attempt_counter')).rows[0].count).toBe('0');
      } finally {
        await db.end();
      }
    });

    it('serves through B, byte for byte, a document uploaded through A', async () => {
      const [mayorOnA, mayorOnB] = [await signIn(a, 'maire@ableiges.example'), await signIn(b, 'maire@ableiges.example')];
      const project = await call<ProjectDto>(a, 'POST', '/api/communes/95002/projects', {
        token: mayorOnA,
        json: { title: 'Cour de l’école, devis partagés', theme: 'ECOLES_PETITE_ENFANCE', status: 'PLANNED' },
      });
      expect(project.status).toBe(201);
      // 3 MB of varied bytes behind a PDF header: nothing in a proxy or a store could pass it by chance.
      const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 3_000_000 }, (_, i) => (i * 7919) % 251))]);
      const upload = multipart('devis.pdf', bytes, 'application/pdf');
      const uploaded = await call<DocumentDto>(a, 'POST', `/api/projects/${project.body.id}/documents`, { token: mayorOnA, headers: upload.headers, body: upload.payload });
      expect(uploaded.status).toBe(201);

      const download = await fetch(`${b.baseUrl}/api/documents/${uploaded.body.id}/content`, { headers: { authorization: `Bearer ${mayorOnB}` } });
      expect(download.status).toBe(200);
      expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    });

    it('delivers to a client connected to B the live event of a reply posted through A, and nothing to another commune', async () => {
      const listen = async (app: AppProcess, token: string) => {
        const controller = new AbortController();
        const response = await fetch(`${app.baseUrl}/api/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
        expect(response.status).toBe(200);
        return new EventStream(response, controller);
      };
      const mayorOnA = await signIn(a, 'maire@ableiges.example');
      const agentOnA = await signIn(a, 'agent.financements@valdoise.example');
      const thread = await call<ThreadDto>(a, 'POST', '/api/communes/95002/threads', {
        token: mayorOnA,
        json: { subject: 'Subvention pour le lavoir', category: 'FUNDING', body: 'Quel dossier faut-il déposer ?' },
      });
      expect(thread.status).toBe(201);
      const [ableigesOnB, usOnB] = await Promise.all([
        listen(b, await signIn(b, 'adjoint@ableiges.example')),
        listen(b, await signIn(b, 'maire@us.example')),
      ]);
      try {
        const reply = await call(a, 'POST', `/api/threads/${thread.body.id}/messages`, { token: agentOnA, json: { body: 'La DETR, avant le 31 janvier.' } });
        expect(reply.status).toBeLessThan(300);
        expect(await ableigesOnB.nextThreadEvent()).toEqual({ kind: 'thread.message', threadId: thread.body.id });

        // The other commune's first event is about its own question: the reply above never reached it.
        const own = await call<ThreadDto>(b, 'POST', '/api/communes/95625/threads', {
          token: await signIn(b, 'maire@us.example'),
          json: { subject: 'Voirie', category: 'NEXT_STEPS', body: 'Où en est le dossier ?' },
        });
        expect(await usOnB.nextThreadEvent()).toEqual({ kind: 'thread.created', threadId: own.body.id });
      } finally {
        ableigesOnB.close();
        usOnB.close();
      }
    });

    it('closes on B the live stream of a session ended through A', async () => {
      const [onB, onA] = [await signIn(b, 'adjoint@ableiges.example'), await signIn(a, 'adjoint@ableiges.example')];
      const controller = new AbortController();
      const response = await fetch(`${b.baseUrl}/api/events`, { headers: { authorization: `Bearer ${onB}` }, signal: controller.signal });
      expect(response.status).toBe(200);
      const stream = new EventStream(response, controller);
      const sessions = await call<{ items: { id: string; current: boolean }[] }>(b, 'GET', '/api/me/sessions', { token: onB });
      const streamSession = sessions.body.items.find((session) => session.current);
      expect(streamSession).toBeDefined();

      const ended = await call(a, 'DELETE', `/api/me/sessions/${streamSession?.id}`, { token: onA });
      expect(ended.status).toBe(204);
      await expect(stream.ended).resolves.toBeUndefined();
    });

    it('sends each mail once when both instances run the mail jobs', async () => {
      // Members of communes nobody has written to: the staff also get mails about the other tests' questions.
      const recipients = ['maire@us.example', 'secretariat@us.example', 'maire@vetheuil.example', 'adjointe@vetheuil.example'];
      const answers = await Promise.all(
        recipients.map((email, i) =>
          call(i % 2 ? b : a, 'POST', '/api/auth/password-reset', { json: { email }, headers: { 'x-forwarded-for': `192.0.2.${i + 1}` } }),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual(recipients.map(() => 202));
      const deadline = Date.now() + 30_000;
      while (recipients.some((email) => !delivered.includes(email)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      // A second sending would come within the same moments: give it the time to show.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      for (const email of recipients) {
        expect(delivered.filter((address) => address === email)).toEqual([email]);
      }
      // Sent by the durable jobs (pg-boss), not by timers of each instance.
      const db = new Client({ connectionString: sharedDatabaseUrl });
      await db.connect();
      try {
        const jobs = await db.query<{ state: string; count: string }>(`SELECT state, count(*) FROM pgboss.job WHERE name = 'mail-outbox' GROUP BY state`);
        expect(Number(jobs.rows.find((row) => row.state === 'completed')?.count ?? 0)).toBeGreaterThan(0);
        expect(jobs.rows.find((row) => row.state === 'failed')).toBeUndefined();
      } finally {
        await db.end();
      }
    });

    it('shows on B a publication approved through A at once, and hides it at once when withdrawn', async () => {
      const mayor = await signIn(a, 'maire@ableiges.example');
      const agent = await signIn(a, 'agent.voirie@valdoise.example');
      const title = `Lavoir de la grappe ${process.pid}`;
      const search = async () =>
        (await call<Page<PublicProjectSummaryDto>>(b, 'GET', `/api/public/projects?q=${encodeURIComponent(title)}`)).body.items.map((p) => p.title);
      const project = await call<ProjectDto>(a, 'POST', '/api/communes/95002/projects', {
        token: mayor,
        json: {
          title,
          summary: 'Toiture et bassins refaits avec les bénévoles.',
          theme: 'CULTURE_PATRIMOINE',
          status: 'COMPLETED',
          startDate: '2025-03-01',
          endDate: '2025-09-15',
          location: { lat: 49.09, lng: 1.98, address: null },
        },
      });
      expect(project.status).toBe(201);
      // B answered this search before: what it kept must not outlive the publication.
      expect(await search()).toEqual([]);
      const path = `/api/projects/${project.body.id}/publication`;
      expect((await call(a, 'POST', path, { token: mayor, json: { action: 'request', choices: { documentIds: [], showFunding: false } } })).status).toBe(200);
      const preview = await call<PublicationPreviewDto>(a, 'GET', `${path}/preview`, { token: agent });
      const approved = await call<PublicationDto>(a, 'POST', path, { token: agent, json: { action: 'approve', version: preview.body.version } });
      expect(approved.body.state).toBe('PUBLISHED');
      expect(await search()).toEqual([title]);

      const withdrawn = await call<PublicationDto>(a, 'POST', path, { token: mayor, json: { action: 'withdraw' } });
      expect(withdrawn.body.state).toBe('PRIVATE');
      expect(await search()).toEqual([]);
    });

    // Last: it stops B and kills A.
    it('runs again after a restart the mail job its instance was killed in the middle of: the mail leaves once', async () => {
      const email = 'maire@vexin-centre.example';
      const db = new Client({ connectionString: sharedDatabaseUrl });
      await db.connect();
      try {
        // One instance takes the job: B leaves (cleanly), A will die in the middle of the delivery.
        await b.stop();
        await db.query(`UPDATE app_user SET email = $1 WHERE email = 'secretariat@ableiges.example'`, [email]);
        const arrived = new Promise<void>((resolve) => (stalled = resolve));
        stallFirstMailTo = email;
        const asked = await call(a, 'POST', '/api/auth/password-reset', { json: { email }, headers: { 'x-forwarded-for': '192.0.2.50' } });
        expect(asked.status).toBe(202);
        await arrived;
        const [interrupted] = (await db.query<{ id: string }>(`SELECT id FROM pgboss.job WHERE name = 'mail-outbox' AND state = 'active'`)).rows;
        expect(interrupted).toEqual({ id: expect.any(String) });
        await a.kill();
        expect(delivered).not.toContain(email);

        // A comes back (a deployment restarts it); its look-out for lost jobs runs every 2 s here.
        a = await startAppProcess({ ...env, NOTIFICATION_INTERVAL_SECONDS: '2' });
        const deadline = Date.now() + 90_000;
        while (!delivered.includes(email) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        expect(delivered.filter((address) => address === email)).toEqual([email]);
        // The interrupted job itself is tried again (nothing left to send by then) and completes.
        const jobState = async () =>
          (await db.query<{ state: string; retry_count: number }>(`SELECT state, retry_count FROM pgboss.job WHERE id = $1`, [interrupted.id])).rows[0];
        while ((await jobState()).state !== 'completed' && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        expect(await jobState()).toEqual({ state: 'completed', retry_count: 1 });
        const mails = await db.query<{ sent: boolean; failed: boolean }>(
          `SELECT sent_at IS NOT NULL AS sent, failed_at IS NOT NULL AS failed FROM mail_outbox WHERE recipient = $1`,
          [email],
        );
        expect(mails.rows).toEqual([{ sent: true, failed: false }]);
      } finally {
        await db.end();
      }
    }, 150_000);
  });
});
