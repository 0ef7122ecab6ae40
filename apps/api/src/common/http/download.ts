import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { contentDisposition } from './content-disposition';

/**
 * Streams a generated file as a download. The first chunk (which runs the first query) comes before any header: a
 * database failure at the start is a normal error answer (503), not a download cut after a « 200 ».
 */
export async function sendDownload(
  reply: FastifyReply,
  type: string,
  filename: string,
  body: AsyncGenerator<string>,
  cacheControl = 'public, max-age=300',
): Promise<void> {
  const first = await body.next();
  async function* whole(): AsyncGenerator<string> {
    if (!first.done) {
      yield first.value;
      yield* body;
    }
  }
  await reply
    .header('content-type', type)
    .header('content-disposition', contentDisposition('attachment', filename))
    .header('cache-control', cacheControl)
    .send(Readable.from(whole()));
}
