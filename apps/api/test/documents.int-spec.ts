import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import type { ApiError, DocumentDto, ProjectDto, ProjectHistoryEntryDto, Page, StorageUsageDto } from '@passerelle/shared/dto';
import { BOUNDARY, createTeam, createUser, multipart, signIn, type Session } from './factories';
import { type TestApp, startTestApp } from './test-app';

/** Streams a multipart upload of `megabytes` MB from a child process; resolves with the answer. */
function uploadFromAnotherProcess(url: string, authorization: string, megabytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const script = join(__dirname, 'support', 'stream-upload.mjs');
    const child = spawn(process.execPath, [script, url, authorization, String(megabytes), BOUNDARY]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`upload failed: ${err}`))));
  });
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('Project documents and photos', () => {
  let t: TestApp;
  let collaborator: Session;
  let otherMayor: Session;
  let agent: Session;
  let projectId: string;

  beforeAll(async () => {
    t = await startTestApp('valDOise', { COMMUNE_QUOTA_MB: '1' });
    const team = await createTeam(t.db, '95002', 1);
    collaborator = await signIn(t.app, team.collaborators[0]);
    otherMayor = await signIn(t.app, (await createTeam(t.db, '95625')).mayor);
    agent = await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true }));
    const project = await t.app.inject({
      method: 'POST',
      url: '/api/communes/95002/projects',
      headers: collaborator.headers,
      payload: { title: 'Lavoir', theme: 'CULTURE_PATRIMOINE', status: 'IN_PROGRESS' },
    });
    projectId = project.json<ProjectDto>().id;
  });
  afterAll(() => t.close());

  const upload = (session: Session, filename: string, content: Buffer, declaredType?: string, id = projectId) => {
    const body = multipart(filename, content, declaredType);
    return t.app.inject({ method: 'POST', url: `/api/projects/${id}/documents`, headers: { ...session.headers, ...body.headers }, payload: body.payload });
  };

  it('keeps a PDF with its SHA-256 under a server key, and serves it as a download with nosniff', async () => {
    const res = await upload(collaborator, '../../etc/Compte rendu « chantier ».pdf', PDF, 'text/html');
    expect(res.statusCode).toBe(201);
    const doc = res.json<DocumentDto>();
    expect(doc).toMatchObject({ kind: 'DOCUMENT', mimeType: 'application/pdf', sizeBytes: PDF.length, filename: 'Compte rendu « chantier ».pdf', thumbnailUrl: null });
    expect(doc.sha256).toBe(require('node:crypto').createHash('sha256').update(PDF).digest('hex'));
    const [row] = await t.db.query(`SELECT storage_key FROM document WHERE id = $1`, [doc.id]);
    expect(row.storage_key).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/);

    const download = await t.app.inject({ method: 'GET', url: doc.contentUrl, headers: agent.headers });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Compte rendu _ chantier _.pdf"; filename*=UTF-8''Compte%20rendu%20%C2%AB%20chantier%20%C2%BB.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const [audit] = await t.db.query(`SELECT action FROM audit_event WHERE action = 'DOCUMENT_DOWNLOADED' AND target_id = $1`, [doc.id]);
    expect(audit).toBeDefined();
    const history = (await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}/history`, headers: collaborator.headers })).json<Page<ProjectHistoryEntryDto>>();
    expect(history.items[0]).toMatchObject({ action: 'DOCUMENT_ADDED', changes: [{ after: 'Compte rendu « chantier ».pdf' }] });
  });

  it('makes a WebP thumbnail of a photo, shown inline', async () => {
    const png = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#3a7' } }).png().toBuffer();
    const res = await upload(collaborator, 'lavoir.png', png, 'image/png');
    expect(res.statusCode).toBe(201);
    const photo = res.json<DocumentDto>();
    expect(photo).toMatchObject({ kind: 'PHOTO', mimeType: 'image/png' });
    const thumb = await t.app.inject({ method: 'GET', url: photo.thumbnailUrl as string, headers: collaborator.headers });
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect(thumb.headers['content-disposition']).toMatch(/^inline; /);
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 480, height: 300 });
    const project = (await t.app.inject({ method: 'GET', url: `/api/projects/${projectId}`, headers: collaborator.headers })).json<ProjectDto>();
    expect(project.coverUrl).toBe(photo.thumbnailUrl);
  });

  it.each([
    ['an .exe renamed report.pdf', 'report.pdf', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200), Buffer.from('PE\0\0', 'latin1'), Buffer.alloc(200)]), 'application/pdf'],
    ['an HTML file declared as an image', 'photo.png', Buffer.from('<!doctype html><script>alert(1)</script>'), 'image/png'],
    ['an SVG image', 'logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml'],
    ['binary data named .txt', 'notes.txt', Buffer.from([0, 1, 2, 3, 0, 255, 254]), 'text/plain'],
  ])('refuses %s (415, French message)', async (_, filename, content, declared) => {
    const res = await upload(collaborator, filename, content, declared);
    expect(res.statusCode).toBe(415);
    expect(res.json<ApiError>()).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE', message: expect.stringMatching(/^Ce type de fichier n’est pas accepté/) });
  });

  it('accepts CSV text for what it is', async () => {
    const res = await upload(collaborator, 'budget.csv', Buffer.from('poste;montant\ntoiture;12345,67\n'), 'application/vnd.ms-excel');
    expect(res.json<DocumentDto>()).toMatchObject({ mimeType: 'text/csv', kind: 'DOCUMENT' });
  });

  it('hides documents of other communes (404) for download, upload and delete', async () => {
    const doc = (await upload(collaborator, 'plan.pdf', PDF)).json<DocumentDto>();
    expect((await t.app.inject({ method: 'GET', url: doc.contentUrl, headers: otherMayor.headers })).statusCode).toBe(404);
    expect((await upload(otherMayor, 'x.pdf', PDF)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/documents/${doc.id}`, headers: otherMayor.headers })).statusCode).toBe(404);
    expect((await upload(agent, 'x.pdf', PDF)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/documents/${doc.id}`, headers: collaborator.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: doc.contentUrl, headers: collaborator.headers })).statusCode).toBe(404);
  });

  it('answers COMMUNE_NOT_FOUND in French for an attachment to another commune, and hides its storage usage', async () => {
    const body = multipart('x.pdf', PDF);
    const attachment = await t.app.inject({
      method: 'POST',
      url: '/api/communes/95002/attachments',
      headers: { ...otherMayor.headers, ...body.headers },
      payload: body.payload,
    });
    expect(attachment.statusCode).toBe(404);
    expect(attachment.json<ApiError>()).toMatchObject({ code: 'COMMUNE_NOT_FOUND', message: 'Cette commune est introuvable.' });
    const usage = await t.app.inject({ method: 'GET', url: '/api/communes/95002/storage', headers: otherMayor.headers });
    expect(usage.statusCode).toBe(404);
    expect(usage.json<ApiError>().code).toBe('DOCUMENT_NOT_FOUND');
  });

  it('refuses a body that is not multipart, and a part without file', async () => {
    const json = await t.app.inject({ method: 'POST', url: `/api/projects/${projectId}/documents`, headers: collaborator.headers, payload: { file: 'x' } });
    expect(json.statusCode).toBe(400);
    expect(json.json<ApiError>().code).toBe('FILE_MISSING');
  });

  it('counts the commune’s quota (1 MB here): 413 when full, with the usage reported', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(700 * 1024, 32)]);
    expect((await upload(collaborator, 'gros-1.pdf', big)).statusCode).toBe(201);
    const full = await upload(collaborator, 'gros-2.pdf', big);
    expect(full.statusCode).toBe(413);
    expect(full.json<ApiError>().code).toBe('QUOTA_EXCEEDED');
    const usage = (await t.app.inject({ method: 'GET', url: '/api/communes/95002/storage', headers: collaborator.headers })).json<StorageUsageDto>();
    expect(usage.quotaBytes).toBe(1024 * 1024);
    expect(usage.usedBytes).toBeGreaterThan(700 * 1024);
  });

  it('refuses a 26 MB file with 413, streaming it to disk as it arrives (never whole in memory), keeping nothing', async () => {
    const big = await startTestApp('valDOise');
    try {
      const team = await createTeam(big.db, '95651');
      const session = await signIn(big.app, team.mayor);
      const project = (await big.app.inject({ method: 'POST', url: '/api/communes/95651/projects', headers: session.headers, payload: { title: 'Salle', theme: 'AUTRE', status: 'PLANNED' } })).json<ProjectDto>();
      await big.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = big.app.getHttpServer().address() as AddressInfo;

      // The body is generated chunk by chunk by another process. While it arrives, the partial file on disk must
      // grow step by step: the API writes chunks as they come instead of gathering the file in memory first.
      const tmp = join(big.config.storageDir, 'tmp');
      const sizesSeen = new Set<number>();
      const sampler = setInterval(() => {
        for (const name of existsSync(tmp) ? readdirSync(tmp) : []) {
          try {
            sizesSeen.add(statSync(join(tmp, name)).size);
          } catch {
            // removed meanwhile
          }
        }
      }, 2);
      const res = await uploadFromAnotherProcess(`http://127.0.0.1:${port}/api/projects/${project.id}/documents`, session.headers.authorization, 26);
      expect(res.status).toBe(413);
      expect((JSON.parse(res.body) as ApiError).code).toBe('FILE_TOO_LARGE');
      clearInterval(sampler);
      const partial = [...sizesSeen].filter((size) => size > 0 && size < 25 * 1024 * 1024);
      expect(partial.length).toBeGreaterThanOrEqual(3);
      // Nothing kept: no row, and the partial file written to disk while streaming was removed.
      expect(readdirSync(join(big.config.storageDir, 'tmp'))).toEqual([]);
      const [{ count }] = await big.db.query(`SELECT count(*)::int AS count FROM document`);
      expect(count).toBe(0);
    } finally {
      await big.close();
    }
  });
});

