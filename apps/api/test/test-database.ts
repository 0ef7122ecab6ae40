import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { quoteIdentifier } from '../src/database/embedded';

export const TEMPLATES = {
  /** Migrated, empty. */
  empty: 'passerelle_test_tpl_empty',
  /** Migrated, with the communes of Val-d'Oise imported. */
  valDOise: 'passerelle_test_tpl_95',
} as const;

export type TemplateName = keyof typeof TEMPLATES;

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

function adminUrl(): string {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) {
    throw new Error('TEST_DATABASE_URL is not set: run the integration tests through their Jest config (global setup).');
  }
  return url;
}

export interface TestDatabase {
  url: string;
  name: string;
  /** An administrative connection to the same server (e.g. to block the test database). */
  admin(): Promise<Client>;
  drop(): Promise<void>;
}

/** A fresh database for one test file, copied from a template; named after the Jest worker. */
export async function createTestDatabase(template: TemplateName): Promise<TestDatabase> {
  const name = `passerelle_test_w${process.env['JEST_WORKER_ID'] ?? '0'}_${randomBytes(4).toString('hex')}`;
  const admin = async () => {
    const client = new Client({ connectionString: adminUrl() });
    await client.connect();
    return client;
  };
  const client = await admin();
  try {
    await client.query(`CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(TEMPLATES[template])}`);
  } finally {
    await client.end();
  }
  return {
    name,
    url: databaseUrl(adminUrl(), name),
    admin,
    async drop() {
      const c = await admin();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
