import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/**
 * Where document bytes live, behind keys the server generates (never a user's file name). A local directory
 * here; an S3-compatible implementation can take its place behind the same methods.
 */
export abstract class FileStorage {
  /** A local path to write a new upload to before it is kept (or thrown away). */
  abstract temporaryPath(name: string): Promise<string>;
  abstract keep(temporaryPath: string, key: string): Promise<void>;
  abstract read(key: string): ReadStream;
  abstract size(key: string): Promise<number>;
  abstract remove(key: string): Promise<void>;
}

@Injectable()
export class LocalFileStorage extends FileStorage {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super();
    this.root = config.storageDir;
  }

  async temporaryPath(name: string): Promise<string> {
    const dir = join(this.root, 'tmp');
    await mkdir(dir, { recursive: true });
    return join(dir, name);
  }

  async keep(temporaryPath: string, key: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    await rename(temporaryPath, target);
  }

  read(key: string): ReadStream {
    return createReadStream(this.pathOf(key));
  }

  async size(key: string): Promise<number> {
    return (await stat(this.pathOf(key))).size;
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Keys are `<2 hex>/<uuid>…`: spread over folders, and nothing in them can climb out of the root. */
  private pathOf(key: string): string {
    if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}(?:-thumb\.webp)?$/.test(key)) {
      throw new Error(`Invalid storage key: ${key}`);
    }
    return join(this.root, key);
  }
}
