import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendStoredFile, type StoredFile } from '../files/stored-file';

/**
 * Revalidated on every use (with the ETag the global plugin adds): a withdrawal is effective at once, and an
 * unchanged answer costs a 304.
 */
export const REVALIDATE = 'public, no-cache';

/**
 * A public file (a document of a published project, a photo of a reviewed report). A stored file never changes
 * under its id: its ETag is the id and the variant, checked only after the file is known public (the caller opened
 * it), so that a withdrawn file answers 404 and not 304.
 */
export async function sendPublicFile(file: StoredFile, etag: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  void reply.header('etag', etag);
  if (request.headers['if-none-match'] === etag) {
    file.stream.destroy();
    await reply.header('cache-control', REVALIDATE).code(304).send();
    return;
  }
  await sendStoredFile(reply, file, REVALIDATE);
}
