import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { quoteIdentifier } from '../src/database/embedded';
import { TEMPLATES } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const embedded = globalThis.__PASSERELLE_TEST_PG__;
  if (embedded) {
    // A non-persistent server deletes its data directory on stop; its parent goes too: nothing is left behind.
    await embedded.server.stop();
    rmSync(embedded.dir, { recursive: true, force: true });
    return;
  }
  const adminUrl = process.env['TEST_DATABASE_URL'];
  if (!adminUrl) {
    return;
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const name of Object.values(TEMPLATES)) {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}
