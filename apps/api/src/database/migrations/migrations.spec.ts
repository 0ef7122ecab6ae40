import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from './index';

/**
 * Migrations are history: a database in production ran the exact text of each landed migration, so editing one
 * changes nothing there and splits the schema between old and new installations. checksums.json records each file's
 * SHA-256 (line endings normalised); tools/migrations/checksum.mjs appends new files and never rewrites an entry.
 */

/** Same pattern and hash as tools/migrations/checksum.mjs. */
const MIGRATION_FILE = /^\d{13}-[a-z0-9-]+\.ts$/;
const HOW_TO_RECORD = 'npm run migrations:checksum (node tools/migrations/checksum.mjs)';

function checksum(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('hex');
}

function timestampOf(fileOrClassName: string): number {
  const match = /(\d{13})/.exec(fileOrClassName);
  if (!match) {
    throw new Error(`No 13-digit timestamp in ${fileOrClassName}`);
  }
  return Number(match[1]);
}

const files = readdirSync(__dirname)
  .filter((f) => MIGRATION_FILE.test(f))
  .sort();
const recorded: Record<string, string> = JSON.parse(readFileSync(join(__dirname, 'checksums.json'), 'utf8'));
const indexSource = readFileSync(join(__dirname, 'index.ts'), 'utf8');
/** The files index.ts imports, in the order it imports them. */
const imported = [...indexSource.matchAll(/from '\.\/([^']+)'/g)].map((m) => `${m[1]}.ts`);

describe('migrations are history', () => {
  it('no recorded migration has changed', () => {
    const changed = files
      .filter((f) => f in recorded && recorded[f] !== checksum(readFileSync(join(__dirname, f), 'utf8')))
      .map(
        (f) =>
          `La migration ${f} a changé alors qu'elle est déjà enregistrée (publiée). Restaurez-la et ajoutez ` +
          `une nouvelle migration qui fait la modification. / Migration ${f} was edited after it landed: ` +
          `restore it and add a new migration instead.`,
      );
    expect(changed).toEqual([]);
  });

  it('every migration file is recorded in checksums.json', () => {
    const unrecorded = files
      .filter((f) => !(f in recorded))
      .map(
        (f) =>
          `Nouvelle migration ${f} absente de checksums.json : enregistrez-la avec ${HOW_TO_RECORD} ` +
          `(n'ajoute que les nouveaux fichiers). / New migration not recorded: run ${HOW_TO_RECORD}.`,
      );
    expect(unrecorded).toEqual([]);
  });

  it('checksums.json lists only files that exist', () => {
    const gone = Object.keys(recorded)
      .filter((f) => !files.includes(f))
      .map(
        (f) =>
          `checksums.json cite ${f}, qui n'existe pas : une migration publiée ne se supprime ni ne se renomme. ` +
          `/ ${f} is recorded but missing.`,
      );
    expect(gone).toEqual([]);
  });

  it('index.ts registers exactly the recorded migrations, one class per file', () => {
    const notRecorded = imported
      .filter((f) => !(f in recorded))
      .map((f) => `index.ts importe ${f}, absente de checksums.json (${HOW_TO_RECORD}).`);
    expect(notRecorded).toEqual([]);
    const notRegistered = files
      .filter((f) => !imported.includes(f))
      .map((f) => `${f} n'est pas inscrite dans index.ts : elle ne serait jamais exécutée.`);
    expect(notRegistered).toEqual([]);
    // The registered classes are the imported files: same count and the same timestamps.
    expect(MIGRATIONS.map((m) => timestampOf(m.name))).toEqual(imported.map(timestampOf));
  });

  it('index.ts lists the migrations in timestamp order', () => {
    const timestamps = MIGRATIONS.map((m) => timestampOf(m.name));
    const sorted = [...timestamps].sort((a, b) => a - b);
    expect(new Set(timestamps).size).toBe(timestamps.length);
    expect(timestamps).toEqual(sorted);
  });

  it('each migration records its class name (TypeORM reads the timestamp from it)', () => {
    const mismatched = MIGRATIONS.map((m) => ({ cls: m.name, name: new m().name })).filter(
      ({ cls, name }) => name !== undefined && name !== cls,
    );
    expect(mismatched).toEqual([]);
  });
});
