import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's package (`.ci/run` installs it); `REDIS_SERVER` points elsewhere. */
const BINARY = process.env['REDIS_SERVER'] ?? '/usr/bin/redis-server';

export interface TestRedis {
  url: string;
  port: number;
  /** Stops the server and removes its directory (its data is lost: nothing is saved). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty (to test reconnections). */
  start(): Promise<void>;
}

/**
 * A real, throwaway redis-server for a test: a free port on 127.0.0.1, a temporary directory, no persistence.
 * Fails (never skips) when the binary is missing: the Redis parts are then untested, which must be seen.
 */
export async function startRedisServer(): Promise<TestRedis> {
  if (!existsSync(BINARY)) {
    throw new Error(
      `redis-server introuvable (${BINARY}) : installez le paquet Debian « redis-server » (apt-get install redis-server, ce que fait .ci/run) ou indiquez son chemin dans REDIS_SERVER.`,
    );
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-redis-'));
  let child: ChildProcess | null = null;

  const start = async () => {
    mkdirSync(dir, { recursive: true });
    child = await spawnServer(port, dir);
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (running && running.exitCode === null) {
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
  };
}

function spawnServer(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(BINARY, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server n'a pas démarré en 10 s sur le port ${port} :\n${output}`));
    }, 10_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.stdout?.off('data', read);
        child.stdout?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server s'est arrêté (code ${code}) :\n${output}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
