import sharp from 'sharp';
import type {
  ApiError,
  DeptPhotoDto,
  DeptProjectDto,
  DeptProjectSummaryDto,
  DeptReportDto,
  DeptReportQueueItemDto,
  NotificationPageDto,
  Page,
  ProgrammeAxisDto,
} from '@passerelle/shared/dto';
import { type Session, type TestUser, createTeam, createUser, multipart, signIn } from './factories';
import { type TestApp, startTestApp } from './test-app';

const REPORT = {
  reportedOn: '2026-01-15',
  done: 'Désamiantage terminé, gros œuvre commencé.',
  difficulties: 'Deux semaines de retard dues aux intempéries.',
  nextSteps: 'Charpente en février.',
  progress: 40,
  milestonesReached: ['Désamiantage'],
  videos: [],
};

describe('The département’s own projects (staff API)', () => {
  let t: TestApp;
  let agentUser: TestUser;
  let agent: Session;
  let secondAgent: Session;
  let admin: Session;
  let mayor: Session;
  let loiretAgent: Session;
  let cantons: string[];

  beforeAll(async () => {
    t = await startTestApp('valDOise', { VIDEO_HOSTS: 'video.valdoise.fr' });
    agentUser = await createUser(t.db, { role: 'AGENT', totpExempt: true });
    agent = await signIn(t.app, agentUser);
    secondAgent = await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true }));
    admin = await signIn(t.app, await createUser(t.db, { role: 'ADMIN', totpExempt: true }));
    mayor = await signIn(t.app, (await createTeam(t.db, '95002')).mayor);
    await t.db.query(`INSERT INTO departement (code, name) VALUES ('45', 'Loiret') ON CONFLICT DO NOTHING`);
    loiretAgent = await signIn(t.app, await createUser(t.db, { role: 'AGENT', departementCode: '45', totpExempt: true }));
    cantons = (await t.db.query(`SELECT code FROM canton WHERE departement_code = '95' ORDER BY code LIMIT 3`)).map((r: { code: string }) => r.code);
  });
  afterAll(() => t.close());

  const call = async <T>(session: Session | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url: `/api${url}`, headers: session?.headers ?? {}, payload });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as T };
  };
  const createProject = async (session: Session, fields: object = {}) => {
    const res = await call<DeptProjectDto>(session, 'POST', '/departements/95/projects', {
      title: 'Rénovation du collège Jean-Moulin',
      theme: 'ECOLES_PETITE_ENFANCE',
      status: 'IN_PROGRESS',
      cantonCodes: [cantons[0]],
      milestones: [
        { date: '2026-01-10', title: 'Désamiantage', done: false },
        { date: '2026-09-01', title: 'Rentrée dans les nouveaux locaux', done: false },
      ],
      ...fields,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const writeReport = async (session: Session, projectId: string, fields: object = {}) => {
    const res = await call<DeptReportDto>(session, 'POST', `/dept-projects/${projectId}/reports`, { ...REPORT, ...fields });
    expect(res.status).toBe(201);
    return res.body;
  };
  const review = (session: Session, report: DeptReportDto, action: 'approve' | 'reject', reason?: string) =>
    call<DeptReportDto>(session, 'POST', `/dept-reports/${report.id}/review`, { action, reason, version: report.version });

  it('keeps commune users out of every staff route, and another département’s agents see nothing (404)', async () => {
    const project = await createProject(agent);
    expect((await call(mayor, 'GET', '/departements/95/projects')).status).toBe(403);
    expect((await call(mayor, 'POST', '/departements/95/projects', { title: 'X', theme: 'VOIRIE', status: 'PLANNED', cantonCodes: [cantons[0]] })).status).toBe(403);
    expect((await call(mayor, 'GET', `/dept-projects/${project.id}`)).status).toBe(403);
    expect((await call(mayor, 'PATCH', `/dept-projects/${project.id}`, { title: 'Piraté', version: project.version })).status).toBe(403);
    expect((await call(mayor, 'POST', `/dept-projects/${project.id}/reports`, REPORT)).status).toBe(403);
    expect((await call(null, 'GET', '/departements/95/projects')).status).toBe(401);

    expect((await call(loiretAgent, 'GET', `/dept-projects/${project.id}`)).status).toBe(404);
    expect((await call(loiretAgent, 'PATCH', `/dept-projects/${project.id}`, { title: 'Piraté', version: project.version })).status).toBe(404);
    expect((await call(loiretAgent, 'GET', '/departements/95/projects')).status).toBe(404);
    const loiretList = await call<Page<DeptProjectSummaryDto>>(loiretAgent, 'GET', '/departements/45/projects');
    expect(loiretList.body.items).toEqual([]);
    const [{ title }] = await t.db.query(`SELECT title FROM dept_project WHERE id = $1`, [project.id]);
    expect(title).toBe('Rénovation du collège Jean-Moulin');
  });

  it('lets an agent create a project they lead, located by its cantons; only an admin names another lead', async () => {
    const project = await createProject(agent, { cantonCodes: cantons.slice(0, 2) });
    expect(project).toMatchObject({ lead: { id: agentUser.id }, progress: 25, slug: null, permissions: { edit: true, delete: false, setLead: false } });
    expect(project.cantons.map((c) => c.code).sort()).toEqual(cantons.slice(0, 2).sort());
    expect(project.mapPoint).not.toBeNull();

    const other = await createUser(t.db, { role: 'AGENT', totpExempt: true });
    const byAgent = await call<ApiError>(agent, 'POST', '/departements/95/projects', { title: 'Route', theme: 'VOIRIE', status: 'PLANNED', cantonCodes: [cantons[0]], leadId: other.id });
    expect([byAgent.status, byAgent.body.code]).toEqual([403, 'LEAD_ADMIN_ONLY']);
    const patched = await call<ApiError>(agent, 'PATCH', `/dept-projects/${project.id}`, { leadId: other.id, version: project.version });
    expect(patched.status).toBe(403);

    const loiret = await createUser(t.db, { role: 'AGENT', departementCode: '45', totpExempt: true });
    expect((await call<ApiError>(admin, 'PATCH', `/dept-projects/${project.id}`, { leadId: loiret.id, version: project.version })).status).toBe(400);
    const named = await call<DeptProjectDto>(admin, 'PATCH', `/dept-projects/${project.id}`, { leadId: other.id, version: project.version });
    expect(named.body.lead?.id).toBe(other.id);
    // No longer the lead: the agent reads it but does not edit it.
    expect((await call<DeptProjectDto>(agent, 'GET', `/dept-projects/${project.id}`)).body.permissions.edit).toBe(false);
    expect((await call(agent, 'PATCH', `/dept-projects/${project.id}`, { title: 'Autre', version: named.body.version })).status).toBe(403);
    const audit = await t.db.query(`SELECT action FROM audit_event WHERE target_id = $1 ORDER BY id`, [project.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['DEPT_PROJECT_CREATED', 'DEPT_PROJECT_UPDATED', 'DEPT_PROJECT_LEAD_CHANGED']);
  });

  it('takes the canton under a point, and needs a canton or a point', async () => {
    const [commune] = await t.db.query(`SELECT latitude, longitude, canton_code FROM commune WHERE insee = '95002'`);
    const placed = await createProject(agent, { cantonCodes: [], location: { lat: commune.latitude, lng: commune.longitude, address: null } });
    expect(placed.cantons.map((c) => c.code)).toEqual([commune.canton_code]);
    expect(placed.mapPoint).toEqual({ lat: commune.latitude, lng: commune.longitude });
    const nowhere = await call<ApiError>(agent, 'POST', '/departements/95/projects', { title: 'Nulle part', theme: 'VOIRIE', status: 'PLANNED' });
    expect([nowhere.status, Object.keys(nowhere.body.errors ?? {})]).toEqual([400, ['cantonCodes']]);
    const foreign = await call<ApiError>(agent, 'POST', '/departements/95/projects', { title: 'Ailleurs', theme: 'VOIRIE', status: 'PLANNED', cantonCodes: ['4501'] });
    expect(foreign.status).toBe(400);
  });

  it('answers a stale edit with 409 and the project as it is now', async () => {
    const project = await createProject(agent);
    expect((await call(agent, 'PATCH', `/dept-projects/${project.id}`, { title: 'Collège Jean-Moulin', version: project.version })).status).toBe(200);
    const stale = await call<ApiError & { current: DeptProjectDto }>(agent, 'PATCH', `/dept-projects/${project.id}`, { summary: 'Résumé', version: project.version });
    expect([stale.status, stale.body.code, stale.body.current.title]).toEqual([409, 'DEPT_PROJECT_VERSION_CONFLICT', 'Collège Jean-Moulin']);
    // A change of status without a progress takes the status's default.
    const completed = await call<DeptProjectDto>(agent, 'PATCH', `/dept-projects/${project.id}`, { status: 'COMPLETED', version: stale.body.current.version });
    expect(completed.body.progress).toBe(100);
  });

  it('publishes a report after a second person’s review: slug, publication date, progress and milestones', async () => {
    const project = await createProject(agent);
    const report = await writeReport(agent, project.id, { submit: true });
    expect(report).toMatchObject({ state: 'AWAITING_REVIEW', can: { approve: false, edit: true } });

    const queue = await call<Page<DeptReportQueueItemDto>>(agent, 'GET', '/dept-reports/queue');
    expect(queue.body.items.find((i) => i.reportId === report.id)).toMatchObject({ projectId: project.id, canReview: false });
    const othersQueue = await call<Page<DeptReportQueueItemDto>>(secondAgent, 'GET', '/dept-reports/queue');
    expect(othersQueue.body.items.find((i) => i.reportId === report.id)?.canReview).toBe(true);
    const inbox = await call<NotificationPageDto>(secondAgent, 'GET', '/notifications');
    expect(inbox.body.items[0]).toMatchObject({ kind: 'DEPT_REPORT_TO_REVIEW', link: `/departement/projets-du-departement/${project.id}` });

    const own = await review(agent, report, 'approve');
    expect([own.status, (own.body as unknown as ApiError).code]).toEqual([403, 'OWN_REPORT_REVIEW']);
    const approved = await review(secondAgent, report, 'approve');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'PUBLISHED', pendingChanges: false });

    const after = (await call<DeptProjectDto>(agent, 'GET', `/dept-projects/${project.id}`)).body;
    expect(after).toMatchObject({ slug: 'renovation-du-college-jean-moulin', progress: 40, lastReportOn: '2026-01-15' });
    expect(after.publishedAt).not.toBeNull();
    expect(after.milestones.find((m) => m.title === 'Désamiantage')?.done).toBe(true);
    expect(after.views).toEqual(expect.objectContaining({ total: 0 }));
    expect((await call<DeptProjectDto>(secondAgent, 'GET', `/dept-projects/${project.id}`)).body.views).toBeNull();
    const [row] = await t.db.query(`SELECT published, published_at FROM dept_project_report WHERE id = $1`, [report.id]);
    expect(row.published).toMatchObject({ reportedOn: '2026-01-15', progress: 40, photoIds: [], videos: [] });
    expect(row.published_at).not.toBeNull();
    const authorInbox = await call<NotificationPageDto>(agent, 'GET', '/notifications');
    expect(authorInbox.body.items[0]).toMatchObject({ kind: 'DEPT_REPORT_DECIDED' });

    // A second project of the same title gets its own address.
    const twin = await createProject(agent);
    await review(admin, await writeReport(agent, twin.id, { submit: true }), 'approve');
    expect((await call<DeptProjectDto>(agent, 'GET', `/dept-projects/${twin.id}`)).body.slug).toBe('renovation-du-college-jean-moulin-2');
  });

  it('needs a reason to reject, and keeps the published text when a published report is edited', async () => {
    const project = await createProject(agent);
    const report = await writeReport(agent, project.id, { submit: true });
    expect((await review(secondAgent, report, 'reject')).status).toBe(400);
    const rejected = await review(secondAgent, report, 'reject', 'Ajoutez une photo du chantier.');
    expect(rejected.body).toMatchObject({ state: 'REJECTED', rejectionReason: 'Ajoutez une photo du chantier.' });

    const resubmitted = await call<DeptReportDto>(agent, 'PATCH', `/dept-reports/${report.id}`, { version: rejected.body.version, submit: true });
    const approved = await review(admin, resubmitted.body, 'approve');
    expect(approved.body.state).toBe('PUBLISHED');

    const edited = await call<DeptReportDto>(agent, 'PATCH', `/dept-reports/${report.id}`, { done: 'Texte revu, pas encore relu.', version: approved.body.version });
    expect(edited.body).toMatchObject({ state: 'DRAFT', pendingChanges: true, done: 'Texte revu, pas encore relu.' });
    const [row] = await t.db.query(`SELECT published FROM dept_project_report WHERE id = $1`, [report.id]);
    expect(row.published.done).toBe(REPORT.done);

    const stale = await call<ApiError>(agent, 'PATCH', `/dept-reports/${report.id}`, { done: 'Encore', version: approved.body.version });
    expect([stale.status, stale.body.code]).toEqual([409, 'DEPT_REPORT_VERSION_CONFLICT']);
    // A published report is deleted by an admin only.
    expect((await call(agent, 'DELETE', `/dept-reports/${report.id}`)).status).toBe(403);
  });

  it('accepts PeerTube and the département’s own video host only', async () => {
    const project = await createProject(agent);
    const youtube = await call<ApiError>(agent, 'POST', `/dept-projects/${project.id}/reports`, {
      ...REPORT,
      videos: [{ url: 'https://www.youtube.com/watch?v=abc', title: 'Le chantier', thumbnailPhotoId: null }],
    });
    expect([youtube.status, Object.keys(youtube.body.errors ?? {})]).toEqual([400, ['videos.0.url']]);
    const ok = await writeReport(agent, project.id, {
      videos: [
        { url: 'https://tube.example.org/w/kkGMgK9ZtnKfYAgnEtQxbv', title: 'Le chantier', thumbnailPhotoId: null },
        { url: 'https://video.valdoise.fr/college', title: 'Visite', thumbnailPhotoId: null },
      ],
    });
    expect(ok.videos.map((v) => v.host)).toEqual(['tube.example.org', 'video.valdoise.fr']);
  });

  it('stores photos, and refuses to publish one without a text alternative', async () => {
    const project = await createProject(agent);
    const report = await writeReport(agent, project.id);
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#4a7' } }).jpeg().toBuffer();
    const upload = await t.app.inject({ method: 'POST', url: `/api/dept-reports/${report.id}/photos`, headers: { ...agent.headers, ...multipart('chantier.jpg', jpeg).headers }, payload: multipart('chantier.jpg', jpeg).payload });
    expect(upload.statusCode).toBe(201);
    const photo = upload.json<DeptPhotoDto>();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const refused = await t.app.inject({ method: 'POST', url: `/api/dept-reports/${report.id}/photos`, headers: { ...agent.headers, ...multipart('x.pdf', pdf).headers }, payload: multipart('x.pdf', pdf).payload });
    expect(refused.statusCode).toBe(415);
    const thumb = await t.app.inject({ method: 'GET', url: photo.thumbnailUrl, headers: agent.headers });
    expect([thumb.statusCode, thumb.headers['content-type']]).toEqual([200, 'image/webp']);
    expect((await t.app.inject({ method: 'GET', url: photo.contentUrl, headers: loiretAgent.headers })).statusCode).toBe(404);

    const current = (await call<DeptReportDto[]>(agent, 'GET', `/dept-projects/${project.id}/reports`)).body[0];
    const submitted = (await call<DeptReportDto>(agent, 'PATCH', `/dept-reports/${report.id}`, { version: current.version, submit: true })).body;
    const noAlt = await review(secondAgent, submitted, 'approve');
    expect([noAlt.status, (noAlt.body as unknown as ApiError).code]).toEqual([400, 'PHOTO_ALT_MISSING']);
    expect((await call(agent, 'PATCH', `/dept-photos/${photo.id}`, { alt: 'La façade du collège sous échafaudage' })).status).toBe(200);
    const approved = await review(secondAgent, submitted, 'approve');
    expect(approved.body.state).toBe('PUBLISHED');
    const [row] = await t.db.query(`SELECT published FROM dept_project_report WHERE id = $1`, [report.id]);
    expect(row.published.photoIds).toEqual([photo.id]);
  });

  it('lets admins set the programme axes, with a French answer to a duplicate', async () => {
    const created = await call<ProgrammeAxisDto>(admin, 'POST', '/departements/95/axes', { label: 'Réussite éducative', description: '' });
    expect(created.status).toBe(201);
    const duplicate = await call<ApiError>(admin, 'POST', '/departements/95/axes', { label: 'réussite éducative', description: '' });
    expect([duplicate.status, duplicate.body.code]).toEqual([409, 'AXIS_DUPLICATE']);
    expect((await call(agent, 'POST', '/departements/95/axes', { label: 'Mobilités', description: '' })).status).toBe(403);
    const project = await createProject(agent, { axisId: created.body.id });
    expect(project.axis).toEqual({ id: created.body.id, label: 'Réussite éducative' });
    const list = await call<ProgrammeAxisDto[]>(agent, 'GET', '/departements/95/axes');
    expect(list.body.find((a) => a.id === created.body.id)?.projectCount).toBe(1);
    const filtered = await call<Page<DeptProjectSummaryDto>>(agent, 'GET', `/departements/95/projects?axis=${created.body.id}`);
    expect(filtered.body.items.map((p) => p.id)).toEqual([project.id]);
    expect((await call(admin, 'DELETE', `/axes/${created.body.id}`)).status).toBe(204);
    expect((await call<DeptProjectDto>(agent, 'GET', `/dept-projects/${project.id}`)).body.axis).toBeNull();
  });

  it('deletes a project for admins only, at once', async () => {
    const project = await createProject(agent);
    expect((await call(agent, 'DELETE', `/dept-projects/${project.id}`)).status).toBe(403);
    expect((await call(admin, 'DELETE', `/dept-projects/${project.id}`)).status).toBe(204);
    expect((await call(agent, 'GET', `/dept-projects/${project.id}`)).status).toBe(404);
  });
});
