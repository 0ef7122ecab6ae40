import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface EmbeddedProcess {
  port: number;
  /** URL of the `passerelle` database on it. */
  url: string;
  /** The process that owns the server (what a running `npm start` is). */
  pid: number;
  stop(): Promise<void>;
}

/** Starts `support/embedded-server.ts` in a child process and waits until its server accepts connections. */
export function startEmbeddedProcess(databaseDir: string, port?: number): Promise<EmbeddedProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register', '-r', join(__dirname, '../register-paths.ts'), join(__dirname, 'embedded-server.ts'), databaseDir, ...(port ? [String(port)] : [])],
    {
      cwd: join(__dirname, '../../../..'),
      env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '../../tsconfig.spec.json'), TS_NODE_TRANSPILE_ONLY: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('\n')) {
        return;
      }
      const ready = JSON.parse(out.split('\n')[0]) as { port: number; url: string; pid: number };
      resolve({
        ...ready,
        async stop() {
          child.stdin?.end('stop\n');
          await exited;
        },
      });
    });
    child.once('exit', (code) => reject(new Error(`embedded server exited (${code}): ${err}`)));
  });
}
