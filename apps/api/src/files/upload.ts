import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Logger } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import sharp from 'sharp';
import { MAX_UPLOAD_BYTES } from '@passerelle/shared/dto';
import { DomainException, type ErrorKind } from '../common/exceptions/domain.exception';
import type { FileStorage } from './file-storage';

/** Width and height, at most, of the WebP thumbnail of a photo. */
export const THUMBNAIL_WIDTH = 480;

export type UploadErrorCode = 'FILE_TOO_LARGE' | 'UNREADABLE_IMAGE';

/** The failures of receiving a file that every upload shares (documents, photos of the département's reports). */
export class UploadException extends DomainException {
  constructor(code: UploadErrorCode) {
    const { kind, message } = describe(code);
    super(code, kind, message);
  }
}

function describe(code: UploadErrorCode): { kind: ErrorKind; message: string } {
  switch (code) {
    case 'FILE_TOO_LARGE':
      return {
        kind: 'PAYLOAD_TOO_LARGE',
        message: `Ce fichier dépasse ${MAX_UPLOAD_BYTES / 1024 / 1024} Mo : réduisez-le (par exemple en compressant les images) ou découpez-le.`,
      };
    case 'UNREADABLE_IMAGE':
      return { kind: 'UNSUPPORTED_MEDIA_TYPE', message: 'Cette image est illisible ou abîmée : enregistrez-la à nouveau puis réessayez.' };
  }
}

/** Streams the part to `path` (never whole in memory), hashing and counting on the way; stops at the size limit. */
export async function receiveUpload(file: MultipartFile, path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(file.file, meter, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new UploadException('FILE_TOO_LARGE');
    }
    throw error;
  }
  if (file.file.truncated || size > MAX_UPLOAD_BYTES) {
    throw new UploadException('FILE_TOO_LARGE');
  }
  return { size, sha256: hash.digest('hex') };
}

const logger = new Logger('Vignettes');

/** Makes the WebP thumbnail of the image at `source` and keeps it under `key`; an unreadable image is refused. */
export async function storeThumbnail(storage: FileStorage, source: string, id: string, key: string): Promise<void> {
  const temporary = await storage.temporaryPath(`${id}-thumb`);
  try {
    await sharp(source, { limitInputPixels: 100_000_000 })
      .rotate()
      .resize({ width: THUMBNAIL_WIDTH, height: THUMBNAIL_WIDTH, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 78 })
      .toFile(temporary);
    await storage.keep(temporary, key);
  } catch (error) {
    logger.warn(`Vignette impossible pour ${id} : ${error instanceof Error ? error.message : String(error)}`);
    throw new UploadException('UNREADABLE_IMAGE');
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Keeps the user's name for display and download only: no path, no control characters, 255 characters at most. */
export function cleanFilename(name: string | undefined, fallback = 'document'): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 255);
  return cleaned || fallback;
}
