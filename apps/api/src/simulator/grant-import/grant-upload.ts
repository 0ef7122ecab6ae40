import type { FastifyRequest } from 'fastify';
import { AID_GRANT_IMPORT_MAX_BYTES } from '@passerelle/shared/dto';
import { AidGrantImportException } from './aid-grant-import.exception';

/** The file of an import request, whole (it is read at once), and the form's text fields. */
export interface GrantUpload {
  fileName: string;
  bytes: Buffer;
  fields: Record<string, string>;
}

/**
 * Reads a `multipart/form-data` request with one file (any field name, `file` by convention) and a few text fields,
 * in any order. The file is held in memory up to `AID_GRANT_IMPORT_MAX_BYTES`, beyond which the request is refused
 * (413) without reading the rest.
 */
export async function readGrantUpload(request: FastifyRequest): Promise<GrantUpload> {
  if (!request.isMultipart()) {
    throw new AidGrantImportException('AID_GRANT_FILE_MISSING');
  }
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Buffer } | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: AID_GRANT_IMPORT_MAX_BYTES, files: 1, fields: 5 } })) {
      if (part.type === 'file') {
        file = { fileName: fileNameOf(part.filename), bytes: await part.toBuffer() };
      } else {
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : '';
      }
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AidGrantImportException('AID_GRANT_FILE_TOO_LARGE');
    }
    throw error;
  }
  if (file === null) {
    throw new AidGrantImportException('AID_GRANT_FILE_MISSING');
  }
  return { ...file, fields };
}

/** The name as the admin will recognise it in the list: no path, no control characters, 255 characters at most. */
function fileNameOf(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 255);
  return cleaned || 'subventions.csv';
}
