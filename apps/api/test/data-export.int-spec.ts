import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { ApiError, DataExportDto, DeptPhotoDto, DeptProjectDto, DeptReportDto, DevMailDto, NotificationPageDto, Page, ThreadDto } from '@passerelle/shared/dto';
import { FileStorage } from '../src/files/file-storage';
import { NotificationMailer } from '../src/notifications/notification-mailer';
import { ARCHIVE_FILES, README_FILE } from '../src/privacy/data-export/archive/archive-content';
import { DataExportBuilder } from '../src/privacy/data-export/data-export.builder';
import { DATA_EXPORT_QUEUE, DataExportService } from '../src/privacy/data-export/data-export.service';
import { type Session, type TestUser, createTeam, createUser, multipart, signIn } from './factories';
import { archiveText, unzip } from './support/data-export';
import { type TestApp, startTestApp } from './test-app';

const SECRET = 'Tournesol';
const DAY_MS = 86_400_000;

type Json = Record<string, unknown>;

/** `file.json/section` → the fields LISEZMOI.txt describes there. */
function describedFields(readme: string): Map<string, Set<string>> {
  const described = new Map<string, Set<string>>();
  let file = '';
  let section = '';
  for (const line of readme.split('\r\n')) {
    const header = /^([a-z-]+\.json)$/.exec(line);
    const sectionLine = /^ {2}« (\w+) » : \S/.exec(line);
    const field = /^ {4}(\w+) : \S/.exec(line);
    if (header) {
      file = header[1];
    } else if (sectionLine) {
      section = `${file}/${sectionLine[1]}`;
      described.set(section, new Set());
    } else if (field) {
      described.get(section)?.add(field[1]);
    }
  }
  return described;
}

/** Every section and field of every JSON file of the archive is described in LISEZMOI.txt; answers how many fields were seen. */
function expectEveryFieldDescribed(entries: Map<string, Buffer>): number {
  const readme = entries.get(README_FILE)?.toString('utf8') ?? '';
  const described = describedFields(readme);
  let seen = 0;
  for (const [name, data] of entries) {
    if (!name.endsWith('.json')) {
      continue;
    }
    for (const [section, value] of Object.entries(JSON.parse(data.toString('utf8')) as Json)) {
      const fields = described.get(`${name}/${section}`);
      expect({ section: `${name}/${section}`, described: fields !== undefined }).toEqual({ section: `${name}/${section}`, described: true });
      for (const row of (Array.isArray(value) ? value : [value]) as Json[]) {
        for (const field of Object.keys(row)) {
          expect({ field: `${name}/${section}/${field}`, described: fields?.has(field) }).toEqual({ field: `${name}/${section}/${field}`, described: true });
          seen += 1;
        }
      }
    }
  }
  return seen;
}

