import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { ALLOWED_DOCUMENT_TYPES } from '@passerelle/shared/dto';

const TEXT_TYPES: Record<string, string> = { csv: 'text/csv', txt: 'text/plain' };

/**
 * The type of an uploaded file, decided from its content (magic bytes), never from its name or the type the
 * browser declared. Text formats have no magic bytes: a `.csv` or `.txt` name is accepted only when the content
 * really is UTF-8 text. Returns `null` for anything outside the allow-list.
 */
export async function detectContentType(path: string, filename: string): Promise<string | null> {
  const detected = await fileTypeFromFile(path);
  if (detected) {
    return ALLOWED_DOCUMENT_TYPES[detected.mime] ? detected.mime : null;
  }
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  const textType = TEXT_TYPES[extension];
  return textType && (await looksLikeText(path)) ? textType : null;
}

async function looksLikeText(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    const sample = buffer.subarray(0, bytesRead);
    if (sample.includes(0)) {
      return false;
    }
    // A cut in the middle of a multi-byte character at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, bytesRead === 64 * 1024 ? bytesRead - 4 : bytesRead));
    return true;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}
