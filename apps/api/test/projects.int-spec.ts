import type { ApiError, Page, ProjectConflictError, ProjectDto, ProjectHistoryEntryDto, ProjectSummaryDto } from '@passerelle/shared/dto';
import { createTeam, createUser, signIn, type Session } from './factories';
import { type TestApp, startTestApp } from './test-app';

const FICHE = {
  title: 'Rénovation de la toiture de l’école',
  summary: 'Reprise complète de la couverture en ardoise.',
  theme: 'ECOLES_PETITE_ENFANCE',
  status: 'IN_PROGRESS',
  startDate: '2026-03-01',
  endDate: '2026-09-30',
  forecastCostCents: 18_500_000,
  location: { lat: 49.0905, lng: 1.9852, address: 'Place de la Mairie' },
  fundingLines: [
    { funder: 'ETAT', funderName: null, scheme: 'DETR', amountRequestedCents: 7_400_000, amountObtainedCents: null, state: 'REQUESTED', requestedOn: '2026-01-15', decidedOn: null },
  ],
  milestones: [
    { date: '2026-04-15', title: 'Choix de l’entreprise', done: true },
    { date: '2026-06-01', title: 'Début du chantier', done: false },
  ],
  lessons: { problems: 'Amiante découverte.', differently: 'Diagnostic plus tôt.', advice: 'Prévoir une marge de 10 %.' },
};

