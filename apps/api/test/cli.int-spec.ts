import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggerService } from '@nestjs/common';
import { Client } from 'pg';
import { runCliCommand } from '../src/cli-command';
import { openDatabase } from '../src/database/open-database';
import { type EmbeddedProcess, startEmbeddedProcess } from './support/embedded-process';
import { testConfig } from './test-app';

/** `npm run migrate` (or import, seed) while `npm start` runs with its embedded PostgreSQL. */
describe('CLI beside the running app', () => {
  let dataDir: string;
  let running: EmbeddedProcess;
  const lines: string[] = [];
  const logger: LoggerService = { log: (m: unknown) => lines.push(String(m)), warn: (m: unknown) => lines.push(String(m)), error: (m: unknown) => lines.push(String(m)) };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'passerelle-cli-'));
    chmodSync(dataDir, 0o755);
    // What `npm start` does: the embedded server of DATA_DIR, owned by another (live) process.
    running = await startEmbeddedProcess(join(dataDir, 'postgres'));
  }, 60_000);

  afterAll(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function migrationsOnRunningServer(): Promise<number> {
    const client = new Client({ connectionString: running.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM migrations`);
      return rows[0].count;
    } finally {
      await client.end();
    }
  }

  it('migrates through the running server and leaves it running', async () => {
    const config = testConfig({ DATA_DIR: dataDir });
    const stderr: string[] = [];
    const code = await runCliCommand(['migrate'], config, { logger, nestLogger: logger, stdout: () => undefined, stderr: (l) => stderr.push(l) });
    expect({ code, stderr }).toEqual({ code: 0, stderr: [] });
    expect(lines.join('\n')).toMatch(new RegExp(`déjà démarré par l’application \\(pid ${running.pid}, port ${running.port}\\)`));
    // The app's server is still up, and now migrated.
    expect(await migrationsOnRunningServer()).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a second start of the app on the same data directory, with a clear message, and stops nothing', async () => {
    const config = testConfig({ DATA_DIR: dataDir });
    await expect(openDatabase(config, logger)).rejects.toThrow(/PostgreSQL intégré .* est déjà utilisé par un autre processus Passerelle \(pid \d+/);
    expect(await migrationsOnRunningServer()).toBeGreaterThan(0);
  });
});
