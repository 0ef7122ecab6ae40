import './register-paths';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { type EmbeddedPostgresServer, quoteIdentifier, startEmbeddedPostgres } from '../src/database/embedded';
import { TerritoryImportService } from '../src/territory/import/territory-import.service';
import { TEMPLATES, databaseUrl } from './test-database';

declare global {
  var __PASSERELLE_TEST_PG__: { server: EmbeddedPostgresServer; dir: string } | undefined;
}

/**
 * One real PostgreSQL for the whole run: a throwaway embedded server (or `TEST_DATABASE_URL`), with template
 * databases already migrated (and one with Val-d'Oise imported) that each test file copies in a few ms.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env['TEST_DATABASE_URL'];
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-test-'));
    // mkdtemp makes a private directory; as root, PostgreSQL runs as another user that must reach it.
    chmodSync(dir, 0o755);
    const server = await startEmbeddedPostgres({
      databaseDir: join(dir, 'postgres'),
      persistent: false,
    });
    globalThis.__PASSERELLE_TEST_PG__ = { server, dir };
    adminUrl = server.url('postgres');
    process.env['TEST_DATABASE_URL'] = adminUrl;
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const name of Object.values(TEMPLATES)) {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    }
  } finally {
    await admin.end();
  }
  await prepareTemplate(databaseUrl(adminUrl, TEMPLATES.empty), false);
  await prepareTemplate(databaseUrl(adminUrl, TEMPLATES.valDOise), true);
}

async function prepareTemplate(url: string, importValDOise: boolean): Promise<void> {
  const db = new DataSource({ ...dataSourceOptions(url), logging: ['error'] });
  await db.initialize();
  try {
    await db.runMigrations({ transaction: 'each' });
    if (importValDOise) {
      await new TerritoryImportService(db).importDepartement('95');
    }
  } finally {
    await db.destroy();
  }
}