describe('Projects (fiche projet)', () => {
  let t: TestApp;
  let mayor: Session;
  let collaborator: Session;
  let otherMayor: Session;
  let agent: Session;

  beforeAll(async () => {
    t = await startTestApp('valDOise');
    const ableiges = await createTeam(t.db, '95002', 1);
    mayor = await signIn(t.app, ableiges.mayor);
    collaborator = await signIn(t.app, ableiges.collaborators[0]);
    otherMayor = await signIn(t.app, (await createTeam(t.db, '95625')).mayor);
    agent = await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true }));
  });
  afterAll(() => t.close());

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => t.app.inject(options);
  const create = (session: Session, payload: object, insee = '95002') =>
    inject({ method: 'POST', url: `/api/communes/${insee}/projects`, headers: session.headers, payload });

  it('lets a collaborator create a fiche with everything, defaults filled in, and read it back', async () => {
    const res = await create(collaborator, FICHE);
    expect(res.statusCode).toBe(201);
    const project = res.json<ProjectDto>();
    expect(project).toMatchObject({
      title: FICHE.title,
      commune: { insee: '95002', name: 'Ableiges' },
      progress: 25,
      version: 1,
      forecastCostCents: 18_500_000,
      finalCostCents: null,
      nextMilestone: { title: 'Début du chantier', date: '2026-06-01' },
      permissions: { edit: true, upload: true, delete: false },
      lessons: FICHE.lessons,
    });
    expect((await inject({ method: 'GET', url: `/api/projects/${project.id}`, headers: mayor.headers })).json<ProjectDto>().permissions.delete).toBe(true);
    const list = await inject({ method: 'GET', url: '/api/communes/95002/projects?status=IN_PROGRESS&q=toiture', headers: mayor.headers });
    expect(list.json<Page<ProjectSummaryDto>>().items.map((p) => p.id)).toContain(project.id);
  });

  it('lets the agents of the département read it, read-only; hides it from other communes (404)', async () => {
    const project = (await create(collaborator, { title: 'Éclairage public LED', theme: 'ENERGIE_CLIMAT', status: 'PLANNED' })).json<ProjectDto>();
    const read = await inject({ method: 'GET', url: `/api/projects/${project.id}`, headers: agent.headers });
    expect(read.statusCode).toBe(200);
    expect(read.json<ProjectDto>().permissions).toEqual({ edit: false, upload: false, delete: false });
    expect((await inject({ method: 'PATCH', url: `/api/projects/${project.id}`, headers: agent.headers, payload: { version: 1, title: 'x' } })).statusCode).toBe(403);
    expect((await create(agent, { title: 'x', theme: 'AUTRE', status: 'PLANNED' })).statusCode).toBe(403);

    const missing = await inject({ method: 'GET', url: '/api/projects/00000000-0000-4000-8000-000000000000', headers: otherMayor.headers });
    for (const attempt of [
      inject({ method: 'GET', url: `/api/projects/${project.id}`, headers: otherMayor.headers }),
      inject({ method: 'PATCH', url: `/api/projects/${project.id}`, headers: otherMayor.headers, payload: { version: 1, title: 'x' } }),
      inject({ method: 'DELETE', url: `/api/projects/${project.id}`, headers: otherMayor.headers }),
      inject({ method: 'GET', url: `/api/projects/${project.id}/history`, headers: otherMayor.headers }),
      inject({ method: 'GET', url: '/api/communes/95002/projects', headers: otherMayor.headers }),
    ]) {
      const res = await attempt;
      expect(res.statusCode).toBe(404);
    }
    expect(missing.json<ApiError>().code).toBe('PROJECT_NOT_FOUND');
    expect((await create(otherMayor, { title: 'x', theme: 'AUTRE', status: 'PLANNED' })).statusCode).toBe(404);

    const backOffice = await inject({ method: 'GET', url: '/api/departements/95/commune-projects?commune=95002&limit=100', headers: agent.headers });
    expect(backOffice.json<Page<ProjectSummaryDto>>().items.map((p) => p.id)).toContain(project.id);
    expect((await inject({ method: 'GET', url: '/api/departements/95/commune-projects', headers: mayor.headers })).statusCode).toBe(403);
  });

  it('answers COMMUNE_NOT_FOUND in French for another commune, as for one that does not exist', async () => {
    for (const res of [
      await create(otherMayor, { title: 'x', theme: 'AUTRE', status: 'PLANNED' }),
      await create(mayor, { title: 'x', theme: 'AUTRE', status: 'PLANNED' }, '99999'),
      await inject({ method: 'GET', url: '/api/communes/95002/projects', headers: otherMayor.headers }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json<ApiError>()).toMatchObject({ code: 'COMMUNE_NOT_FOUND', message: 'Cette commune est introuvable.' });
    }
  });

  it('refuses absurd input with French field errors', async () => {
    const res = await create(collaborator, {
      title: '',
      theme: 'PISCINE',
      status: 'COMPLETED',
      progress: 140,
      forecastCostCents: -5,
      finalCostCents: 12.5,
      fundingLines: [{ funder: 'ETAT', funderName: null, scheme: null, amountRequestedCents: 1e15, amountObtainedCents: null, state: 'PROMIS', requestedOn: '2026-13-01', decidedOn: null }],
      role: 'ADMIN',
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json<ApiError>().errors ?? {};
    expect(Object.keys(errors).sort()).toEqual(
      [
        'title',
        'theme',
        'progress',
        'forecastCostCents',
        'finalCostCents',
        'fundingLines.0.amountRequestedCents',
        'fundingLines.0.state',
        'fundingLines.0.requestedOn',
        'role',
      ].sort(),
    );
    expect(errors['progress']).toBe('L’avancement est un nombre entier entre 0 et 100.');
    expect(errors['theme']).toMatch(/^Thème inconnu/);

    const missing = await create(collaborator, { summary: 'sans titre' });
    expect(missing.json<ApiError>().errors).toEqual({ title: 'Indiquez un titre.', theme: 'Choisissez un thème.', status: 'Choisissez un état.' });
    const dates = await create(collaborator, { title: 'Dates', theme: 'AUTRE', status: 'PLANNED', startDate: '2026-05-01', endDate: '2026-04-01' });
    expect(dates.json<ApiError>().errors).toEqual({ endDate: 'La date de fin doit être postérieure à la date de début.' });
    const outside = await create(collaborator, { title: 'Ailleurs', theme: 'AUTRE', status: 'PLANNED', location: { lat: 48.8566, lng: 2.3522, address: null } });
    expect(outside.json<ApiError>().errors?.['location']).toMatch(/dans la commune/);
  });

  it('detects a stale version: 409 with the current fiche, nothing overwritten', async () => {
    const project = (await create(collaborator, { title: 'Aire de jeux', theme: 'SPORT_LOISIRS', status: 'PLANNED' })).json<ProjectDto>();
    const first = await inject({ method: 'PATCH', url: `/api/projects/${project.id}`, headers: mayor.headers, payload: { version: 1, forecastCostCents: 4_000_000 } });
    expect(first.json<ProjectDto>().version).toBe(2);
    const stale = await inject({ method: 'PATCH', url: `/api/projects/${project.id}`, headers: collaborator.headers, payload: { version: 1, forecastCostCents: 3_000_000 } });
    expect(stale.statusCode).toBe(409);
    const conflict = stale.json<ProjectConflictError>();
    expect(conflict.code).toBe('PROJECT_VERSION_CONFLICT');
    expect(conflict.message).toMatch(/Vos saisies sont conservées/);
    expect(conflict.current).toMatchObject({ version: 2, forecastCostCents: 4_000_000 });

    const concurrent = await Promise.all([
      inject({ method: 'PATCH', url: `/api/projects/${project.id}`, headers: mayor.headers, payload: { version: 2, title: 'Aire de jeux (A)' } }),
      inject({ method: 'PATCH', url: `/api/projects/${project.id}`, headers: collaborator.headers, payload: { version: 2, title: 'Aire de jeux (B)' } }),
    ]);
    expect(concurrent.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('records every change in the history (who, when, which field, before → after)', async () => {
    const project = (await create(collaborator, { title: 'Citerne incendie', theme: 'SECURITE', status: 'PLANNED' })).json<ProjectDto>();
    await inject({ method: 'PATCH', url: `/api/projects/${project.id}`, headers: mayor.headers, payload: { version: 1, status: 'COMPLETED', finalCostCents: 2_345_67 } });
    // Same values again: no change, no new version, no history row.
    const same = await inject({ method: 'PATCH', url: `/api/projects/${project.id}`, headers: mayor.headers, payload: { version: 2, status: 'COMPLETED' } });
    expect(same.json<ProjectDto>().version).toBe(2);
    const history = (await inject({ method: 'GET', url: `/api/projects/${project.id}/history`, headers: agent.headers })).json<Page<ProjectHistoryEntryDto>>();
    expect(history.items.map((h) => h.action)).toEqual(['UPDATED', 'CREATED']);
    expect(history.items[0].actor).toMatch(/^Test MAYOR/);
    expect(history.items[0].changes).toEqual([
      { field: 'status', label: 'État', before: 'PLANNED', after: 'COMPLETED' },
      { field: 'progress', label: 'Avancement', before: 0, after: 100 },
      { field: 'finalCostCents', label: 'Coût final HT', before: null, after: 234_567 },
    ]);
  });

  it('lets only the mayor delete, softly: the project disappears, its history stays', async () => {
    const project = (await create(collaborator, { title: 'Projet abandonné', theme: 'AUTRE', status: 'ABANDONED' })).json<ProjectDto>();
    const refused = await inject({ method: 'DELETE', url: `/api/projects/${project.id}`, headers: collaborator.headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ApiError>().message).toBe('Seul le maire peut supprimer un projet.');
    expect((await inject({ method: 'DELETE', url: `/api/projects/${project.id}`, headers: mayor.headers })).statusCode).toBe(204);
    expect((await inject({ method: 'GET', url: `/api/projects/${project.id}`, headers: mayor.headers })).statusCode).toBe(404);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM project_history WHERE project_id = $1`, [project.id]);
    expect(count).toBe(2);
  });
});
