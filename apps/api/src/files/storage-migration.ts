import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { STORAGE_KEY_PATTERN } from './file-storage';
import { type S3FileStorage, sha256Of } from './s3-file-storage';

/** What the migration needs of the bucket. */
export type MigrationTarget = Pick<S3FileStorage, 'upload' | 'sha256'>;

export interface StorageMigrationReport {
  /** Objects found in the local store. */
  found: number;
  /** Copied now, and read back with the same SHA-256. */
  copied: number;
  /** Already in the bucket with the same SHA-256 (an earlier run). */
  skipped: number;
  /** In the bucket with other bytes (left as they are) or read back different after the copy. */
  mismatched: string[];
  /** Could not be read or sent (network, permissions); the message says why. */
  failed: { key: string; error: string }[];
}

/** Objects copied at the same time: enough to hide the latency of each request, few enough for a small server. */
const CONCURRENCY = 4;

/**
 * Copies every object of a local store (`STORAGE_DIR`) into the bucket, streamed, and checks each one by reading it
 * back and comparing SHA-256 on both sides. Idempotent: an object already there with the same hash is skipped.
 * Keys never change meaning (a key is written once), so an object already there with other bytes means one side
 * is damaged: it is reported and never overwritten, for the operator to decide with the documents' recorded hashes.
 */
export async function migrateLocalStore(root: string, target: MigrationTarget, onMismatch: (line: string) => void): Promise<StorageMigrationReport> {
  const keys = await localKeys(root);
  const report: StorageMigrationReport = { found: keys.length, copied: 0, skipped: 0, mismatched: [], failed: [] };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < keys.length) {
      const key = keys[next++];
      try {
        const outcome = await migrateOne(root, key, target);
        if (outcome === 'copied') {
          report.copied++;
        } else if (outcome === 'skipped') {
          report.skipped++;
        } else {
          report.mismatched.push(key);
          onMismatch(outcome === 'differs' ? `${key} : déjà présent dans S3 avec un autre contenu (SHA-256 différent), laissé tel quel` : `${key} : relu depuis S3 avec un SHA-256 différent de l’original après la copie`);
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        report.failed.push({ key, error: message });
        onMismatch(`${key} : échec de la copie (${message})`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, keys.length) }, worker));
  report.mismatched.sort();
  return report;
}

async function migrateOne(root: string, key: string, target: MigrationTarget): Promise<'copied' | 'skipped' | 'differs' | 'corrupted'> {
  const path = join(root, key);
  const local = await sha256Of(createReadStream(path));
  const existing = await target.sha256(key);
  if (existing === local) {
    return 'skipped';
  }
  if (existing !== null) {
    return 'differs';
  }
  await target.upload(path, key);
  return (await target.sha256(key)) === local ? 'copied' : 'corrupted';
}

/** The stored objects of a local store, in order: `<2 hex>/<uuid>[-thumb.webp]`; temporary uploads are left out. */
export async function localKeys(root: string): Promise<string[]> {
  const keys: string[] = [];
  for (const folder of await readdir(root, { withFileTypes: true })) {
    if (!folder.isDirectory() || !/^[0-9a-f]{2}$/.test(folder.name)) {
      continue;
    }
    for (const file of await readdir(join(root, folder.name), { withFileTypes: true })) {
      const key = `${folder.name}/${file.name}`;
      if (file.isFile() && STORAGE_KEY_PATTERN.test(key)) {
        keys.push(key);
      }
    }
  }
  return keys.sort();
}
