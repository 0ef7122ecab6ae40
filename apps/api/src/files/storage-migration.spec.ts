import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { type MigrationTarget, localKeys, migrateLocalStore } from './storage-migration';

describe(localKeys.name, () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'passerelle-keys-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const put = (path: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), 'x');
  };

  it('lists stored objects and their thumbnails in order, leaving out uploads in progress and anything else', async () => {
    const document = 'f0/f0e1d2c3-b4a5-4678-9abc-def012345678';
    const photo = '0a/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    put(document);
    put(photo);
    put(`${photo}-thumb.webp`);
    put('tmp/0b1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
    put('0c/notes.txt');
    put('backup/0d1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
    mkdirSync(join(root, '0e', '0e1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'), { recursive: true });
    expect(await localKeys(root)).toEqual([photo, `${photo}-thumb.webp`, document]);
  });
});

describe(migrateLocalStore.name, () => {
  let root: string;
  const key = 'f0/f0e1d2c3-b4a5-4678-9abc-def012345678';

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'passerelle-migrate-'));
    mkdirSync(join(root, 'f0'));
    writeFileSync(join(root, key), 'contenu');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A bucket that keeps other bytes than it was sent (the read-back is the only way to see it). */
  function damagingBucket(): MigrationTarget & { stored: Map<string, string> } {
    const stored = new Map<string, string>();
    return {
      stored,
      upload: async (_path: string, k: string) => {
        stored.set(k, createHash('sha256').update('autre chose').digest('hex'));
      },
      sha256: async (k: string) => stored.get(k) ?? null,
    };
  }

  it('reports a copy read back with another SHA-256 than the original', async () => {
    const lines: string[] = [];
    const report = await migrateLocalStore(root, damagingBucket(), (line) => lines.push(line));
    expect(report).toEqual({ found: 1, copied: 0, skipped: 0, mismatched: [key], failed: [] });
    expect(lines).toEqual([`${key} : relu depuis S3 avec un SHA-256 différent de l’original après la copie`]);
  });

  it('reports a failed copy and goes on', async () => {
    const lines: string[] = [];
    const failing: MigrationTarget = {
      upload: async () => {
        throw new Error('connect ECONNREFUSED');
      },
      sha256: async () => null,
    };
    const report = await migrateLocalStore(root, failing, (line) => lines.push(line));
    expect(report).toEqual({ found: 1, copied: 0, skipped: 0, mismatched: [], failed: [{ key, error: 'connect ECONNREFUSED' }] });
    expect(lines).toEqual([`${key} : échec de la copie (connect ECONNREFUSED)`]);
  });
});
