import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type {
  ApiError,
  Page,
  ProjectDto,
  PublicAxisDto,
  PublicationPreviewDto,
  PublicDeptProjectDto,
  PublicDeptProjectSummaryDto,
  PublicMapDto,
  PublicMapProjectProperties,
} from '@passerelle/shared/dto';
import { FileStorage } from '../src/files/file-storage';
import { type Session, createTeam, createUser, signIn } from './factories';
import { type TestApp, startTestApp } from './test-app';

/** Texts that exist only in the live columns of reports the public must never see. */
const SECRETS = ['TEXTE-BROUILLON', 'TEXTE-EN-RELECTURE', 'TEXTE-REFUSE', 'TEXTE-MODIFIE-NON-RELU', 'Note interne du chef de projet'];

interface ProjectFixture {
  title: string;
  summary?: string;
  theme?: string;
  status?: string;
  progress?: number;
  cantons?: string[];
  axisId?: string | null;
  point?: [number, number] | null;
  endDate?: string | null;
  publishedAt?: string | null;
  deleted?: boolean;
  fundingLines?: object[];
}

interface ReportFixture {
  state: 'DRAFT' | 'AWAITING_REVIEW' | 'PUBLISHED' | 'REJECTED';
  /** The live text. */
  done: string;
  reportedOn: string;
  /** The reviewed text, when the report was approved once. */
  published?: { done: string; reportedOn: string; progress: number; photoIds?: string[]; videos?: object[] };
  publishedAt?: string;
}

