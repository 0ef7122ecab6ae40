import { join } from 'node:path';

interface BuiltApp {
  url: string;
  stop(): Promise<void>;
}

declare global {
  var __PASSERELLE_E2E_APP__: BuiltApp | undefined;
}

/**
 * Starts the built app as a user would run it (`node dist/apps/api/main.js`: embedded PostgreSQL, migrations,
 * first-run import of Val-d'Oise), with a tile server that cannot be reached, as on a closed network.
 */
export default async function globalSetup(): Promise<void> {
  const { startServer, freePort } = (await import(join(__dirname, '../../../../tools/testing/built-app.mjs'))) as {
    startServer(options: { env: Record<string, string> }): Promise<BuiltApp>;
    freePort(): Promise<number>;
  };
  // Rate limits have integration tests of their own; here they would only make sign-ins flaky.
  // A port nobody listens on: every tile request is refused, as when the tile server is out of reach.
  const tileOrigin = `http://127.0.0.1:${await freePort()}`;
  process.env['E2E_TILE_ORIGIN'] = tileOrigin;
  const app = await startServer({ env: { TILE_URL: `${tileOrigin}/{z}/{x}/{y}.png`, NODE_ENV: 'test', RATE_LIMIT: 'false' } });
  globalThis.__PASSERELLE_E2E_APP__ = app;
  process.env['E2E_BASE_URL'] = app.url;
}