describe('A stored file that is missing', () => {
  let lost: TestApp;
  let mayor: Session;
  let project: ProjectDto;

  beforeAll(async () => {
    // Its own app: passport keeps one JWT strategy per process, the latest app's (see the 26 MB test above).
    lost = await startTestApp('valDOise');
    mayor = await signIn(lost.app, (await createTeam(lost.db, '95002')).mayor);
    project = (
      await lost.app.inject({ method: 'POST', url: '/api/communes/95002/projects', headers: mayor.headers, payload: { title: 'Lavoir', theme: 'CULTURE_PATRIMOINE', status: 'IN_PROGRESS' } })
    ).json<ProjectDto>();
  });
  afterAll(() => lost.close());

  const upload = (session: Session, filename: string, content: Buffer) => {
    const body = multipart(filename, content);
    return lost.app.inject({ method: 'POST', url: `/api/projects/${project.id}/documents`, headers: { ...session.headers, ...body.headers }, payload: body.payload });
  };

  it('answers 404 in French when a stored file is missing (restore without files), and stays up', async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#37a' } }).png().toBuffer();
    const uploaded = await upload(mayor, 'perdue.png', png);
    expect([uploaded.statusCode, uploaded.statusCode === 201 ? '' : uploaded.body]).toEqual([201, '']);
    const photo = uploaded.json<DocumentDto>();
    const [row] = await lost.db.query(`SELECT storage_key, thumbnail_key FROM document WHERE id = $1`, [photo.id]);
    // Published with this photo chosen, so that the public routes serve it too.
    await lost.db.query(
      `INSERT INTO project_publication (project_id, slug, departement_code, commune_insee, theme, status, snapshot, project_version,
                                        published_at, reviewed_at, document_ids)
       VALUES ($1, 'lavoir-fichier-perdu', '95', '95002', 'CULTURE_PATRIMOINE', 'IN_PROGRESS', '{}', 1, now(), now(), ARRAY[$2::uuid])`,
      [project.id, photo.id],
    );
    expect((await lost.app.inject({ method: 'GET', url: `/api/public/documents/${photo.id}/content` })).statusCode).toBe(200);
    rmSync(join(lost.config.storageDir, row.storage_key));
    rmSync(join(lost.config.storageDir, row.thumbnail_key));

    for (const url of [photo.contentUrl, photo.thumbnailUrl as string]) {
      const res = await lost.app.inject({ method: 'GET', url, headers: mayor.headers });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 404 });
      expect(res.json<ApiError>()).toMatchObject({ code: 'STORED_FILE_MISSING', message: expect.stringMatching(/introuvable sur le serveur/) });
    }
    for (const variant of ['content', 'thumbnail']) {
      const res = await lost.app.inject({ method: 'GET', url: `/api/public/documents/${photo.id}/${variant}` });
      expect({ variant, status: res.statusCode, code: res.json<ApiError>().code }).toEqual({ variant, status: 404, code: 'STORED_FILE_MISSING' });
    }
    // Still serving: a crash of the process would have ended the test run here.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await lost.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
