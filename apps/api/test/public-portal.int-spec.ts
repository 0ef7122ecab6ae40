import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import {
  OPEN_DATA_COLUMNS,
  PUBLIC_MAP_MAX_FEATURES,
  type ApiError,
  type DocumentDto,
  type Page,
  type ProjectDto,
  type PublicationAction,
  type PublicationDto,
  type PublicationPreviewDto,
  type PublicationQueueItemDto,
  type PublicMapDto,
  type PublicProjectDto,
  type PublicProjectSummaryDto,
} from '@passerelle/shared/dto';
import { type Session, type TestUser, createTeam, createUser, multipart, signIn } from './factories';
import { type TestApp, startTestApp } from './test-app';

const FICHE = {
  summary: 'Toiture et bassins refaits avec les bénévoles.',
  theme: 'CULTURE_PATRIMOINE',
  status: 'COMPLETED',
  startDate: '2025-03-01',
  endDate: '2025-09-15',
  location: { lat: 49.09, lng: 1.98, address: null },
  finalCostCents: 2_180_000,
  fundingLines: [
    { funder: 'DEPARTEMENT', funderName: null, scheme: 'Patrimoine rural', amountRequestedCents: 900_000, amountObtainedCents: 872_000, state: 'PAID', requestedOn: null, decidedOn: null },
  ],
  lessons: { problems: 'Charpente plus abîmée que prévu.', differently: 'Diagnostic avant devis.', advice: 'Prévoir 15 % d’aléas.' },
  projectLead: 'Bernadette Confidentielle',
  partners: 'Association des amis du lavoir',
  evaluation: 'Note interne : entreprise lente.',
};

