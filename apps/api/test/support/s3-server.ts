import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface TestS3 {
  /** The `S3_*` variables of an app that stores in this server's bucket. */
  env: Record<string, string>;
  bucket: string;
  stop(): Promise<void>;
}

/**
 * A real S3-compatible server for a test (s3rver, in this process, over HTTP on a free port of 127.0.0.1), with one
 * empty bucket. The app talks to it with the AWS SDK exactly as it would to Garage or SeaweedFS.
 */
export async function startS3Server(bucket = 'passerelle-test'): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 'passerelle-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    bucket,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: 'us-east-1',
      // s3rver accepts any signature made with its fixed keys.
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
