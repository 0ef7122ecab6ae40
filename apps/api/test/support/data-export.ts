import type { Readable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataExportDto } from '@passerelle/shared/dto';
import { fromBufferPromise } from 'yauzl';
import { DataExportService } from '../../src/privacy/data-export/data-export.service';

/** The entries of a zip, by name. */
export async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  const file = await fromBufferPromise(zip, { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  for await (const entry of file.eachEntry()) {
    entries.set(entry.fileName, await collect(await file.openReadStreamPromise(entry)));
  }
  return entries;
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * « Télécharger mes données » as the account page does it, with jobs off (the build runs in the API's process):
 * ask, wait for the build, download. Answers the archive's entries.
 */
export async function exportData(app: NestFastifyApplication, headers: Record<string, string>): Promise<Map<string, Buffer>> {
  const asked = await app.inject({ method: 'POST', url: '/api/me/data-exports', headers });
  if (asked.statusCode !== 202) {
    throw new Error(`export refused: ${asked.statusCode} ${asked.body}`);
  }
  await app.get(DataExportService).settled();
  const list = (await app.inject({ method: 'GET', url: '/api/me/data-exports', headers })).json<DataExportDto[]>();
  const ready = list.find((e) => e.id === asked.json<DataExportDto>().id);
  if (!ready?.downloadUrl) {
    throw new Error(`export not ready: ${JSON.stringify(ready)}`);
  }
  const download = await app.inject({ method: 'GET', url: ready.downloadUrl, headers });
  if (download.statusCode !== 200) {
    throw new Error(`download refused: ${download.statusCode} ${download.body}`);
  }
  return unzip(download.rawPayload);
}

/** Every text file of the archive, joined: to look for something that must not be there. */
export function archiveText(entries: Map<string, Buffer>): string {
  return [...entries].filter(([name]) => name.endsWith('.json') || name.endsWith('.txt')).map(([, data]) => data.toString('utf8')).join('\n');
}
