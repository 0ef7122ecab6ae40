import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

/**
 * A zip written to a local file as it is built (yazl): small texts from memory, files streamed one at a time, so
 * that an archive of large documents never sits in memory. Entry names are UTF-8 (yazl sets the flag).
 */
export class ArchiveWriter {
  private readonly zip = new ZipFile();
  private readonly written: Promise<void>;
  /** Rejects as soon as writing the zip fails, so that a file being added does not wait for ever. */
  private readonly failed: Promise<never>;

  constructor(
    private readonly path: string,
    private readonly mtime: Date,
  ) {
    this.written = pipeline(this.zip.outputStream, createWriteStream(path));
    this.failed = this.written.then(
      () => Promise.reject(new Error('archive already closed')),
      (error: unknown) => Promise.reject(error),
    );
    // Both are awaited only on some paths; a failure is reported there, not as an unhandled rejection.
    this.written.catch(() => undefined);
    this.failed.catch(() => undefined);
  }

  addText(name: string, text: string): void {
    this.zip.addBuffer(Buffer.from(text, 'utf8'), name, { mtime: this.mtime });
  }

  addJson(name: string, value: unknown): void {
    this.addText(name, `${JSON.stringify(value, null, 2)}\n`);
  }

  /**
   * Adds a stored file and resolves once it is read whole; a read error rejects (and ends the file). Stored as is,
   * without compression: documents (PDF, images, office files) are compressed already.
   */
  async addFile(name: string, stream: Readable, size: number): Promise<void> {
    this.zip.addReadStream(stream, name, { mtime: this.mtime, size, compress: false });
    try {
      await Promise.race([finished(stream), this.failed]);
    } catch (error) {
      stream.destroy();
      throw error;
    }
  }

  /** Writes the central directory and answers the zip's size in bytes. */
  async close(): Promise<number> {
    this.zip.end();
    await this.written;
    return (await stat(this.path)).size;
  }

  /** Stops writing after a failure (the caller removes the file). */
  abort(error: Error): void {
    (this.zip.outputStream as Readable).destroy(error);
  }
}

/**
 * A file name safe in any unzip tool and file system: no folder, no control or reserved character, at most 100
 * characters, the extension kept.
 */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what is taken out
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (!cleaned) {
    return 'fichier';
  }
  const chars = [...cleaned];
  if (chars.length <= 100) {
    return cleaned;
  }
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return chars.slice(0, 100 - [...extension].length).join('') + extension;
}