describe('Public portal', () => {
  let t: TestApp;
  let mayorUser: TestUser;
  let mayor: Session;
  let collaborator: Session;
  let agent: Session;
  // A stand-in for the built front end, to check the project pages' meta tags.
  const webDir = mkdtempSync(join(tmpdir(), 'passerelle-web-'));
  writeFileSync(join(webDir, 'index.html'), '<html><head><title>Passerelle</title><meta name="description" content="Portail" /></head><body></body></html>');

  beforeAll(async () => {
    t = await startTestApp('valDOise', { WEB_DIR: webDir });
    const team = await createTeam(t.db, '95002', 1);
    mayorUser = team.mayor;
    mayor = await signIn(t.app, team.mayor);
    collaborator = await signIn(t.app, team.collaborators[0]);
    agent = await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true }));
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => t.app.inject(options);
  const get = (url: string) => inject({ method: 'GET', url });
  const createProject = async (title: string, fields: object = {}) =>
    (await inject({ method: 'POST', url: '/api/communes/95002/projects', headers: collaborator.headers, payload: { ...FICHE, title, ...fields } })).json<ProjectDto>();
  /** `approve` names the preview's version: the one an agent reads now, unless the test gives one. */
  const act = async (session: Session, id: string, action: PublicationAction, extra: object = {}) => {
    const read = action === 'approve' && !('version' in extra);
    const version = read
      ? { version: (await inject({ method: 'GET', url: `/api/projects/${id}/publication/preview`, headers: session.headers })).json<PublicationPreviewDto>().version }
      : {};
    return inject({ method: 'POST', url: `/api/projects/${id}/publication`, headers: session.headers, payload: { action, ...version, ...extra } });
  };
  const publish = async (id: string, choices = { documentIds: [] as string[], showFunding: true }) => {
    expect((await act(mayor, id, 'request', { choices })).statusCode).toBe(200);
    return (await act(agent, id, 'approve')).json<PublicationDto>();
  };
  const search = async (q: string) => (await get(`/api/public/projects?q=${encodeURIComponent(q)}`)).json<Page<PublicProjectSummaryDto>>();
  const mapAll = async (query = '') => (await get(`/api/public/projects.geojson?zoom=20&bbox=-180,-85,180,85${query}`)).json<PublicMapDto>();
  const slugsOnMap = (map: PublicMapDto) => map.features.map((f) => (f.properties.cluster === true ? null : f.properties.slug)).filter(Boolean);
  const text = async (url: string) => (await get(url)).body;

  /** Every public route, checked for one project that must not be there. */
  async function expectAbsent(title: string, slug: string) {
    expect((await search(title)).items.map((p) => p.title)).not.toContain(title);
    expect((await get(`/api/public/projects?limit=100`)).json<Page<PublicProjectSummaryDto>>().items.map((p) => p.slug)).not.toContain(slug);
    const page = await get(`/projets/${slug}`);
    expect([page.statusCode, page.body.includes(title)]).toEqual([404, false]);
    const bySlug = await get(`/api/public/projects/${slug}`);
    expect([bySlug.statusCode, bySlug.json<ApiError>().code]).toEqual([404, 'PUBLIC_PROJECT_NOT_FOUND']);
    expect((await get(`/api/public/projects/${slug}/similar`)).statusCode).toBe(404);
    expect((await inject({ method: 'POST', url: `/api/public/projects/${slug}/views` })).statusCode).toBe(404);
    expect(slugsOnMap(await mapAll())).not.toContain(slug);
    for (const url of ['/api/public/projects.csv', '/api/public/opendata/projects.geojson', '/api/public/feed.atom']) {
      const body = await text(url);
      expect(body).not.toContain(slug);
      expect(body).not.toContain(title);
    }
  }

  it('shows a published project on every public route, as reviewed, without anything private', async () => {
    const project = await createProject('Rénovation de l’école du Bourg');
    const published = await publish(project.id);
    const slug = published.slug as string;
    expect(slug).toBe('renovation-de-l-ecole-du-bourg-ableiges');

    const page = await get(`/api/public/projects/${slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('public, no-cache');
    const dto = page.json<PublicProjectDto>();
    expect(dto).toMatchObject({
      slug,
      title: 'Rénovation de l’école du Bourg',
      commune: { insee: '95002', name: 'Ableiges' },
      funding: [{ funder: 'DEPARTEMENT', scheme: 'Patrimoine rural', amountObtainedCents: 872_000 }],
      lessons: FICHE.lessons,
    });
    // Internal fields of the fiche never leave: project lead, partners, evaluation, members' names, e-mails.
    const body = page.body;
    for (const secret of ['Bernadette', 'Association des amis', 'Note interne', mayorUser.email, '@']) {
      expect(body).not.toContain(secret);
    }
    const [{ display_name }] = await t.db.query(`SELECT display_name FROM app_user WHERE id = $1`, [mayorUser.id]);
    expect(body).not.toContain(display_name);

    // Accents and case ignored: "ecole" finds "école".
    expect((await search('ecole bourg')).items.map((p) => p.slug)).toContain(slug);
    expect((await search('ÉCOLE')).items.map((p) => p.slug)).toContain(slug);
    expect(slugsOnMap(await mapAll())).toContain(slug);
    expect(await text('/api/public/projects.csv')).toContain(slug);
    expect(await text('/api/public/feed.atom')).toContain(`/projets/${slug}</id>`);

    // The page itself carries the project's title and Open Graph tags for link previews.
    const html = await get(`/projets/${slug}`);
    expect([html.statusCode, html.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(html.body).toContain('<meta property="og:title" content="Rénovation de l’école du Bourg — Ableiges" />');
    expect(html.body).toContain('<title>Rénovation de l’école du Bourg — Ableiges · Passerelle</title>');
  });

  it('keeps unpublished, awaiting, withdrawn and non-completed projects off every public route', async () => {
    const never = await createProject('Verger conservatoire jamais publié');
    await expectAbsent('Verger conservatoire jamais publié', 'verger-conservatoire-jamais-publie-ableiges');

    const awaiting = await createProject('Citerne du hameau en attente');
    await act(collaborator, awaiting.id, 'request');
    await expectAbsent('Citerne du hameau en attente', 'citerne-du-hameau-en-attente-ableiges');
    await act(mayor, awaiting.id, 'consent');
    await expectAbsent('Citerne du hameau en attente', 'citerne-du-hameau-en-attente-ableiges');

    const inProgress = await createProject('Préau en cours de travaux', { status: 'IN_PROGRESS' });
    expect((await act(mayor, inProgress.id, 'request')).statusCode).toBe(409);
    await expectAbsent('Préau en cours de travaux', 'preau-en-cours-de-travaux-ableiges');

    const withdrawn = await createProject('Lavoir retiré par le maire');
    const { slug } = await publish(withdrawn.id);
    expect((await get(`/api/public/projects/${slug}`)).statusCode).toBe(200);
    expect((await act(mayor, withdrawn.id, 'withdraw')).json<PublicationDto>().state).toBe('PRIVATE');
    await expectAbsent('Lavoir retiré par le maire', slug as string);

    // Deleting a published project removes it too.
    const deleted = await createProject('Mare supprimée ensuite');
    const published = await publish(deleted.id);
    expect((await inject({ method: 'DELETE', url: `/api/projects/${deleted.id}`, headers: mayor.headers })).statusCode).toBe(204);
    await expectAbsent('Mare supprimée ensuite', published.slug as string);
    expect(never.id).toBeDefined();
  });

  it('shows the old snapshot after an edit, until a new review approves it', async () => {
    const project = await createProject('Jardin partagé');
    const { slug } = await publish(project.id);
    await inject({ method: 'PATCH', url: `/api/projects/${project.id}`, headers: collaborator.headers, payload: { title: 'Jardin partagé et verger', version: project.version } });
    const before = (await get(`/api/public/projects/${slug}`)).json<PublicProjectDto>();
    expect(before.title).toBe('Jardin partagé');
    expect((await search('verger')).items.map((p) => p.slug)).not.toContain(slug);

    // The preview shows exactly what an approval would put online.
    const { version, ...preview } = (
      await inject({ method: 'GET', url: `/api/projects/${project.id}/publication/preview`, headers: agent.headers })
    ).json<PublicationPreviewDto>();
    expect(preview).toMatchObject({ title: 'Jardin partagé et verger', slug });
    await act(collaborator, project.id, 'request');
    await act(mayor, project.id, 'consent');
    // Waiting for the review: still the reviewed version online.
    expect((await get(`/api/public/projects/${slug}`)).json<PublicProjectDto>().title).toBe('Jardin partagé');
    await act(agent, project.id, 'approve', { version });
    const after = (await get(`/api/public/projects/${slug}`)).json<PublicProjectDto>();
    // Same fiche; only the dates differ (the preview is dated now), and neither has documents to re-address.
    expect({ ...after, publishedAt: preview.publishedAt, reviewedAt: preview.reviewedAt }).toEqual(preview);
    expect([after.photos, after.documents]).toEqual([[], []]);
    expect(after.publishedAt).toBe(before.publishedAt);
    expect(after.reviewedAt >= before.reviewedAt).toBe(true);
  });

  it('serves only the documents the commune chose, and only while published', async () => {
    const project = await createProject('Salle des fêtes rénovée');
    const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#3a7' } }).png().toBuffer();
    const upload = async (filename: string) => {
      const body = multipart(filename, png);
      const res = await inject({ method: 'POST', url: `/api/projects/${project.id}/documents`, headers: { ...collaborator.headers, ...body.headers }, payload: body.payload });
      return res.json<DocumentDto>();
    };
    const chosen = await upload('facade.png');
    const kept = await upload('chantier-interne.png');
    const { slug } = await publish(project.id, { documentIds: [chosen.id], showFunding: false });
    const dto = (await get(`/api/public/projects/${slug}`)).json<PublicProjectDto>();
    expect(dto.photos.map((p) => p.id)).toEqual([chosen.id]);
    expect(dto.funding).toBeNull();
    expect(dto.photos[0].thumbnailUrl).toBe(`/api/public/documents/${chosen.id}/thumbnail`);

    const content = await get(`/api/public/documents/${chosen.id}/content`);
    expect([content.statusCode, content.headers['content-type'], content.headers['x-content-type-options']]).toEqual([200, 'image/png', 'nosniff']);
    expect((await get(`/api/public/documents/${chosen.id}/thumbnail`)).headers['content-type']).toBe('image/webp');
    const etag = content.headers['etag'] as string;
    expect((await inject({ method: 'GET', url: `/api/public/documents/${chosen.id}/content`, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    expect((await get(`/api/public/documents/${kept.id}/content`)).statusCode).toBe(404);
    expect((await get(`/api/public/documents/not-a-uuid/content`)).statusCode).toBe(404);

    await act(mayor, project.id, 'withdraw');
    expect((await get(`/api/public/documents/${chosen.id}/content`)).statusCode).toBe(404);
    expect((await inject({ method: 'GET', url: `/api/public/documents/${chosen.id}/content`, headers: { 'if-none-match': etag } })).statusCode).toBe(404);
  });

  it('filters by theme, canton, commune, year, status and bbox, paginates, and refuses bad filters in French', async () => {
    const project = await createProject('Éclairage public en LED', { theme: 'ENERGIE_CLIMAT', startDate: '2024-06-01', endDate: '2024-11-30' });
    const { slug } = await publish(project.id);
    const [{ canton_code }] = await t.db.query(`SELECT canton_code FROM commune WHERE insee = '95002'`);
    const slugs = async (query: string) => (await get(`/api/public/projects?${query}`)).json<Page<PublicProjectSummaryDto>>().items.map((p) => p.slug);
    expect(await slugs('theme=ENERGIE_CLIMAT')).toEqual([slug]);
    expect(await slugs('theme=VOIRIE')).toEqual([]);
    expect(await slugs(`canton=${canton_code}&year=2024&status=COMPLETED&commune=95002&departement=95`)).toEqual([slug]);
    expect(await slugs('year=2023')).not.toContain(slug);
    expect(await slugs('bbox=1.9,49,2.1,49.2')).toContain(slug);
    expect(await slugs('bbox=2.3,48.9,2.5,49')).not.toContain(slug);
    const paged = (await get('/api/public/projects?limit=1&offset=1')).json<Page<PublicProjectSummaryDto>>();
    expect([paged.items.length, paged.limit, paged.offset, paged.total > 1]).toEqual([1, 1, 1, true]);

    for (const bad of ['theme=PISCINE', 'year=deux', 'limit=101', 'bbox=1,2,3', 'bbox=2,49.3,1.6,48.9', 'zoom=30', 'status=DONE', 'commune=1', 'sort=alpha']) {
      const url = bad.startsWith('zoom') || bad.includes('49.3') ? `/api/public/projects.geojson?${bad}` : `/api/public/projects?${bad}`;
      const res = await get(url);
      expect([bad, res.statusCode, res.json<ApiError>().code]).toEqual([bad, 400, 'VALIDATION_FAILED']);
      // The error is JSON even where the route answers GeoJSON.
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    }
    for (const q of [`' & ! | :*`, '((', '\\', 'x'.repeat(200)]) {
      expect((await get(`/api/public/projects?q=${encodeURIComponent(q)}`)).statusCode).toBe(200);
    }
  });

  it('answers 304 to a revalidation of an unchanged list, and a new body once something is published', async () => {
    const first = await get('/api/public/projects');
    const etag = first.headers['etag'] as string;
    expect(etag).toBeTruthy();
    expect((await inject({ method: 'GET', url: '/api/public/projects', headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    await publish((await createProject('Terrain multisport')).id);
    expect((await inject({ method: 'GET', url: '/api/public/projects', headers: { 'if-none-match': etag } })).statusCode).toBe(200);
  });

  it('writes open data with the documented columns, formulas neutralised, and no personal data', async () => {
    const project = await createProject('=HYPERLINK("http://x") Aire de jeux; "la grande"', { summary: '+33 tout compris' });
    const hidden = await createProject('Citerne sans financement public', { theme: 'SECURITE' });
    await publish(project.id);
    await publish(hidden.id, { documentIds: [], showFunding: false });

    const csv = await get('/api/public/projects.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('attachment');
    const lines = csv.body.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines[0].split(';')).toEqual(OPEN_DATA_COLUMNS.map((c) => c.name));
    const row = lines.find((l) => l.includes('HYPERLINK')) as string;
    expect(row).toContain(`"'=HYPERLINK(""http://x"") Aire de jeux; ""la grande"""`);
    expect(row).toContain(`'+33 tout compris`);
    const hiddenRow = (lines.find((l) => l.includes('Citerne sans financement')) as string).split(';');
    expect(hiddenRow[OPEN_DATA_COLUMNS.findIndex((c) => c.name === 'aides_publiques_euros')]).toBe('');
    expect(hiddenRow[OPEN_DATA_COLUMNS.findIndex((c) => c.name === 'financeurs')]).toBe('');
    expect(hiddenRow[OPEN_DATA_COLUMNS.findIndex((c) => c.name === 'cout_final_euros')]).toBe('21800');
    for (const secret of ['@', 'Bernadette', 'Note interne', 'amis du lavoir']) {
      expect(csv.body).not.toContain(secret);
    }

    const geo = await get('/api/public/opendata/projects.geojson');
    const collection = JSON.parse(geo.body) as { type: string; features: { geometry: { coordinates: number[] } | null; properties: Record<string, unknown> }[] };
    expect(collection.type).toBe('FeatureCollection');
    expect(Object.keys(collection.features[0].properties)).toEqual(OPEN_DATA_COLUMNS.map((c) => c.name));
    expect(collection.features.find((f) => f.properties['titre'] === 'Citerne sans financement public')?.geometry?.coordinates).toEqual([1.98, 49.09]);
    expect(geo.body).not.toContain('@');
  });

  it('counts consultations per day without cookies or anything about the visitor', async () => {
    const project = await createProject('Haies champêtres');
    const { slug } = await publish(project.id);
    for (let i = 0; i < 3; i++) {
      const res = await inject({ method: 'POST', url: `/api/public/projects/${slug}/views`, headers: { 'user-agent': 'Mozilla/5.0', 'x-forwarded-for': '203.0.113.9' } });
      expect(res.statusCode).toBe(204);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const columns = (await t.db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'project_view_day' ORDER BY ordinal_position`)).map(
      (c: { column_name: string }) => c.column_name,
    );
    expect(columns).toEqual(['project_id', 'day', 'count']);
    const views = (await inject({ method: 'GET', url: `/api/projects/${project.id}/publication`, headers: mayor.headers })).json<PublicationDto>().views;
    expect(views).toMatchObject({ total: 3, last30Days: 3 });
    expect(views?.daily).toHaveLength(30);
    expect(views?.daily.at(-1)?.count).toBe(3);
  });

  it('gives agents a review queue of their département, oldest request first, and logs decisions in the audit', async () => {
    const first = await createProject('Cour d’école plantée');
    const second = await createProject('Sente piétonne');
    await act(mayor, first.id, 'request');
    await act(mayor, second.id, 'request');
    const queue = (await inject({ method: 'GET', url: '/api/publication/queue', headers: agent.headers })).json<Page<PublicationQueueItemDto>>();
    const ids = queue.items.map((i) => i.projectId);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(queue.items.find((i) => i.projectId === first.id)).toMatchObject({ commune: { insee: '95002', name: 'Ableiges' }, republication: false });
    expect((await inject({ method: 'GET', url: '/api/publication/queue', headers: mayor.headers })).statusCode).toBe(403);
    await t.db.query(`INSERT INTO departement (code, name) VALUES ('45', 'Loiret') ON CONFLICT DO NOTHING`);
    const elsewhere = await signIn(t.app, await createUser(t.db, { role: 'AGENT', departementCode: '45', totpExempt: true }));
    expect((await inject({ method: 'GET', url: '/api/publication/queue', headers: elsewhere.headers })).json<Page<PublicationQueueItemDto>>().total).toBe(0);

    await act(agent, first.id, 'reject', { reason: 'Ajoutez une photo.' });
    const audit = await t.db.query(`SELECT action, target_id, request_id FROM audit_event WHERE target_id = $1 ORDER BY id`, [first.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['PUBLICATION_REQUEST', 'PUBLICATION_REJECT']);
    expect(audit[1].request_id).toBeTruthy();
  });

  it('keeps every map view of 50,000 published projects under the cap, and accounts for every project', async () => {
    await t.db.query(`
      WITH communes AS (SELECT insee, name, canton_code, latitude, longitude, row_number() OVER (ORDER BY insee) - 1 AS n, count(*) OVER () AS total
                          FROM commune WHERE departement_code = '95' AND latitude IS NOT NULL),
           made AS (
             INSERT INTO project (commune_insee, title, theme, status, progress, latitude, longitude, publication_state)
             SELECT c.insee, 'Projet ' || g, 'VOIRIE', 'COMPLETED', 100, c.latitude + (g % 97) * 0.0001, c.longitude + (g % 89) * 0.0001, 'PUBLISHED'
               FROM generate_series(1, 50000) g JOIN communes c ON c.n = g % c.total
             RETURNING id, commune_insee, title, latitude, longitude)
      INSERT INTO project_publication (project_id, slug, departement_code, commune_insee, canton_code, theme, status, year, latitude, longitude,
                                       snapshot, project_version, published_at, reviewed_at)
      SELECT m.id, 'bench-' || m.id, '95', m.commune_insee, c.canton_code, 'VOIRIE', 'COMPLETED', 2025, m.latitude, m.longitude,
             jsonb_build_object('title', m.title, 'commune', jsonb_build_object('insee', c.insee, 'name', c.name)), 1, now(), now()
        FROM made m JOIN communes c ON c.insee = m.commune_insee`);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM project_publication WHERE latitude IS NOT NULL`);
    expect(count).toBeGreaterThanOrEqual(50_000);

    const views = [
      'zoom=0',
      'zoom=9',
      'zoom=9&bbox=1.6,48.9,2.6,49.3',
      'zoom=12&bbox=1.9,49.0,2.1,49.2',
      'zoom=15&bbox=1.97,49.08,1.99,49.10',
      'zoom=20&bbox=-180,-85,180,85',
      'zoom=20&bbox=1.9,49.0,2.1,49.2',
    ];
    for (const view of views) {
      const res = await get(`/api/public/projects.geojson?departement=95&${view}`);
      const map = res.json<PublicMapDto>();
      expect([view, res.statusCode, map.features.length <= PUBLIC_MAP_MAX_FEATURES]).toEqual([view, 200, true]);
      expect(map.total).toBe(count);
      if (view.startsWith('zoom=0') || view.includes('-180')) {
        // The whole world in view: every project is in a cluster or stands alone, none is lost.
        const counted = map.features.reduce((sum, f) => sum + (f.properties.cluster ? f.properties.count : 1), 0);
        expect(counted).toBe(count);
      }
    }
    // Filters and the search work on the map too.
    expect((await get('/api/public/projects.geojson?theme=SECURITE&zoom=9')).json<PublicMapDto>().total).toBeLessThan(10);
    const searched = (await get('/api/public/projects?q=projet&limit=5')).json<Page<PublicProjectSummaryDto>>();
    expect(searched.total).toBeGreaterThanOrEqual(50_000);
  }, 120_000);
});
