// Starts the built app (dist/) on a throwaway embedded PostgreSQL and a free port: for the browser tests and the benchmark.
import { spawn } from 'node:child_process';
import { chmodSync, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export function freePort() {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.on('error', ko);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

export async function startServer({ env = {}, log } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-run-'));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const output = createWriteStream(log ?? join(dataDir, 'server.log'));
  // E2E_API_DIR: an API built elsewhere (`nx run api:build --output-path=…`), for the same reason as E2E_WEB_DIR.
  const main = process.env.E2E_API_DIR ? join(process.env.E2E_API_DIR, 'main.js') : join(root, 'dist/apps/api/main.js');
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      // E2E_WEB_DIR: a front end built elsewhere (`--outputPath`), so that two builds never share one folder.
      WEB_DIR: process.env.E2E_WEB_DIR ?? join(root, 'dist/apps/web/browser'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(output);
  child.stderr.pipe(output);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with code ${child.exitCode} (log: ${output.path})`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start within 120 s (log: ${output.path})`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    /** The URL of the embedded PostgreSQL the server started (its port is in postmaster.pid, line 4). */
    databaseUrl() {
      const port = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3].trim();
      const password = readFileSync(join(dataDir, 'postgres.password'), 'utf8').trim();
      return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/passerelle`;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        let timer;
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 15_000)))]);
        clearTimeout(timer);
        if (child.exitCode === null) {
          child.kill('SIGKILL');
        }
      }
      await new Promise((r) => output.end(r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
