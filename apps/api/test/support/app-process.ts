import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** One instance of the API in a process of its own, as a deployment runs it (`src/main.ts`). */
export interface AppProcess {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  pid: number;
  /** What the process wrote so far (stdout and stderr), for assertions and for failure messages. */
  output(): string;
  /** SIGTERM, then waits for the exit (the app drains its work and closes its connections). */
  stop(): Promise<void>;
  /** SIGKILL: the instance dies in the middle of whatever it was doing. */
  kill(): Promise<void>;
  exited: Promise<number | null>;
}

/** Secrets shared by the instances of one test: a token signed by one must be accepted by the others. */
const SHARED_SECRETS = {
  JWT_ACCESS_SECRET: 'cluster-test-access-secret-0123456789abcdef',
  JWT_REFRESH_SECRET: 'cluster-test-refresh-secret-0123456789abcdef',
  ENCRYPTION_KEY: 'cluster-test-encryption-key-0123456789abcdef',
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts `src/main.ts` (TypeScript compiled on the fly, no build needed) with `env` over a test configuration, and
 * resolves once `/api/health` answers. Rejects with the process's output if it exits or is not ready in time.
 */
export async function startAppProcess(env: Record<string, string>, readyWithinMs = 90_000): Promise<AppProcess> {
  const port = await freePort();
  const root = join(__dirname, '../../../..');
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register', '-r', join(__dirname, '../register-paths.ts'), join(root, 'apps/api/src/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        TS_NODE_PROJECT: join(__dirname, '../../tsconfig.spec.json'),
        TS_NODE_TRANSPILE_ONLY: '1',
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        LOG_LEVEL: 'warn',
        ...SHARED_SECRETS,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const waitExit = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
    }
    await exited;
  };
  const app: AppProcess = {
    baseUrl,
    pid: child.pid ?? -1,
    output: () => out,
    stop: () => waitExit('SIGTERM'),
    kill: () => waitExit('SIGKILL'),
    exited,
  };

  const deadline = Date.now() + readyWithinMs;
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline && !gone) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) {
        return app;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await app.kill();
  throw new Error(`The API process was not ready (${gone ? 'it exited' : 'timeout'}):\n${out}`);
}