describe('Public side of the département’s projects', () => {
  let t: TestApp;
  let cantons: { code: string; name: string }[];
  let axisId: string;
  let otherAxisId: string;
  let leadId: string;
  let storage: FileStorage;
  const webDir = mkdtempSync(join(tmpdir(), 'passerelle-web-'));
  writeFileSync(join(webDir, 'index.html'), '<html><head><title>Passerelle</title><meta name="description" content="Portail" /></head><body></body></html>');

  beforeAll(async () => {
    t = await startTestApp('valDOise', { WEB_DIR: webDir });
    storage = t.app.get(FileStorage, { strict: false });
    cantons = await t.db.query(`SELECT code, name FROM canton WHERE departement_code = '95' ORDER BY code LIMIT 3`);
    [{ id: axisId }, { id: otherAxisId }] = await t.db.query(
      `INSERT INTO programme_axis (departement_code, label, description, position) VALUES
         ('95', 'Un territoire durable', 'Transition écologique.', 1), ('95', 'Réussir au collège', '', 2) RETURNING id`,
    );
    leadId = (await createUser(t.db, { role: 'AGENT' })).id;
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const list = async (query = '') => (await get(`/api/public/dept-projects?limit=100${query}`)).json<Page<PublicDeptProjectSummaryDto>>();
  const slugsOf = async (query = '') => (await list(query)).items.map((p) => p.slug);
  const mapAll = async (query = '') => (await get(`/api/public/projects.geojson?zoom=20&bbox=-180,-85,180,85${query}`)).json<PublicMapDto>();
  const points = (map: PublicMapDto) => map.features.map((f) => f.properties).filter((p): p is PublicMapProjectProperties => p.cluster === false);
  const slugsOnMap = async (query = '') => points(await mapAll(query)).map((p) => `${p.kind}:${p.slug}`);

  let counter = 0;
  async function insertProject(f: ProjectFixture): Promise<{ id: string; slug: string }> {
    const slug = `projet-dept-${++counter}-${f.title.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
    const point = f.point === undefined ? [49.05, 2.1] : f.point;
    const published = f.publishedAt === undefined ? new Date(Date.UTC(2025, 0, counter)).toISOString() : f.publishedAt;
    const [{ id }] = await t.db.query(
      `INSERT INTO dept_project (departement_code, title, summary, description, objectives, partners, evaluation, theme, status, progress,
                                 map_latitude, map_longitude, axis_id, lead_id, end_date, funding_lines, slug, published_at, deleted_at)
       VALUES ('95', $1, $2, 'Description publique.', 'Objectifs publics.', 'Partenaires du projet', 'Évaluation', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       RETURNING id`,
      [
        f.title,
        f.summary ?? '',
        f.theme ?? 'MOBILITE',
        f.status ?? 'IN_PROGRESS',
        f.progress ?? 40,
        point?.[0] ?? null,
        point?.[1] ?? null,
        f.axisId ?? null,
        leadId,
        f.endDate ?? null,
        JSON.stringify(f.fundingLines ?? []),
        published ? slug : null,
        published,
        f.deleted ? new Date() : null,
      ],
    );
    for (const code of f.cantons ?? [cantons[0].code]) {
      await t.db.query(`INSERT INTO dept_project_canton (project_id, canton_code) VALUES ($1, $2)`, [id, code]);
    }
    return { id, slug };
  }

  async function insertReport(projectId: string, r: ReportFixture): Promise<string> {
    const published = r.published
      ? {
          reportedOn: r.published.reportedOn,
          done: r.published.done,
          difficulties: 'Difficultés relues.',
          nextSteps: 'Étapes relues.',
          progress: r.published.progress,
          milestonesReached: ['Étude faite'],
          photoIds: r.published.photoIds ?? [],
          videos: r.published.videos ?? [],
        }
      : null;
    const [{ id }] = await t.db.query(
      `INSERT INTO dept_project_report (project_id, reported_on, done, difficulties, progress, state, published, published_at, author_id)
       VALUES ($1, $2, $3, $4, 50, $5, $6, $7, $8) RETURNING id`,
      [projectId, r.reportedOn, r.done, 'Note interne du chef de projet', r.state, published && JSON.stringify(published), published ? (r.publishedAt ?? new Date().toISOString()) : null, leadId],
    );
    return id;
  }

  /** A photo row, its file and its thumbnail in the storage. */
  async function insertPhoto(projectId: string, reportId: string | null): Promise<string> {
    const id = randomUUID();
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c63' } }).jpeg().toBuffer();
    const webp = await sharp(jpeg).webp().toBuffer();
    const key = `${id.slice(0, 2)}/${id}`;
    for (const [path, bytes] of [[key, jpeg], [`${key}-thumb.webp`, webp]] as const) {
      const tmp = await storage.temporaryPath(randomUUID());
      await writeFile(tmp, bytes);
      await storage.keep(tmp, path);
    }
    await t.db.query(
      `INSERT INTO dept_project_photo (id, project_id, report_id, filename, alt, mime_type, size_bytes, sha256, storage_key, thumbnail_key)
       VALUES ($1, $2, $3, 'chantier.jpg', 'Le chantier en mars', 'image/jpeg', $4, $5, $6, $7)`,
      [id, projectId, reportId, jpeg.length, 'a'.repeat(64), key, `${key}-thumb.webp`],
    );
    return id;
  }

  it('shows a public project with its reviewed reports only, newest first, and nothing of the others', async () => {
    const project = await insertProject({
      title: 'Piste cyclable de la vallée',
      summary: 'Une piste à travers trois cantons.',
      cantons: cantons.map((c) => c.code),
      axisId,
      fundingLines: [
        { funder: 'ETAT', funderName: null, scheme: 'Fonds vert', amountRequestedCents: 500_000, amountObtainedCents: 400_000, state: 'OBTAINED', requestedOn: null, decidedOn: null },
        { funder: 'REGION', funderName: null, scheme: 'Refusé', amountRequestedCents: 900_000, amountObtainedCents: null, state: 'REFUSED', requestedOn: null, decidedOn: null },
      ],
    });
    const first = await insertReport(project.id, { state: 'PUBLISHED', done: 'Étude réalisée.', reportedOn: '2025-02-10', published: { done: 'Étude réalisée.', reportedOn: '2025-02-10', progress: 10 } });
    const edited = await insertReport(project.id, {
      state: 'AWAITING_REVIEW',
      done: 'TEXTE-MODIFIE-NON-RELU',
      reportedOn: '2025-05-01',
      published: { done: 'Travaux commencés en mai.', reportedOn: '2025-05-01', progress: 40 },
    });
    const draft = await insertReport(project.id, { state: 'DRAFT', done: 'TEXTE-BROUILLON', reportedOn: '2025-09-01' });
    await insertReport(project.id, { state: 'AWAITING_REVIEW', done: 'TEXTE-EN-RELECTURE', reportedOn: '2025-08-01' });
    await insertReport(project.id, { state: 'REJECTED', done: 'TEXTE-REFUSE', reportedOn: '2025-07-01' });
    const shown = await insertPhoto(project.id, edited);
    const notReviewed = await insertPhoto(project.id, draft);
    await t.db.query(
      `UPDATE dept_project_report SET published = jsonb_set(jsonb_set(published, '{photoIds}', $2::jsonb), '{videos}', $3::jsonb) WHERE id = $1`,
      [
        edited,
        JSON.stringify([shown]),
        JSON.stringify([
          { url: 'https://video.valdoise.fr/w/abc', title: 'Le chantier', host: 'video.valdoise.fr', thumbnailPhotoId: shown },
          { url: 'javascript:alert(1)', title: 'Piège', host: 'x', thumbnailPhotoId: null },
        ]),
      ],
    );

    const res = await get(`/api/public/dept-projects/${project.slug}`);
    expect([res.statusCode, res.headers['cache-control']]).toEqual([200, 'public, no-cache']);
    const dto = res.json<PublicDeptProjectDto>();
    expect(dto).toMatchObject({
      slug: project.slug,
      title: 'Piste cyclable de la vallée',
      departement: { code: '95' },
      // Placed by its cantons only: the page draws their outlines rather than a point.
      locatedBy: 'CANTONS',
      axis: { id: axisId, label: 'Un territoire durable' },
      progress: 40,
      lastReportOn: '2025-05-01',
      coverUrl: `/api/public/dept-photos/${shown}/thumbnail`,
      fundingLines: [{ funder: 'ETAT', funderName: null, scheme: 'Fonds vert', amountObtainedCents: 400_000 }],
    });
    expect(dto.cantons.map((c) => c.code).sort()).toEqual(cantons.map((c) => c.code).sort());
    expect(dto.reports.map((r) => [r.reportedOn, r.done, r.progress])).toEqual([
      ['2025-05-01', 'Travaux commencés en mai.', 40],
      ['2025-02-10', 'Étude réalisée.', 10],
    ]);
    expect(dto.reports[0].photos).toEqual([
      {
        id: shown,
        filename: 'chantier.jpg',
        alt: 'Le chantier en mars',
        mimeType: 'image/jpeg',
        sizeBytes: expect.any(Number),
        contentUrl: `/api/public/dept-photos/${shown}/content`,
        thumbnailUrl: `/api/public/dept-photos/${shown}/thumbnail`,
      },
    ]);
    expect(dto.reports[0].videos).toEqual([{ url: 'https://video.valdoise.fr/w/abc', title: 'Le chantier', host: 'video.valdoise.fr', thumbnailPhotoId: shown }]);
    for (const secret of [...SECRETS, 'Refusé', 'amountRequestedCents', notReviewed, first, draft]) {
      expect(res.body).not.toContain(secret);
    }

    // The photo of a reviewed report is public (cached by its id); the photo of a draft is not.
    const photo = await get(`/api/public/dept-photos/${shown}/content`);
    expect([photo.statusCode, photo.headers['content-type'], photo.headers['etag'], photo.headers['cache-control']]).toEqual([
      200,
      'image/jpeg',
      `"${shown}-content"`,
      'public, no-cache',
    ]);
    expect(photo.headers['content-disposition']).toMatch(/^inline/);
    expect((await get(`/api/public/dept-photos/${shown}/content`, { 'if-none-match': `"${shown}-content"` })).statusCode).toBe(304);
    const thumbnail = await get(`/api/public/dept-photos/${shown}/thumbnail`);
    expect([thumbnail.statusCode, thumbnail.headers['content-type']]).toEqual([200, 'image/webp']);
    for (const url of [`/api/public/dept-photos/${notReviewed}/content`, `/api/public/dept-photos/${notReviewed}/thumbnail`, '/api/public/dept-photos/pas-un-id/content']) {
      const refused = await get(url);
      expect([refused.statusCode, refused.json<ApiError>().code]).toEqual([404, 'PUBLIC_PHOTO_NOT_FOUND']);
    }
    // Even with the tag of a public photo, an unpublished one is not revalidated.
    expect((await get(`/api/public/dept-photos/${notReviewed}/content`, { 'if-none-match': `"${notReviewed}-content"` })).statusCode).toBe(404);

    // List, map, feed: the reviewed text only.
    const summary = (await list()).items.find((p) => p.slug === project.slug);
    expect(summary).toMatchObject({ lastReportOn: '2025-05-01', coverUrl: `/api/public/dept-photos/${shown}/thumbnail`, axis: { id: axisId } });
    const feed = (await get('/api/public/feed.atom')).body;
    expect(feed).toContain(`<title>Point d’avancement — Piste cyclable de la vallée (1 mai 2025)</title>`);
    expect(feed).toContain(`/projets-du-departement/${project.slug}`);
    expect(feed).toContain('Travaux commencés en mai.');
    const map = await get('/api/public/projects.geojson?zoom=20&bbox=-180,-85,180,85');
    for (const body of [feed, map.body, (await get('/api/public/dept-projects?limit=100')).body]) {
      for (const secret of SECRETS) {
        expect(body).not.toContain(secret);
      }
    }
    const marker = points(map.json<PublicMapDto>()).find((p) => p.slug === project.slug);
    expect(marker).toMatchObject({ kind: 'DEPARTEMENT', status: 'IN_PROGRESS', progress: 40, title: 'Piste cyclable de la vallée' });
    expect(cantons.every((c) => marker?.communeName.includes(c.name))).toBe(true);

    // A new review of the edited report puts its new text online at once.
    await t.db.query(`UPDATE dept_project_report SET state = 'PUBLISHED', published = jsonb_set(published, '{done}', '"Texte relu à nouveau."') WHERE id = $1`, [edited]);
    const after = (await get(`/api/public/dept-projects/${project.slug}`)).json<PublicDeptProjectDto>();
    expect(after.reports[0].done).toBe('Texte relu à nouveau.');
  });

  it('keeps projects without a reviewed report, and deleted ones, off every public route', async () => {
    const unpublished = await insertProject({ title: 'Collège jamais relu', publishedAt: null, theme: 'ECOLES_PETITE_ENFANCE' });
    await insertReport(unpublished.id, { state: 'AWAITING_REVIEW', done: 'TEXTE-EN-RELECTURE', reportedOn: '2025-03-01' });
    const doomed = await insertProject({ title: 'Espace naturel supprimé', theme: 'ENVIRONNEMENT_BIODIVERSITE', axisId: otherAxisId });
    const report = await insertReport(doomed.id, { state: 'PUBLISHED', done: 'Relu.', reportedOn: '2025-03-01', published: { done: 'Clôtures posées.', reportedOn: '2025-03-01', progress: 30 } });
    const photo = await insertPhoto(doomed.id, report);
    await t.db.query(`UPDATE dept_project_report SET published = jsonb_set(published, '{photoIds}', $2::jsonb) WHERE id = $1`, [report, JSON.stringify([photo])]);

    // Visible first (and so kept in the caches)…
    expect((await get(`/api/public/dept-projects/${doomed.slug}`)).statusCode).toBe(200);
    expect(await slugsOf()).toContain(doomed.slug);
    expect(await slugsOnMap()).toContain(`DEPARTEMENT:${doomed.slug}`);
    expect((await get(`/api/public/dept-photos/${photo}/content`)).statusCode).toBe(200);
    expect((await get('/api/public/departements/95/axes')).json<PublicAxisDto[]>().find((a) => a.id === otherAxisId)?.publishedCount).toBe(1);

    // …then deleted: gone from every route on the next request.
    await t.db.query(`UPDATE dept_project SET deleted_at = now() WHERE id = $1`, [doomed.id]);
    for (const { slug, title } of [
      { slug: doomed.slug, title: 'Espace naturel supprimé' },
      { slug: unpublished.slug, title: 'Collège jamais relu' },
    ]) {
      const res = await get(`/api/public/dept-projects/${slug}`);
      expect([res.statusCode, res.json<ApiError>().code]).toEqual([404, 'PUBLIC_DEPT_PROJECT_NOT_FOUND']);
      expect((await t.app.inject({ method: 'POST', url: `/api/public/dept-projects/${slug}/views` })).statusCode).toBe(404);
      expect(await slugsOf()).not.toContain(slug);
      expect((await list(`&q=${encodeURIComponent(title)}`)).total).toBe(0);
      expect(await slugsOnMap()).not.toContain(`DEPARTEMENT:${slug}`);
      expect((await get('/api/public/feed.atom')).body).not.toContain(title);
      expect((await get(`/projets-du-departement/${slug}`)).statusCode).toBe(404);
    }
    expect((await get(`/api/public/dept-photos/${photo}/content`)).statusCode).toBe(404);
    expect((await get('/api/public/departements/95/axes')).json<PublicAxisDto[]>().find((a) => a.id === otherAxisId)?.publishedCount).toBe(0);
    for (const slug of ['inconnu', 'Pas-Un-Slug', 'a'.repeat(201)]) {
      expect((await get(`/api/public/dept-projects/${slug}`)).statusCode).toBe(404);
    }
  });

  it('filters the list by words (accents ignored), theme, status, canton and axis, the latest first, and refuses bad filters', async () => {
    const [a, b] = cantons;
    const college = await insertProject({ title: 'Rénovation du collège Pissarro', theme: 'ECOLES_PETITE_ENFANCE', status: 'PLANNED', cantons: [a.code], axisId: otherAxisId });
    const road = await insertProject({ title: 'Déviation de la route départementale', theme: 'VOIRIE', status: 'COMPLETED', cantons: [b.code] });
    for (const p of [college, road]) {
      await insertReport(p.id, { state: 'PUBLISHED', done: 'x', reportedOn: '2025-04-01', published: { done: 'Point relu.', reportedOn: '2025-04-01', progress: 50 } });
    }
    const mine = (query: string) => slugsOf(query).then((slugs) => slugs.filter((s) => s === college.slug || s === road.slug));

    expect(await mine('')).toEqual([road.slug, college.slug]);
    expect(await mine('&q=COLLEGE')).toEqual([college.slug]);
    expect(await mine('&q=deviation%20routes')).toEqual([road.slug]);
    expect(await mine('&theme=VOIRIE')).toEqual([road.slug]);
    expect(await mine('&status=PLANNED')).toEqual([college.slug]);
    expect(await mine(`&canton=${b.code}`)).toEqual([road.slug]);
    expect(await mine(`&axis=${otherAxisId}`)).toEqual([college.slug]);
    expect(await mine('&departement=78')).toEqual([]);
    const page = (await get('/api/public/dept-projects?q=coll%C3%A8ge%20pissarro&limit=1')).json<Page<PublicDeptProjectSummaryDto>>();
    expect([page.total, page.limit, page.items[0].slug, page.items[0].cantons]).toEqual([1, 1, college.slug, [a]]);

    for (const bad of ['axis=12', 'canton=abc', 'theme=X', 'status=DONE', 'limit=500', 'departement=999']) {
      const res = await get(`/api/public/dept-projects?${bad}`);
      expect([res.statusCode, res.json<ApiError>().code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await get('/api/public/projects.geojson?kind=AUTRE')).statusCode).toBe(400);
    expect((await get('/api/public/projects.geojson?axis=12')).statusCode).toBe(400);
  });

  it('puts both kinds on the map and in the feed, and filters them by kind, canton, axis, commune and year', async () => {
    // A commune's published project, by the real publication flow.
    const team = await createTeam(t.db, '95002');
    const mayor: Session = await signIn(t.app, team.mayor);
    const agent: Session = await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true }));
    const commune = (
      await t.app.inject({
        method: 'POST',
        url: '/api/communes/95002/projects',
        headers: mayor.headers,
        payload: { title: 'Lavoir de la commune', theme: 'CULTURE_PATRIMOINE', status: 'COMPLETED', endDate: '2024-06-01', location: { lat: 49.09, lng: 1.98, address: null } },
      })
    ).json<ProjectDto>();
    await t.app.inject({ method: 'POST', url: `/api/projects/${commune.id}/publication`, headers: mayor.headers, payload: { action: 'request', choices: { documentIds: [], showFunding: false } } });
    const { version } = (await get(`/api/projects/${commune.id}/publication/preview`, agent.headers)).json<PublicationPreviewDto>();
    const approved = await t.app.inject({ method: 'POST', url: `/api/projects/${commune.id}/publication`, headers: agent.headers, payload: { action: 'approve', version } });
    expect(approved.statusCode).toBe(200);
    const [{ slug: communeSlug, canton_code: communeCanton }] = await t.db.query(`SELECT slug, canton_code FROM project_publication WHERE project_id = $1`, [commune.id]);

    const [a, b] = cantons;
    const fibre = await insertProject({ title: 'Fibre optique', theme: 'NUMERIQUE', cantons: [a.code, b.code], axisId, endDate: '2027-12-31', point: [49.1, 2.2] });
    const noPoint = await insertProject({ title: 'Projet sans point', cantons: [b.code], point: null });
    for (const p of [fibre, noPoint]) {
      await insertReport(p.id, { state: 'PUBLISHED', done: 'x', reportedOn: '2025-06-01', published: { done: 'Relu.', reportedOn: '2025-06-01', progress: 60 }, publishedAt: '2030-01-01T10:00:00Z' });
    }
    const c = `COMMUNE:${communeSlug}`;
    const d = `DEPARTEMENT:${fibre.slug}`;

    const both = await slugsOnMap();
    expect(both).toEqual(expect.arrayContaining([c, d]));
    expect(both).not.toContain(`DEPARTEMENT:${noPoint.slug}`);
    const marker = points(await mapAll()).find((p) => p.slug === fibre.slug);
    expect([a.name, b.name].every((n) => marker?.communeName.includes(n))).toBe(true);
    expect(marker).toEqual({
      cluster: false,
      kind: 'DEPARTEMENT',
      slug: fibre.slug,
      title: 'Fibre optique',
      theme: 'NUMERIQUE',
      communeName: expect.stringMatching(/^Cantons (de |d’).+ et (de |d’)/),
      year: 2027,
      status: 'IN_PROGRESS',
      progress: 40,
    });
    expect(points(await mapAll()).find((p) => p.slug === communeSlug)?.kind).toBe('COMMUNE');

    expect(await slugsOnMap('&kind=COMMUNE')).toContain(c);
    expect(await slugsOnMap('&kind=COMMUNE')).not.toContain(d);
    expect(await slugsOnMap('&kind=DEPARTEMENT')).toContain(d);
    expect(await slugsOnMap('&kind=DEPARTEMENT')).not.toContain(c);
    const ofAxis = await slugsOnMap(`&axis=${axisId}`);
    expect(ofAxis).toContain(d);
    expect(ofAxis.every((s) => s.startsWith('DEPARTEMENT:'))).toBe(true);
    expect(await slugsOnMap(`&axis=${otherAxisId}`)).not.toContain(d);
    expect(await slugsOnMap(`&canton=${b.code}`)).toContain(d);
    expect(await slugsOnMap(`&canton=${cantons[2].code}`)).not.toContain(d);
    expect(await slugsOnMap(`&canton=${communeCanton}`)).toContain(c);
    expect(await slugsOnMap('&commune=95002')).toEqual([c]);
    expect(await slugsOnMap('&year=2027')).toEqual([d]);
    expect(await slugsOnMap('&year=2024')).toEqual([c]);
    expect(await slugsOnMap('&theme=NUMERIQUE&q=fibre')).toEqual([d]);
    expect(await slugsOnMap('&status=COMPLETED&kind=DEPARTEMENT')).not.toContain(d);

    // The feed mixes both by date (the report was published last) and filters by kind.
    const feed = (await get('/api/public/feed.atom')).body;
    expect(feed.indexOf(`/projets-du-departement/${fibre.slug}`)).toBeGreaterThan(0);
    expect(feed.indexOf(`/projets-du-departement/${fibre.slug}`)).toBeLessThan(feed.indexOf(`/projets/${communeSlug}`));
    const communesOnly = (await get('/api/public/feed.atom?kind=COMMUNE')).body;
    expect([communesOnly.includes(`/projets/${communeSlug}`), communesOnly.includes('projets-du-departement')]).toEqual([true, false]);
    const deptOnly = (await get('/api/public/feed.atom?kind=DEPARTEMENT')).body;
    expect([deptOnly.includes(`/projets/${communeSlug}`), deptOnly.includes(`/projets-du-departement/${fibre.slug}`)]).toEqual([false, true]);
    expect((await get(`/api/public/feed.atom?axis=${axisId}`)).body).not.toContain(`/projets/${communeSlug}`);
    expect((await get('/api/public/feed.atom?commune=95002')).body).not.toContain('projets-du-departement');
  });

  it('counts axes’ public projects, and consultations per day', async () => {
    const axes = (await get('/api/public/departements/95/axes')).json<PublicAxisDto[]>();
    expect(axes.map((a) => a.label)).toEqual(['Un territoire durable', 'Réussir au collège']);
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM dept_project WHERE axis_id = $1 AND published_at IS NOT NULL AND deleted_at IS NULL`,
      [axisId],
    );
    expect(axes[0]).toEqual({ id: axisId, label: 'Un territoire durable', description: 'Transition écologique.', publishedCount: count });
    expect(count).toBeGreaterThan(0);
    expect((await get('/api/public/departements/2A/axes')).statusCode).toBe(404);
    expect((await get('/api/public/departements/999/axes')).statusCode).toBe(400);

    const project = await insertProject({ title: 'Musée départemental' });
    await insertReport(project.id, { state: 'PUBLISHED', done: 'x', reportedOn: '2025-01-01', published: { done: 'Relu.', reportedOn: '2025-01-01', progress: 5 } });
    for (let i = 0; i < 2; i++) {
      const res = await t.app.inject({ method: 'POST', url: `/api/public/dept-projects/${project.slug}/views` });
      expect([res.statusCode, res.headers['set-cookie']]).toEqual([204, undefined]);
    }
    expect(await t.db.query(`SELECT count FROM dept_project_view_day WHERE project_id = $1`, [project.id])).toEqual([{ count: 2 }]);

    // The page carries the project's own title and Open Graph tags.
    const html = await get(`/projets-du-departement/${project.slug}`);
    expect([html.statusCode, html.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(html.body).toContain('<meta property="og:title" content="Musée départemental — Projet du Département" />');
    expect(html.body).toContain(`<link rel="canonical" href="${t.config.publicUrl}/projets-du-departement/${project.slug}" />`);
  });
});
