import type { LoggerService } from '@nestjs/common';
import { Client } from 'pg';
import { runCliCommand } from '../src/cli-command';
import { createTestDatabase, type TestDatabase } from './test-database';
import { testConfig } from './test-app';

const DAY = 86_400_000;

/** `node dist/apps/api/cli.js indicators-rebuild`: the facts of the questions, rebuilt from the threads (the bench needs it). */
describe('CLI indicators-rebuild', () => {
  let database: TestDatabase;
  let client: Client;
  let recent: string;
  let old: string;
  const quiet: LoggerService = { log: () => undefined, warn: () => undefined, error: () => undefined };

  const cli = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCliCommand(['indicators-rebuild', ...args], testConfig({ DATABASE_URL: database.url }), {
      logger: quiet,
      nestLogger: quiet,
      stdout: (l) => out.push(l),
      stderr: (l) => err.push(l),
    });
    return { code, out, err };
  };
  const facts = async () =>
    (await client.query<{ thread_id: string; first_response_at: Date | null }>(`SELECT thread_id, first_response_at FROM thread_fact ORDER BY created_at`)).rows;

  /** A question written straight into the tables, as the bench does: no fact yet. */
  async function question(createdAt: Date): Promise<string> {
    const answeredAt = new Date(createdAt.getTime() + DAY);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO thread (commune_insee, departement_code, subject, category, state, created_at, last_activity_at, last_public_activity_at, first_response_at)
       VALUES ('95002', '95', 'Question du banc d’essai', 'FUNDING', 'ANSWERED', $1, $2, $2, $2) RETURNING id`,
      [createdAt, answeredAt],
    );
    await client.query(
      `INSERT INTO thread_message (thread_id, author_side, body, created_at) VALUES ($1, 'COMMUNE', 'Bonjour', $2), ($1, 'DEPARTEMENT', 'Réponse', $3)`,
      [rows[0].id, createdAt, answeredAt],
    );
    await client.query(`INSERT INTO thread_event (thread_id, at, kind, from_state, to_state) VALUES ($1, $2, 'STATE_CHANGED', 'NEW', 'ANSWERED')`, [rows[0].id, answeredAt]);
    return rows[0].id;
  }

  beforeAll(async () => {
    database = await createTestDatabase('valDOise');
    client = new Client({ connectionString: database.url });
    await client.connect();
    old = await question(new Date(Date.now() - 400 * DAY));
    recent = await question(new Date(Date.now() - 2 * DAY));
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('rebuilds every question of a département and says how many', async () => {
    expect(await facts()).toEqual([]);
    const { code, out, err } = await cli('--departement=95');
    expect({ code, out, err }).toEqual({ code: 0, out: ['Indicateurs : 2 question(s) recalculée(s).'], err: [] });
    expect((await facts()).map((f) => f.thread_id)).toEqual([old, recent]);
    expect((await facts()).every((f) => f.first_response_at !== null)).toBe(true);
    const { rows } = await client.query(`SELECT indicators_rebuilt_at IS NOT NULL AS rebuilt FROM departement WHERE code = '95'`);
    expect(rows).toEqual([{ rebuilt: true }]);
  }, 60_000);

  it('rebuilds only the questions active since a day', async () => {
    await client.query(`DELETE FROM thread_fact`);
    const since = new Date(Date.now() - 10 * DAY).toISOString().slice(0, 10);
    const { code, out } = await cli(`--since=${since}`);
    expect({ code, out }).toEqual({ code: 0, out: ['Indicateurs : 1 question(s) recalculée(s).'] });
    expect((await facts()).map((f) => f.thread_id)).toEqual([recent]);
  }, 60_000);

  it('refuses an unknown option, a département code or a day that does not exist, before touching the database', async () => {
    for (const arg of ['--since=2026-02-30', '--departement=950', '--since', '--all']) {
      const { code, out, err } = await cli(arg);
      expect({ code, out }).toEqual({ code: 2, out: [] });
      expect(err).toEqual([`Option invalide « ${arg} » : indicators-rebuild [--departement=95] [--since=AAAA-MM-JJ]`]);
    }
  });
});
