import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { LoggerService } from '@nestjs/common';
import sharp from 'sharp';
import type { ApiError, DocumentDto, ProjectDto } from '@passerelle/shared/dto';
import { runCliCommand } from '../src/cli-command';
import { readS3Config } from '../src/config/s3-config';
import { FileStorage } from '../src/files/file-storage';
import { PART_SIZE, S3FileStorage, createS3Client } from '../src/files/s3-file-storage';
import { openStoredFile } from '../src/files/stored-file';
import { createTeam, multipart, signIn, type Session } from './factories';
import { type TestS3, startS3Server } from './support/s3-server';
import { type TestApp, startTestApp, testConfig } from './test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

function bucketClient(s3: TestS3): S3Client {
  const config = readS3Config(s3.env, []);
  if (!config) {
    throw new Error('S3 test configuration refused');
  }
  return createS3Client(config);
}

async function readObject(client: S3Client, bucket: string, key: string): Promise<Buffer | null> {
  try {
    const output = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return Buffer.from(await (output.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') {
      return null;
    }
    throw error;
  }
}

async function objectExists(client: S3Client, bucket: string, key: string): Promise<boolean> {
  try {
    await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) {
      return false;
    }
    throw error;
  }
}

describe('Documents and photos in S3-compatible storage', () => {
  let s3: TestS3;
  let client: S3Client;
  let t: TestApp;
  let mayor: Session;
  let project: ProjectDto;

  beforeAll(async () => {
    s3 = await startS3Server();
    client = bucketClient(s3);
    t = await startTestApp('valDOise', s3.env);
    mayor = await signIn(t.app, (await createTeam(t.db, '95002')).mayor);
    project = (
      await t.app.inject({ method: 'POST', url: '/api/communes/95002/projects', headers: mayor.headers, payload: { title: 'Lavoir', theme: 'CULTURE_PATRIMOINE', status: 'IN_PROGRESS' } })
    ).json<ProjectDto>();
  });
  afterAll(async () => {
    await t?.close();
    client?.destroy();
    await s3?.stop();
  });

  const upload = (filename: string, content: Buffer) => {
    const body = multipart(filename, content);
    return t.app.inject({ method: 'POST', url: `/api/projects/${project.id}/documents`, headers: { ...mayor.headers, ...body.headers }, payload: body.payload });
  };
  const storageKeys = async (id: string): Promise<{ storage_key: string; thumbnail_key: string | null }> =>
    (await t.db.query(`SELECT storage_key, thumbnail_key FROM document WHERE id = $1`, [id]))[0];

  it('uses the S3 storage when S3_BUCKET is set', () => {
    expect(t.app.get(FileStorage)).toBeInstanceOf(S3FileStorage);
  });

  it.each([
    ['a small PDF, sent in one request', PDF],
    ['a PDF larger than one part, sent in parts', Buffer.concat([PDF, Buffer.alloc(PART_SIZE + 1024 * 1024, 32).fill(7, 1000, 5000)])],
  ])('keeps %s in the bucket (not on the local disk) and serves it back byte for byte', async (_, content) => {
    const res = await upload('compte-rendu.pdf', content);
    expect([res.statusCode, res.statusCode === 201 ? '' : res.body]).toEqual([201, '']);
    const doc = res.json<DocumentDto>();
    expect(doc.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    const { storage_key } = await storageKeys(doc.id);

    expect((await readObject(client, s3.bucket, storage_key))?.equals(content)).toBe(true);
    expect(existsSync(join(t.config.storageDir, storage_key))).toBe(false);
    // The temporary file the checks read is gone once the object is kept.
    expect(readdirSync(join(t.config.storageDir, 'tmp'))).toEqual([]);

    const download = await t.app.inject({ method: 'GET', url: doc.contentUrl, headers: mayor.headers });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-length']).toBe(String(content.length));
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(content)).toBe(true);
  });

  it('keeps a photo and its thumbnail in the bucket, serves the thumbnail, and deleting the photo removes both objects', async () => {
    const png = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#3a7' } }).png().toBuffer();
    const res = await upload('lavoir.png', png);
    expect(res.statusCode).toBe(201);
    const photo = res.json<DocumentDto>();
    const keys = await storageKeys(photo.id);
    expect(keys.thumbnail_key).toBe(`${keys.storage_key}-thumb.webp`);
    expect(await objectExists(client, s3.bucket, keys.thumbnail_key as string)).toBe(true);

    const thumb = await t.app.inject({ method: 'GET', url: photo.thumbnailUrl as string, headers: mayor.headers });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(await sharp(thumb.rawPayload).metadata()).toMatchObject({ format: 'webp', width: 480, height: 300 });
    const full = await t.app.inject({ method: 'GET', url: photo.contentUrl, headers: mayor.headers });
    expect(full.rawPayload.equals(png)).toBe(true);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/documents/${photo.id}`, headers: mayor.headers })).statusCode).toBe(204);
    expect(await objectExists(client, s3.bucket, keys.storage_key)).toBe(false);
    expect(await objectExists(client, s3.bucket, keys.thumbnail_key as string)).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: photo.contentUrl, headers: mayor.headers })).statusCode).toBe(404);
  });

  it('answers 404 in French, not 500, when the object is missing from the bucket', async () => {
    const doc = (await upload('perdu.pdf', PDF)).json<DocumentDto>();
    const { storage_key } = await storageKeys(doc.id);
    await client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: storage_key }));

    const res = await t.app.inject({ method: 'GET', url: doc.contentUrl, headers: mayor.headers });
    expect(res.statusCode).toBe(404);
    expect(res.json<ApiError>()).toMatchObject({ code: 'STORED_FILE_MISSING', message: expect.stringMatching(/introuvable sur le serveur/) });
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('reports an unreachable S3 server as storage unavailable (503), never as a missing file (404)', async () => {
    const config = testConfig({ ...s3.env, S3_ENDPOINT: 'http://127.0.0.1:9' });
    const unreachable = new S3FileStorage(config);
    const key = `ab/${randomUUID()}`;
    try {
      await expect(
        openStoredFile(unreachable, { filename: 'x.pdf', mime_type: 'application/pdf', kind: 'DOCUMENT', storage_key: key, thumbnail_key: null }, 'content'),
      ).rejects.toMatchObject({ reason: 'UNREADABLE', code: 'STORAGE_UNAVAILABLE' });
    } finally {
      unreachable.onModuleDestroy();
      rmSync(config.dataDir, { recursive: true, force: true });
    }
  });
});

describe('npm run storage:migrate', () => {
  let s3: TestS3;
  let client: S3Client;
  let storageDir: string;
  const objects = new Map<string, Buffer>();
  const lines: string[] = [];
  const logger: LoggerService = { log: (m: unknown) => lines.push(String(m)), warn: (m: unknown) => lines.push(String(m)), error: (m: unknown) => lines.push(String(m)) };

  beforeAll(async () => {
    s3 = await startS3Server();
    client = bucketClient(s3);
    storageDir = mkdtempSync(join(tmpdir(), 'passerelle-local-store-'));
    const newKey = () => {
      const id = randomUUID();
      return `${id.slice(0, 2)}/${id}`;
    };
    const large = Buffer.alloc(PART_SIZE + 300_000);
    for (let i = 0; i < large.length; i += 4096) {
      large.writeUInt32BE(i, i);
    }
    const photo = newKey();
    for (const [key, content] of [
      [photo, Buffer.concat([PDF, Buffer.from('photo originale')])],
      [`${photo}-thumb.webp`, Buffer.from('vignette')],
      [newKey(), PDF],
      [newKey(), large],
    ] as const) {
      mkdirSync(join(storageDir, key.slice(0, 2)), { recursive: true });
      writeFileSync(join(storageDir, key), content);
      objects.set(key, content);
    }
    // An upload in progress is not a stored object.
    mkdirSync(join(storageDir, 'tmp'));
    writeFileSync(join(storageDir, 'tmp', randomUUID()), 'en cours');
  });
  afterAll(async () => {
    client?.destroy();
    await s3?.stop();
    rmSync(storageDir, { recursive: true, force: true });
  });

  async function migrate(env: Record<string, string> = s3.env): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await runCliCommand(['storage-migrate'], testConfig({ STORAGE_DIR: storageDir, ...env }), {
      logger,
      nestLogger: logger,
      stdout: (l) => stdout.push(l),
      stderr: (l) => stderr.push(l),
    });
    return { code, stdout, stderr };
  }

  it('refuses to run without the S3 configuration', async () => {
    const { code, stderr } = await migrate({});
    expect(code).toBe(2);
    expect(stderr.join('\n')).toMatch(/renseignez S3_BUCKET/);
  });

  it('copies every object of the local store, verified by SHA-256, then skips them on a second run', async () => {
    const first = await migrate();
    expect(first).toEqual({
      code: 0,
      stdout: ['Stockage : 4 objet(s) trouvé(s), 4 copié(s) et vérifié(s), 0 déjà présent(s) avec le même SHA-256, 0 différent(s), 0 en échec.'],
      stderr: [],
    });
    for (const [key, content] of objects) {
      expect({ key, same: (await readObject(client, s3.bucket, key))?.equals(content) }).toEqual({ key, same: true });
    }

    const second = await migrate();
    expect(second.code).toBe(0);
    expect(second.stdout).toEqual(['Stockage : 4 objet(s) trouvé(s), 0 copié(s) et vérifié(s), 4 déjà présent(s) avec le même SHA-256, 0 différent(s), 0 en échec.']);
  });

  it('reports an object whose bytes differ in the bucket, leaves it as it is, and exits non-zero', async () => {
    const [tampered] = [...objects.keys()].sort();
    await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: tampered, Body: Buffer.from('altéré') }));
    const { code, stdout, stderr } = await migrate();
    expect(code).toBe(1);
    expect(stdout).toEqual(['Stockage : 4 objet(s) trouvé(s), 0 copié(s) et vérifié(s), 3 déjà présent(s) avec le même SHA-256, 1 différent(s), 0 en échec.']);
    expect(stderr).toEqual([`${tampered} : déjà présent dans S3 avec un autre contenu (SHA-256 différent), laissé tel quel`]);
    expect((await readObject(client, s3.bucket, tampered))?.toString()).toBe('altéré');
  });
});
