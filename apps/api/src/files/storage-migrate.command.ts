import type { AppConfig } from '../config/app-config';
import type { CliIo } from '../cli-command';
import { S3FileStorage } from './s3-file-storage';
import { migrateLocalStore } from './storage-migration';

/**
 * `npm run storage:migrate`: the local store of `STORAGE_DIR` into the bucket of `S3_*`. Exits 1 when any object is
 * different on the two sides or could not be copied, so a release script stops before switching to S3.
 */
export async function migrateStorage(config: AppConfig, io: CliIo): Promise<number> {
  if (!config.s3) {
    io.stderr('storage-migrate : renseignez S3_BUCKET, S3_REGION (et S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY pour un serveur compatible S3) : voir README, « Configuration ».');
    return 2;
  }
  const target = new S3FileStorage(config);
  try {
    io.logger.log(`Copie de ${config.storageDir} vers le seau S3 « ${config.s3.bucket} »`);
    const report = await migrateLocalStore(config.storageDir, target, (line) => io.stderr(line));
    io.stdout(
      `Stockage : ${report.found} objet(s) trouvé(s), ${report.copied} copié(s) et vérifié(s), ${report.skipped} déjà présent(s) avec le même SHA-256, ` +
        `${report.mismatched.length} différent(s), ${report.failed.length} en échec.`,
    );
    return report.mismatched.length + report.failed.length === 0 ? 0 : 1;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      io.stderr(`storage-migrate : le dossier de stockage local ${config.storageDir} n’existe pas (STORAGE_DIR).`);
      return 1;
    }
    throw error;
  } finally {
    target.onModuleDestroy();
  }
}
