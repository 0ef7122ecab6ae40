import type { ReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';
import type { DocumentKind } from '@passerelle/shared/dto';
import type { FileStorage } from './file-storage';

export interface StoredFile {
  stream: ReadStream;
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
  return {
    stream: storage.read(key),
    filename: variant === 'thumbnail' ? `${row.filename.replace(/\.[^.]+$/, '')}-vignette.webp` : row.filename,
    mimeType: variant === 'thumbnail' ? 'image/webp' : row.mime_type,
    size: await storage.size(key),
    // Only real images (checked at upload) are ever shown in the page; everything else is downloaded.
    inline: row.kind === 'PHOTO',
  };
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

/** RFC 6266 with an ASCII fallback and the UTF-8 name (RFC 8187). */
export function contentDisposition(type: 'inline' | 'attachment', filename: string): string {
  const ascii = filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
