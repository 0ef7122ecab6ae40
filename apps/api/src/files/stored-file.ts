import type { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { DocumentKind } from '@passerelle/shared/dto';
import { DomainException } from '../common/exceptions/domain.exception';
import type { FileStorage } from './file-storage';
import { contentDisposition } from '../common/http/content-disposition';

export interface StoredFile {
  stream: Readable;
  filename: string;
  mimeType: string;
  size: number;
  inline: boolean;
}

export interface StoredFileRow {
  filename: string;
  mime_type: string;
  kind: DocumentKind;
  storage_key: string;
  thumbnail_key: string | null;
}

/** The file itself or its thumbnail (WebP); `null` when the document has no thumbnail. */
export async function openStoredFile(storage: FileStorage, row: StoredFileRow, variant: 'content' | 'thumbnail'): Promise<StoredFile | null> {
  const key = variant === 'thumbnail' ? row.thumbnail_key : row.storage_key;
  if (!key) {
    return null;
  }
  let opened;
  try {
    opened = await storage.open(key);
  } catch (error) {
    throw storageFailure(key, error);
  }
  return {
    stream: opened.stream,
    filename: variant === 'thumbnail' ? `${row.filename.replace(/\.[^.]+$/, '')}-vignette.webp` : row.filename,
    mimeType: variant === 'thumbnail' ? 'image/webp' : row.mime_type,
    size: opened.size,
    // Only real images (checked at upload) are ever shown in the page; everything else is downloaded.
    inline: row.kind === 'PHOTO',
  };
}

const logger = new Logger('Stockage');

/**
 * The database knows the document but its bytes cannot be read (a restore without the files, a disk fault):
 * 404 when the file is gone, 503 for any other I/O error; logged for the operator, and the API stays up.
 */
export class StoredFileException extends DomainException {
  constructor(readonly reason: 'MISSING' | 'UNREADABLE') {
    super(
      reason === 'MISSING' ? 'STORED_FILE_MISSING' : 'STORAGE_UNAVAILABLE',
      reason === 'MISSING' ? 'NOT_FOUND' : 'UNAVAILABLE',
      reason === 'MISSING'
        ? 'Le fichier de ce document est introuvable sur le serveur : signalez-le au département.'
        : 'Le stockage des documents est momentanément indisponible : réessayez dans quelques instants.',
    );
  }
}

function storageFailure(key: string, error: unknown): StoredFileException {
  const code = (error as { code?: unknown } | null)?.code;
  const missing = code === 'ENOENT' || code === 'ENOTDIR';
  logger.error(`${missing ? 'Fichier absent du stockage' : 'Fichier illisible'} : ${key} (${typeof code === 'string' ? code : 'erreur'})`);
  return new StoredFileException(missing ? 'MISSING' : 'UNREADABLE');
}

/** Never sniffed, never HTML: the stored type, `nosniff`, and a download unless it is a checked image. */
export async function sendStoredFile(reply: FastifyReply, file: StoredFile, cacheControl: string): Promise<void> {
  await reply
    .header('content-type', file.mimeType)
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file.inline ? 'inline' : 'attachment', file.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', cacheControl)
    .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
    .send(file.stream);
}