describe('Data export (« Télécharger mes données »)', () => {
  let t: TestApp;
  let exports: DataExportService;
  let collaboratorUser: TestUser;
  let collaborator: Session;
  let mayor: Session;
  let agentUser: TestUser;
  let agent: Session;
  let admin: Session;
  let thread: ThreadDto;
  const document = Buffer.from(`Devis du city-stade, version signée — ${'é'.repeat(2000)}`);
  let documentId: string;
  let noteAttachmentId: string;

  beforeAll(async () => {
    t = await startTestApp('valDOise');
    exports = t.app.get(DataExportService);
    const team = await createTeam(t.db, '95002', 1);
    collaboratorUser = team.collaborators[0];
    collaborator = await signIn(t.app, collaboratorUser);
    mayor = await signIn(t.app, team.mayor);
    agentUser = await createUser(t.db, { role: 'AGENT', totpExempt: true });
    agent = await signIn(t.app, agentUser);
    admin = await signIn(t.app, await createUser(t.db, { role: 'ADMIN', totpExempt: true }));

    const asked = await inject({
      method: 'POST',
      url: '/api/communes/95002/threads',
      headers: collaborator.headers,
      payload: { subject: 'Subvention du city-stade', category: 'FUNDING', body: 'Question du collaborateur sur le city-stade.' },
    });
    expect(asked.statusCode).toBe(201);
    thread = asked.json<ThreadDto>();
    documentId = await upload(collaborator, 'devis city-stade.txt', document);
    expect((await post(collaborator, thread.id, { body: 'Voici le devis signé.', attachmentIds: [documentId] })).statusCode).toBe(201);
    noteAttachmentId = await upload(agent, 'avis.txt', Buffer.from(`Avis interne ${SECRET}`));
    expect((await post(agent, thread.id, { body: `${SECRET} : dossier fragile.`, internal: true, attachmentIds: [noteAttachmentId] })).statusCode).toBe(201);
    expect((await post(agent, thread.id, { body: 'Le city-stade est éligible à la DETR.' })).statusCode).toBe(201);
    await t.app.get(NotificationMailer).sendImmediate();
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    // The last build's notification mail may still be leaving (`flushSoon`): let it finish before the database goes.
    await new Promise((resolve) => setImmediate(resolve));
    await t?.app.get(NotificationMailer).settled();
    await t?.close();
  });

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => t.app.inject(options);
  const post = (session: Session, id: string, payload: object) => inject({ method: 'POST', url: `/api/threads/${id}/messages`, headers: session.headers, payload });
  async function upload(session: Session, filename: string, content: Buffer): Promise<string> {
    const res = await inject({
      method: 'POST',
      url: '/api/communes/95002/attachments',
      headers: { ...session.headers, 'content-type': 'multipart/form-data; boundary=X' },
      payload: Buffer.concat([
        Buffer.from(`--X\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n`),
        content,
        Buffer.from('\r\n--X--\r\n'),
      ]),
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  }
  const request = (session: Session) => inject({ method: 'POST', url: '/api/me/data-exports', headers: session.headers });
  const list = async (session: Session) => (await inject({ method: 'GET', url: '/api/me/data-exports', headers: session.headers })).json<DataExportDto[]>();
  const download = (session: Session | null, id: string) =>
    inject({ method: 'GET', url: `/api/me/data-exports/${id}/download`, headers: session?.headers ?? {} });
  const row = async (id: string) =>
    (await t.db.query(`SELECT status, error, storage_key, ready_at, expires_at FROM data_export WHERE id = $1`, [id]))[0] as
      | { status: string; error: string | null; storage_key: string | null; ready_at: Date | null; expires_at: Date | null }
      | undefined;
  const filesOf = (userId: string) => {
    const dir = join(t.config.storageDir, 'exports', userId);
    return existsSync(dir) ? readdirSync(dir) : [];
  };

  /** Asks, lets the in-process build run, and answers the export as listed. */
  async function ready(session: Session): Promise<DataExportDto> {
    const asked = await request(session);
    expect(asked.statusCode).toBe(202);
    await exports.settled();
    const listed = (await list(session)).find((e) => e.id === asked.json<DataExportDto>().id);
    expect(listed?.status).toBe('READY');
    return listed as DataExportDto;
  }
  async function archive(session: Session, id: string): Promise<Map<string, Buffer>> {
    const res = await download(session, id);
    expect(res.statusCode).toBe(200);
    return unzip(res.rawPayload);
  }
  const json = <T = Json>(entries: Map<string, Buffer>, name: string): T => JSON.parse(entries.get(name)?.toString('utf8') ?? 'null') as T;

  it('builds the archive in the background, tells the owner, and gives it to them only', async () => {
    const asked = await request(collaborator);
    expect(asked.statusCode).toBe(202);
    expect(asked.json<DataExportDto>()).toMatchObject({ status: 'PENDING', readyAt: null, expiresAt: null, sizeBytes: null, downloadUrl: null });
    const id = asked.json<DataExportDto>().id;

    await exports.settled();
    const [listed] = await list(collaborator);
    expect(listed).toMatchObject({ id, status: 'READY', downloadUrl: `/api/me/data-exports/${id}/download` });
    expect(listed.sizeBytes).toBeGreaterThan(document.length);
    expect(new Date(listed.expiresAt ?? 0).getTime() - new Date(listed.readyAt ?? 0).getTime()).toBe(7 * DAY_MS);

    // Told in the app, with a link to the account page, and by e-mail (immediate by default), never with the file.
    const notifications = (await inject({ method: 'GET', url: '/api/notifications', headers: collaborator.headers })).json<NotificationPageDto>();
    expect(notifications.items[0]).toMatchObject({ kind: 'DATA_EXPORT_READY', link: '/compte', title: 'Vos données sont prêtes à télécharger' });
    await t.app.get(NotificationMailer).settled();
    await t.app.get(NotificationMailer).sendImmediate();
    const mails = (await inject({ method: 'GET', url: '/api/dev/mails?limit=100' })).json<Page<DevMailDto>>().items;
    const mail = mails.find((m) => m.to === collaboratorUser.email && m.subject.includes('Vos données sont prêtes'));
    expect(mail?.text).toContain(`${t.config.publicUrl}/compte`);
    expect(mail?.text).toContain('Ouvrir mon compte');
    expect(`${mail?.text} ${mail?.html}`).not.toMatch(/data-exports|download|\.zip/);

    // Nobody else, not even an admin of the département or the mayor of the same commune; signed out, nobody.
    expect((await download(mayor, id)).statusCode).toBe(404);
    expect((await download(admin, id)).statusCode).toBe(404);
    expect((await download(agent, id)).json<ApiError>().code).toBe('DATA_EXPORT_NOT_FOUND');
    expect((await download(null, id)).statusCode).toBe(401);
    expect((await download(collaborator, 'pas-un-id')).statusCode).toBe(404);
    expect((await list(mayor)).map((e) => e.id)).not.toContain(id);

    const res = await download(collaborator, id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="passerelle-mes-donnees-\d{4}-\d{2}-\d{2}\.zip"/);
    expect(Number(res.headers['content-length'])).toBe(listed.sizeBytes);

    const [audit] = await t.db.query(
      `SELECT array_agg(action ORDER BY id) AS actions FROM audit_event WHERE actor_id = $1 AND target_type = 'data_export' AND target_id = $2`,
      [collaboratorUser.id, id],
    );
    expect(audit.actions).toEqual(['DATA_EXPORT_REQUESTED', 'DATA_EXPORT_DOWNLOADED']);
  });

  it('holds one JSON file per kind of data, the uploaded files and a LISEZMOI describing every field; no internal note for a commune member', async () => {
    const entries = await archive(collaborator, (await ready(collaborator)).id);
    expect([...entries.keys()].filter((n) => !n.startsWith('documents/')).sort()).toEqual([...ARCHIVE_FILES, README_FILE].sort());

    const account = json<{ compte: Json }>(entries, 'compte.json').compte;
    expect(account).toMatchObject({ identifiant: collaboratorUser.id, courriel: collaboratorUser.email, role: 'COLLABORATOR', communeInsee: '95002', communeNom: 'Ableiges', secondFacteurActive: false });
    expect(json<{ sessions: Json[] }>(entries, 'sessions.json').sessions).toHaveLength(1);
    expect(json<{ rattachement: Json }>(entries, 'appartenances.json').rattachement).toMatchObject({ type: 'COMMUNE', role: 'COLLABORATOR', communeInsee: '95002' });

    const messages = json<{ messages: Json[]; questionsPosees: Json[] }>(entries, 'messages.json');
    expect(messages.messages.map((m) => m['texte']).sort()).toEqual(['Question du collaborateur sur le city-stade.', 'Voici le devis signé.']);
    expect(messages.messages.every((m) => m['noteInterne'] === false && m['questionSujet'] === 'Subvention du city-stade' && m['communeNom'] === 'Ableiges')).toBe(true);
    expect(messages.questionsPosees).toEqual([expect.objectContaining({ identifiant: thread.id, sujet: 'Subvention du city-stade' })]);
    // Neither the agent's note nor its attachment, anywhere in the archive.
    expect(archiveText(entries)).not.toContain(SECRET);
    expect([...entries.keys()].some((n) => n.includes(noteAttachmentId))).toBe(false);

    const [listed] = json<{ documents: Json[] }>(entries, 'documents.json').documents;
    expect(listed).toMatchObject({ identifiant: documentId, nomFichier: 'devis city-stade.txt', fichierManquant: false, fichier: `documents/${documentId}-devis city-stade.txt` });
    expect(entries.get(listed['fichier'] as string)?.equals(document)).toBe(true);

    const notifications = json<{ notifications: Json[] }>(entries, 'notifications.json').notifications;
    expect(notifications.map((n) => n['type'])).toContain('AGENT_REPLY');
    expect(json<{ notifications: Json[] }>(entries, 'preferences.json').notifications).toContainEqual({ type: 'DATA_EXPORT_READY', libelle: expect.any(String), courriel: 'IMMEDIATE' });
    expect(json<{ evenements: Json[] }>(entries, 'journal.json').evenements.map((e) => e['action'])).toEqual(
      expect.arrayContaining(['AUTH_LOGIN_SUCCEEDED', 'DATA_EXPORT_REQUESTED']),
    );
    expect(archiveText(entries)).not.toMatch(/argon2|password_hash|token_hash|totp_secret|storage_key|[0-9a-f]{2}\/[0-9a-f-]{36}/);

    const readme = entries.get(README_FILE)?.toString('utf8') ?? '';
    expect(readme.startsWith('\ufeffPasserelle — vos données personnelles')).toBe(true);
    expect(expectEveryFieldDescribed(entries)).toBeGreaterThan(60);
  });

  it('gives an agent their own internal notes, marked as such, and their attachments', async () => {
    const entries = await archive(agent, (await ready(agent)).id);
    const messages = json<{ messages: Json[] }>(entries, 'messages.json').messages;
    expect(messages).toContainEqual(expect.objectContaining({ texte: `${SECRET} : dossier fragile.`, noteInterne: true, cote: 'DEPARTEMENT', questionId: thread.id }));
    expect(messages).toContainEqual(expect.objectContaining({ texte: 'Le city-stade est éligible à la DETR.', noteInterne: false }));
    const [note] = json<{ documents: Json[] }>(entries, 'documents.json').documents;
    expect(note).toMatchObject({ identifiant: noteAttachmentId, fichierManquant: false });
    expect(entries.get(note['fichier'] as string)?.toString('utf8')).toBe(`Avis interne ${SECRET}`);
    expect(json<{ rattachement: Json }>(entries, 'appartenances.json').rattachement).toMatchObject({ type: 'DEPARTEMENT', role: 'AGENT', communeInsee: null });
    expectEveryFieldDescribed(entries);
  });

  it('gives an agent the département projects they created and lead, their reports, reviews and photos; nobody else gets them', async () => {
    const call = async <T>(session: Session, method: 'POST' | 'PATCH', url: string, payload: object) => {
      const res = await inject({ method, url: `/api${url}`, headers: session.headers, payload });
      expect({ url, status: res.statusCode }).toEqual({ url, status: method === 'POST' ? (url.endsWith('/review') ? 200 : 201) : 200 });
      return res.json<T>();
    };
    const [{ code: canton }] = await t.db.query(`SELECT code FROM canton WHERE departement_code = '95' ORDER BY code LIMIT 1`);
    const project = await call<DeptProjectDto>(agent, 'POST', '/departements/95/projects', {
      title: 'Piste cyclable de la vallée du Sausseron',
      theme: 'MOBILITE',
      status: 'IN_PROGRESS',
      cantonCodes: [canton],
    });
    const report = await call<DeptReportDto>(agent, 'POST', `/dept-projects/${project.id}/reports`, {
      reportedOn: '2026-03-02',
      done: 'Terrassement des deux premiers kilomètres.',
      difficulties: 'Une canalisation imprévue sous le chemin.',
      nextSteps: 'Enrobé au printemps.',
      progress: 35,
      milestonesReached: [],
      videos: [],
    });
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#4a7' } }).jpeg().toBuffer();
    const upload = multipart('tranchée.jpg', jpeg);
    const photoRes = await inject({ method: 'POST', url: `/api/dept-reports/${report.id}/photos`, headers: { ...agent.headers, ...upload.headers }, payload: upload.payload });
    expect(photoRes.statusCode).toBe(201);
    const photo = photoRes.json<DeptPhotoDto>();
    await call(agent, 'PATCH', `/dept-photos/${photo.id}`, { alt: 'La tranchée ouverte le long du chemin.' });
    const [{ version }] = await t.db.query(`SELECT version FROM dept_project_report WHERE id = $1`, [report.id]);
    const written = await call<DeptReportDto>(agent, 'PATCH', `/dept-reports/${report.id}`, { submit: true, version });
    // The admin sends it back, then the agent reviews a report of the admin's.
    await call(admin, 'POST', `/dept-reports/${report.id}/review`, { action: 'reject', reason: 'Précisez la longueur restante.', version: written.version });
    const adminReport = await call<DeptReportDto>(admin, 'POST', `/dept-projects/${project.id}/reports`, {
      reportedOn: '2026-03-09',
      done: 'Réunion avec les riverains.',
      difficulties: '',
      nextSteps: '',
      progress: 40,
      milestonesReached: [],
      videos: [],
      submit: true,
    });
    await call(agent, 'POST', `/dept-reports/${adminReport.id}/review`, { action: 'approve', version: adminReport.version });

    const entries = await archive(agent, (await ready(agent)).id);
    const dept = json<{ fiches: Json[]; pointsAvancement: Json[]; relectures: Json[]; photos: Json[] }>(entries, 'projets-du-departement.json');
    expect(dept.fiches).toEqual([
      expect.objectContaining({
        identifiant: project.id,
        departementCode: '95',
        titre: 'Piste cyclable de la vallée du Sausseron',
        statut: 'IN_PROGRESS',
        vosRoles: ['créateur', 'dernière modification', 'responsable'],
        creeLe: expect.any(String),
        publieLe: expect.any(String),
        supprimeLe: null,
      }),
    ]);
    expect(dept.pointsAvancement).toEqual([
      expect.objectContaining({
        identifiant: report.id,
        projetId: project.id,
        projetTitre: 'Piste cyclable de la vallée du Sausseron',
        date: '2026-03-02',
        realise: 'Terrassement des deux premiers kilomètres.',
        difficultes: 'Une canalisation imprévue sous le chemin.',
        prochainesEtapes: 'Enrobé au printemps.',
        avancement: 35,
        etat: 'REJECTED',
        soumisLe: expect.any(String),
        reluLe: expect.any(String),
        publieLe: null,
        motifRefus: 'Précisez la longueur restante.',
      }),
    ]);
    expect(dept.relectures).toEqual([
      { pointId: adminReport.id, projetId: project.id, projetTitre: 'Piste cyclable de la vallée du Sausseron', pointDate: '2026-03-09', decision: 'PUBLIE', motifRefus: null, date: expect.any(String) },
    ]);
    expect(dept.photos).toEqual([
      expect.objectContaining({
        identifiant: photo.id,
        projetId: project.id,
        pointId: report.id,
        pointDate: '2026-03-02',
        nomFichier: 'tranchée.jpg',
        texteAlternatif: 'La tranchée ouverte le long du chemin.',
        typeMime: 'image/jpeg',
        tailleOctets: jpeg.length,
        fichier: `documents/${photo.id}-tranchée.jpg`,
        fichierManquant: false,
      }),
    ]);
    expect(entries.get(dept.photos[0]['fichier'] as string)?.equals(jpeg)).toBe(true);
    expectEveryFieldDescribed(entries);

    // The admin: their review (a refusal, with its reason), their own report; not the agent's fiche, report or photo.
    const byAdmin = json<{ fiches: Json[]; pointsAvancement: Json[]; relectures: Json[]; photos: Json[] }>(
      await archive(admin, (await ready(admin)).id),
      'projets-du-departement.json',
    );
    expect(byAdmin.fiches).toEqual([]);
    expect(byAdmin.pointsAvancement.map((r) => r['identifiant'])).toEqual([adminReport.id]);
    expect(byAdmin.relectures).toEqual([expect.objectContaining({ pointId: report.id, decision: 'REFUSE', motifRefus: 'Précisez la longueur restante.' })]);
    expect(byAdmin.photos).toEqual([]);

    // A commune member: the same file, with empty lists.
    const entriesOfCollaborator = await archive(collaborator, (await ready(collaborator)).id);
    expect(json(entriesOfCollaborator, 'projets-du-departement.json')).toEqual({ fiches: [], pointsAvancement: [], relectures: [], photos: [] });
    expect(archiveText(entriesOfCollaborator)).not.toContain('Sausseron');
  });

  it('lists a file missing from the storage as missing, without failing', async () => {
    const [stored] = await t.db.query(`SELECT storage_key FROM document WHERE id = $1`, [documentId]);
    // As after a restore without the files: the storage answers « no such file ».
    const openOriginal = t.app.get(FileStorage).open.bind(t.app.get(FileStorage));
    jest.spyOn(t.app.get(FileStorage), 'open').mockImplementation((key: string) =>
      key === stored.storage_key ? Promise.reject(Object.assign(new Error('absent'), { code: 'ENOENT' })) : openOriginal(key),
    );
    const id = (await ready(collaborator)).id;
    jest.restoreAllMocks();
    const [listed] = json<{ documents: Json[] }>(await archive(collaborator, id), 'documents.json').documents;
    expect(listed).toMatchObject({ identifiant: documentId, fichier: null, fichierManquant: true });
  });

  it('builds one export at a time per user (409) and at most 5 a day (429)', async () => {
    const user = await createUser(t.db, { role: 'MAYOR', communeInsee: '95008' });
    const session = await signIn(t.app, user);
    let release: () => void = () => undefined;
    const builder = t.app.get(DataExportBuilder);
    const write = builder.write.bind(builder);
    jest.spyOn(builder, 'write').mockImplementation(async (...args) => {
      await new Promise<void>((resolve) => (release = resolve));
      return write(...args);
    });
    const first = await request(session);
    expect(first.statusCode).toBe(202);
    const second = await request(session);
    expect(second.statusCode).toBe(409);
    expect(second.json<ApiError>()).toMatchObject({ code: 'DATA_EXPORT_PENDING', message: expect.stringContaining('déjà en préparation') });
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await exports.settled();
    expect((await list(session))[0].status).toBe('READY');

    // Five asked in the last 24 hours: the sixth waits until the oldest of them is a day old.
    await t.db.query(
      `INSERT INTO data_export (user_id, status, requested_at) SELECT $1, 'FAILED', now() - make_interval(hours => h) FROM generate_series(1, 4) h`,
      [user.id],
    );
    const refused = await request(session);
    expect(refused.statusCode).toBe(429);
    expect(refused.json<ApiError>()).toMatchObject({ code: 'DATA_EXPORT_TOO_MANY', message: expect.stringContaining('réessayez demain') });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(19 * 3600);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(20 * 3600 + 1);
    expect(await list(session)).toHaveLength(5);
  });

  it('answers 410 once the link has expired, and shows the export as expired', async () => {
    const { id } = await ready(mayor);
    await t.db.query(`UPDATE data_export SET ready_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE id = $1`, [id]);
    const res = await download(mayor, id);
    expect(res.statusCode).toBe(410);
    expect(res.json<ApiError>()).toMatchObject({ code: 'DATA_EXPORT_EXPIRED', message: expect.stringContaining('Ce lien a expiré') });
    expect((await list(mayor)).find((e) => e.id === id)).toMatchObject({ status: 'EXPIRED', downloadUrl: null });
    // Still the owner's only: for anyone else it does not exist.
    expect((await download(collaborator, id)).statusCode).toBe(404);
  });

  it('records a crash in the middle of a build as FAILED with a short reason, and a build run again makes no second zip', async () => {
    const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95002' });
    const session = await signIn(t.app, user);
    const storage = t.app.get(FileStorage);
    jest.spyOn(storage, 'keep').mockRejectedValueOnce(Object.assign(new Error('No space left on device, write'), { code: 'ENOSPC' }));
    const failed = (await request(session)).json<DataExportDto>();
    await exports.settled();
    expect(await row(failed.id)).toMatchObject({ status: 'FAILED', error: 'ENOSPC : No space left on device, write', storage_key: null });
    expect((await list(session))[0]).toMatchObject({ status: 'FAILED', downloadUrl: null });
    expect(filesOf(user.id)).toEqual([]);
    expect(readdirSync(join(t.config.storageDir, 'tmp')).filter((f) => f.startsWith('data-export-'))).toEqual([]);
    expect((await download(session, failed.id)).json<ApiError>().code).toBe('DATA_EXPORT_NOT_READY');

    // Asked again: built. The job tried again (its instance died after the work) and a second run at the same
    // time change nothing: one zip, one notification.
    const notified = async () =>
      Number((await t.db.query(`SELECT count(*) FROM notification WHERE user_id = $1 AND kind = 'DATA_EXPORT_READY'`, [user.id]))[0].count);
    const done = await ready(session);
    const before = await row(done.id);
    await Promise.all([exports.build(done.id), exports.build(done.id)]);
    expect(await row(done.id)).toEqual(before);
    expect(filesOf(user.id)).toEqual([`${done.id}.zip`]);
    expect(await notified()).toBe(1);

    // Two runs of a PENDING export at once: one builds, the other sees the lock and leaves.
    const pending = (await t.db.query(`INSERT INTO data_export (user_id) VALUES ($1) RETURNING id`, [user.id]))[0].id as string;
    await Promise.all([exports.build(pending), exports.build(pending)]);
    expect((await row(pending))?.status).toBe('READY');
    expect(filesOf(user.id).sort()).toEqual([`${done.id}.zip`, `${pending}.zip`].sort());
    expect(await notified()).toBe(2);
  });

  describe('purgeExpired (for the retention job)', () => {
    it('expires READY exports past their link and deletes their file, forgets old FAILED and EXPIRED ones, capped, and changes nothing in a dry run', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95002' });
      const session = await signIn(t.app, user);
      await t.db.query(`DELETE FROM data_export`);
      const due = await ready(session);
      const kept = await ready(session);
      await t.db.query(`UPDATE data_export SET ready_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE id = $1`, [due.id]);
      const insert = (status: string, requested: string, expires: string | null) =>
        t.db
          .query(`INSERT INTO data_export (user_id, status, requested_at, expires_at) VALUES ($1, $2, now() - $3::interval, now() - $4::interval) RETURNING id`, [
            user.id,
            status,
            requested,
            expires,
          ])
          .then((rows: { id: string }[]) => rows[0].id);
      const oldFailed = await insert('FAILED', '31 days', null);
      const oldExpired = await insert('EXPIRED', '40 days', '32 days');
      const recentFailed = await insert('FAILED', '2 days', null);
      const recentExpired = await insert('EXPIRED', '20 days', '12 days');
      const snapshot = async () => (await t.db.query(`SELECT id, status, storage_key FROM data_export ORDER BY id`)) as object[];
      const before = await snapshot();
      expect(filesOf(user.id).sort()).toEqual([`${due.id}.zip`, `${kept.id}.zip`].sort());

      expect(await exports.purgeExpired(new Date(), 2, true)).toEqual({ count: 2, capped: true });
      expect(await exports.purgeExpired(new Date(), 100, true)).toEqual({ count: 3, capped: false });
      expect(await snapshot()).toEqual(before);
      expect(filesOf(user.id)).toHaveLength(2);

      expect(await exports.purgeExpired(new Date(), 2, false)).toEqual({ count: 2, capped: true });
      expect(await exports.purgeExpired(new Date(), 2, false)).toEqual({ count: 1, capped: false });
      expect(await exports.purgeExpired(new Date(), 2, false)).toEqual({ count: 0, capped: false });

      expect(await row(due.id)).toMatchObject({ status: 'EXPIRED', storage_key: null });
      expect(await row(oldFailed)).toBeUndefined();
      expect(await row(oldExpired)).toBeUndefined();
      expect((await row(recentFailed))?.status).toBe('FAILED');
      expect((await row(recentExpired))?.status).toBe('EXPIRED');
      expect((await row(kept.id))?.status).toBe('READY');
      expect(filesOf(user.id)).toEqual([`${kept.id}.zip`]);
      expect((await download(session, due.id)).statusCode).toBe(410);
      expect((await download(session, kept.id)).statusCode).toBe(200);
    });

    it('gives up an export whose build died (still PENDING hours later), so that the user can ask again', async () => {
      const user = await createUser(t.db, { role: 'COLLABORATOR', communeInsee: '95002' });
      const session = await signIn(t.app, user);
      await t.db.query(`DELETE FROM data_export`);
      const [{ id }] = await t.db.query(`INSERT INTO data_export (user_id, requested_at) VALUES ($1, now() - interval '4 hours') RETURNING id`, [user.id]);
      expect(await exports.purgeExpired(new Date(), 10, true)).toEqual({ count: 1, capped: false });
      expect((await row(id))?.status).toBe('PENDING');
      expect(await exports.purgeExpired(new Date(), 10, false)).toEqual({ count: 1, capped: false });
      expect(await row(id)).toMatchObject({ status: 'FAILED', error: expect.stringContaining('interrompue') });

      // Even before the retention runs, asking again gives up a build that died.
      const [{ id: stale }] = await t.db.query(`INSERT INTO data_export (user_id, requested_at) VALUES ($1, now() - interval '4 hours') RETURNING id`, [user.id]);
      expect((await request(session)).statusCode).toBe(202);
      await exports.settled();
      expect((await row(stale))?.status).toBe('FAILED');
    });
  });
});

describe('Data export with background jobs on (pg-boss)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('valDOise', { NOTIFICATION_INTERVAL_SECONDS: '1' });
  }, 60_000);
  afterAll(() => t?.close());

  it('builds the export in a data-export job', async () => {
    const user = await createUser(t.db, { role: 'AGENT', totpExempt: true });
    const session = await signIn(t.app, user);
    const asked = await t.app.inject({ method: 'POST', url: '/api/me/data-exports', headers: session.headers });
    expect(asked.statusCode).toBe(202);
    const deadline = Date.now() + 20_000;
    let listed: DataExportDto | undefined;
    while (Date.now() < deadline) {
      listed = (await t.app.inject({ method: 'GET', url: '/api/me/data-exports', headers: session.headers })).json<DataExportDto[]>()[0];
      if (listed.status !== 'PENDING') {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(listed?.status).toBe('READY');
    const jobs = await t.db.query(`SELECT state, data->>'exportId' AS export_id FROM pgboss.job WHERE name = $1`, [DATA_EXPORT_QUEUE]);
    expect(jobs).toEqual([{ state: expect.stringMatching(/active|completed/), export_id: listed?.id }]);
    const entries = await unzip((await t.app.inject({ method: 'GET', url: listed?.downloadUrl ?? '', headers: session.headers })).rawPayload);
    expect(JSON.parse(entries.get('compte.json')?.toString('utf8') ?? '{}').compte.courriel).toBe(user.email);
  }, 40_000);
});
