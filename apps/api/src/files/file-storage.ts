import type { Readable } from 'node:stream';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export interface OpenedFile {
  stream: Readable;
  size: number;
}

/**
 * Where document bytes live, behind keys the server generates (never a user's file name): a local directory
 * (`LocalFileStorage`) or an S3-compatible bucket (`S3FileStorage`), chosen by `fileStorageProvider`. New uploads are
 * written to a local temporary file first either way: the type and quota checks read it before it is kept.
 */
export abstract class FileStorage {
  /** A local path to write a new upload to before it is kept (or thrown away). */
  abstract temporaryPath(name: string): Promise<string>;
  abstract keep(temporaryPath: string, key: string): Promise<void>;
  /**
   * Opens the stored bytes before anything is sent: a missing or unreadable file rejects here (`ENOENT`, `EIO`…),
   * where it can still become a normal error answer, instead of failing a stream whose headers are gone.
   */
  abstract open(key: string): Promise<OpenedFile>;
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

  async open(key: string): Promise<OpenedFile> {
    const handle = await open(this.pathOf(key), 'r');
    try {
      const { size } = await handle.stat();
      // The stream owns the handle from here and closes it when it ends, fails or is destroyed.
      return { stream: handle.createReadStream({ autoClose: true }), size };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    return join(this.root, assertStorageKey(key));
  }
}

/**
 * Keys are `<2 hex>/<uuid>…` (documents, spread over folders) or `exports/<user uuid>/<export uuid>.zip` (the
 * « Télécharger mes données » archives, short-lived: `storage:migrate` leaves them out); nothing in them can climb
 * out of the root.
 */
export const STORAGE_KEY_PATTERN = /^(?:[0-9a-f]{2}\/[0-9a-f-]{36}(?:-thumb\.webp)?|exports\/[0-9a-f-]{36}\/[0-9a-f-]{36}\.zip)$/;

export function assertStorageKey(key: string): string {
  if (!STORAGE_KEY_PATTERN.test(key)) {
    throw new Error(`Invalid storage key: ${key}`);
  }
  return key;
}
