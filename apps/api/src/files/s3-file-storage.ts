import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { S3Config } from '../config/s3-config';
import { FileStorage, type OpenedFile, assertStorageKey } from './file-storage';

/**
 * Above this size a file goes up in parts through lib-storage's `Upload` (5 MiB is S3's smallest part); at most
 * `UPLOAD_QUEUE` parts are in memory at once, whatever the file's size. Smaller files are streamed in one request.
 */
export const PART_SIZE = 5 * 1024 * 1024;
const UPLOAD_QUEUE = 2;

/** Documents, photos and thumbnails in an S3-compatible bucket (Garage, SeaweedFS, a provider's S3) shared by every instance. */
@Injectable()
export class S3FileStorage extends FileStorage implements OnModuleDestroy {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly temporaryDir: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super();
    if (!config.s3) {
      throw new Error('S3FileStorage needs the S3_* configuration');
    }
    this.client = createS3Client(config.s3);
    this.bucket = config.s3.bucket;
    // Uploads are still received on this instance's disk: the content and quota checks read them before `keep`.
    this.temporaryDir = join(config.storageDir, 'tmp');
  }

  async temporaryPath(name: string): Promise<string> {
    await mkdir(this.temporaryDir, { recursive: true });
    return join(this.temporaryDir, name);
  }

  async keep(temporaryPath: string, key: string): Promise<void> {
    await this.upload(temporaryPath, key);
    // Like the local rename: once kept, the temporary file is gone.
    await rm(temporaryPath, { force: true });
  }

  /** Streams a local file to the bucket under `key`; the file stays where it is. */
  async upload(path: string, key: string): Promise<void> {
    const Key = assertStorageKey(key);
    const { size } = await stat(path);
    if (size <= PART_SIZE) {
      await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key, Body: createReadStream(path), ContentLength: size }));
      return;
    }
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key, Body: createReadStream(path) },
      partSize: PART_SIZE,
      queueSize: UPLOAD_QUEUE,
      // A failed multipart upload is aborted, so no orphan parts are billed or kept.
      leavePartsOnError: false,
    });
    await upload.done();
  }

  async open(key: string): Promise<OpenedFile> {
    let output;
    try {
      output = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: assertStorageKey(key) }));
    } catch (error) {
      throw storageError(error);
    }
    const body = output.Body;
    if (!(body instanceof Readable) || output.ContentLength === undefined) {
      if (body instanceof Readable) {
        body.destroy();
      }
      throw Object.assign(new Error(`Réponse S3 inattendue pour ${key}`), { code: 'EIO' });
    }
    return { stream: body, size: output.ContentLength };
  }

  async remove(key: string): Promise<void> {
    // Deleting a missing object succeeds in S3, like `rm --force`.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: assertStorageKey(key) }));
  }

  /** SHA-256 of the stored object, read back whole as a stream; `null` when there is no such object. */
  async sha256(key: string): Promise<string | null> {
    let opened: OpenedFile;
    try {
      opened = await this.open(key);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') {
        return null;
      }
      throw error;
    }
    return sha256Of(opened.stream);
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }
}

export function createS3Client(config: S3Config): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint ?? undefined,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials ?? undefined,
    // The SDK's default (checksums on every request, sent as `aws-chunked` trailers) is not understood by every
    // S3-compatible server: some store the chunk framing inside the object. Checksums only where S3 requires them;
    // `storage:migrate` verifies SHA-256 itself.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
}

/** Missing objects reject like a missing local file (`ENOENT`: 404); any other failure keeps its code (503). */
function storageError(error: unknown): Error {
  const details = error as { name?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  const missing = details?.name === 'NoSuchKey' || details?.name === 'NotFound' || details?.$metadata?.httpStatusCode === 404;
  const code = missing ? 'ENOENT' : typeof details?.code === 'string' ? details.code : typeof details?.name === 'string' ? details.name : 'EIO';
  return Object.assign(new Error(error instanceof Error ? error.message : String(error)), { code });
}

export async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(stream, hash);
  return hash.digest('hex');
}
