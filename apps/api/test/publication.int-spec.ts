import type { ApiError, NotificationPageDto, ProjectDto, PublicationAction, PublicationDto, PublicationState } from '@passerelle/shared/dto';
import { PUBLICATION_ACTIONS, PUBLICATION_STATES } from '@passerelle/shared/dto';
import { type Session, type TestUser, createTeam, createUser, signIn } from './factories';
import { type TestApp, startTestApp } from './test-app';

const FICHE = {
  title: 'Rénovation du lavoir',
  summary: 'Toiture et bassins refaits.',
  theme: 'CULTURE_PATRIMOINE',
  status: 'COMPLETED',
  finalCostCents: 2_180_000,
  fundingLines: [
    { funder: 'DEPARTEMENT', funderName: null, scheme: 'Patrimoine rural', amountRequestedCents: 900_000, amountObtainedCents: 872_000, state: 'PAID', requestedOn: null, decidedOn: null },
    { funder: 'REGION', funderName: null, scheme: 'Petit patrimoine', amountRequestedCents: 400_000, amountObtainedCents: null, state: 'REFUSED', requestedOn: null, decidedOn: null },
  ],
  lessons: { problems: 'Charpente plus abîmée que prévu.', differently: 'Diagnostic avant devis.', advice: 'Prévoir 15 % d’aléas.' },
};

describe('Publication of completed projects', () => {
  let t: TestApp;
  let mayorUser: TestUser;
  let mayor: Session;
  let collaborator: Session;
  let agent: Session;
  let otherMayor: Session;

  beforeAll(async () => {
    t = await startTestApp('valDOise');
    const team = await createTeam(t.db, '95002', 1);
    mayorUser = team.mayor;
    mayor = await signIn(t.app, team.mayor);
    collaborator = await signIn(t.app, team.collaborators[0]);
    agent = await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true }));
    otherMayor = await signIn(t.app, (await createTeam(t.db, '95625')).mayor);
  });
  afterAll(() => t.close());

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => t.app.inject(options);
  const createProject = async (fields: object = {}) =>
    (await inject({ method: 'POST', url: '/api/communes/95002/projects', headers: collaborator.headers, payload: { ...FICHE, ...fields } })).json<ProjectDto>();
  const act = (session: Session, id: string, action: PublicationAction, extra: object = {}) =>
    inject({ method: 'POST', url: `/api/projects/${id}/publication`, headers: session.headers, payload: { action, ...extra } });
  const live = async (id: string) => (await t.db.query(`SELECT slug, snapshot, project_version FROM project_publication WHERE project_id = $1`, [id]))[0];

  it('goes through the whole workflow: asked, consented, reviewed, published, withdrawn', async () => {
    const project = await createProject();
    const asked = await act(collaborator, project.id, 'request', { choices: { documentIds: [], showFunding: true } });
    expect(asked.statusCode).toBe(200);
    expect(asked.json<PublicationDto>()).toMatchObject({ state: 'AWAITING_CONSENT', can: { consent: false, request: false } });
    expect((await act(collaborator, project.id, 'consent')).json<ApiError>().code).toBe('PUBLICATION_MAYOR_ONLY');
    expect((await act(mayor, project.id, 'consent')).json<PublicationDto>().state).toBe('AWAITING_REVIEW');
    expect(await live(project.id)).toBeUndefined();

    const approved = (await act(agent, project.id, 'approve')).json<PublicationDto>();
    expect(approved).toMatchObject({ state: 'PUBLISHED', slug: 'renovation-du-lavoir-ableiges', pendingChanges: false });
    const { snapshot } = await live(project.id);
    expect(snapshot).toMatchObject({ title: 'Rénovation du lavoir', commune: { insee: '95002', name: 'Ableiges' }, finalCostCents: 2_180_000 });
    // Public money obtained only: the refused request and the amounts asked for stay private.
    expect(snapshot.funding).toEqual([{ funder: 'DEPARTEMENT', funderName: null, scheme: 'Patrimoine rural', amountObtainedCents: 872_000 }]);
    const [mayorRow] = await t.db.query(`SELECT display_name FROM app_user WHERE id = $1`, [mayorUser.id]);
    expect(JSON.stringify(snapshot)).not.toContain(mayorRow.display_name);
    expect(JSON.stringify(snapshot)).not.toContain('@');

    expect(approved.events.map((e) => [e.action, e.fromState, e.toState])).toEqual([
      ['approve', 'AWAITING_REVIEW', 'PUBLISHED'],
      ['consent', 'AWAITING_CONSENT', 'AWAITING_REVIEW'],
      ['request', 'PRIVATE', 'AWAITING_CONSENT'],
    ]);

    const withdrawn = await act(mayor, project.id, 'withdraw', { reason: 'Travaux de reprise à venir.' });
    expect(withdrawn.json<PublicationDto>()).toMatchObject({ state: 'PRIVATE', slug: null });
    expect(await live(project.id)).toBeUndefined();
  });

  it('lets a mayor’s request consent at once, and notifies the right people at each step', async () => {
    const project = await createProject({ title: 'Aire de jeux' });
    expect((await act(mayor, project.id, 'request')).json<PublicationDto>().state).toBe('AWAITING_REVIEW');
    const agentInbox = (await inject({ method: 'GET', url: '/api/notifications', headers: agent.headers })).json<NotificationPageDto>();
    expect(agentInbox.items[0]).toMatchObject({ kind: 'PUBLICATION_TO_REVIEW', projectId: project.id, link: `/departement/projets/${project.id}` });

    const other = await createProject({ title: 'Préau' });
    await act(collaborator, other.id, 'request');
    const mayorInbox = (await inject({ method: 'GET', url: '/api/notifications', headers: mayor.headers })).json<NotificationPageDto>();
    expect(mayorInbox.items[0]).toMatchObject({ kind: 'PUBLICATION_TO_CONSENT', link: `/espace/projets/${other.id}` });

    await act(agent, project.id, 'approve');
    const collaboratorInbox = (await inject({ method: 'GET', url: '/api/notifications', headers: collaborator.headers })).json<NotificationPageDto>();
    expect(collaboratorInbox.items[0]).toMatchObject({ kind: 'PUBLICATION_DECIDED', title: '« Aire de jeux » est publié' });
  });

  it('publishes completed projects only', async () => {
    const project = await createProject({ status: 'IN_PROGRESS' });
    const res = await act(mayor, project.id, 'request');
    expect([res.statusCode, res.json<ApiError>().code]).toEqual([409, 'PUBLICATION_NOT_COMPLETED']);
  });

  it('needs a reason to reject, and tells the commune', async () => {
    const project = await createProject({ title: 'Citerne incendie' });
    await act(mayor, project.id, 'request');
    expect((await act(agent, project.id, 'reject')).statusCode).toBe(400);
    const rejected = (await act(agent, project.id, 'reject', { reason: 'Ajoutez une photo et le coût final.' })).json<PublicationDto>();
    expect(rejected).toMatchObject({ state: 'PRIVATE', rejectionReason: 'Ajoutez une photo et le coût final.' });
    expect(rejected.events[0]).toMatchObject({ action: 'reject', reason: 'Ajoutez une photo et le coût final.' });
    const inbox = (await inject({ method: 'GET', url: '/api/notifications', headers: collaborator.headers })).json<NotificationPageDto>();
    expect(inbox.items[0]).toMatchObject({ kind: 'PUBLICATION_DECIDED', excerpt: 'Ajoutez une photo et le coût final.' });
  });

  it('keeps the reviewed snapshot online when the fiche is edited, until a new review approves the changes', async () => {
    const project = await createProject({ title: 'Mare pédagogique' });
    await act(mayor, project.id, 'request');
    await act(agent, project.id, 'approve');
    const edited = await inject({
      method: 'PATCH',
      url: `/api/projects/${project.id}`,
      headers: collaborator.headers,
      payload: { title: 'Mare pédagogique et verger', version: project.version },
    });
    expect(edited.statusCode).toBe(200);
    expect((await live(project.id)).snapshot.title).toBe('Mare pédagogique');
    const pending = (await inject({ method: 'GET', url: `/api/projects/${project.id}/publication`, headers: mayor.headers })).json<PublicationDto>();
    expect(pending).toMatchObject({ state: 'PUBLISHED', pendingChanges: true, can: { request: true } });

    await act(mayor, project.id, 'request');
    // Rejecting the new version leaves the reviewed one online.
    expect((await act(agent, project.id, 'reject', { reason: 'Le verger n’est pas planté.' })).json<PublicationDto>().state).toBe('PUBLISHED');
    expect((await live(project.id)).snapshot.title).toBe('Mare pédagogique');
    await act(mayor, project.id, 'request');
    await act(agent, project.id, 'approve');
    const after = await live(project.id);
    expect([after.snapshot.title, after.slug]).toEqual(['Mare pédagogique et verger', 'mare-pedagogique-ableiges']);
    expect((await act(mayor, project.id, 'request')).json<ApiError>().code).toBe('PUBLICATION_NOTHING_TO_REVIEW');
  });

  it('allows each action only to its role and from its states; others get 403, 409 or 404', async () => {
    const sessions = { mayor, collaborator, agent } as const;
    const allowed: Record<keyof typeof sessions, string[]> = {
      mayor: ['PRIVATE:request', 'PUBLISHED:request', 'AWAITING_CONSENT:consent', 'AWAITING_CONSENT:withdraw', 'AWAITING_REVIEW:withdraw', 'PUBLISHED:withdraw'],
      collaborator: ['PRIVATE:request', 'PUBLISHED:request'],
      agent: ['AWAITING_REVIEW:approve', 'AWAITING_REVIEW:reject'],
    };
    const project = await createProject({ title: 'Table d’orientation' });
    for (const [name, session] of Object.entries(sessions) as [keyof typeof sessions, Session][]) {
      for (const state of PUBLICATION_STATES as readonly PublicationState[]) {
        for (const action of PUBLICATION_ACTIONS) {
          // A published project with changes to review, or a state set directly.
          await t.db.query(`DELETE FROM project_publication WHERE project_id = $1`, [project.id]);
          await t.db.query(`UPDATE project SET publication_state = $2 WHERE id = $1`, [project.id, state]);
          if (state === 'PUBLISHED') {
            await t.db.query(
              `INSERT INTO project_publication (project_id, slug, departement_code, commune_insee, theme, status, snapshot, project_version, published_at, reviewed_at)
               VALUES ($1, 'table-test', '95', '95002', 'AUTRE', 'COMPLETED', '{}', 0, now(), now())`,
              [project.id],
            );
          }
          const res = await act(session, project.id, action, { reason: 'Motif.' });
          const key = `${state}:${action}`;
          const ok = allowed[name].includes(key);
          expect([name, key, res.statusCode]).toEqual([name, key, ok ? 200 : expect.any(Number)]);
          if (!ok) {
            expect([name, key, [403, 409].includes(res.statusCode)]).toEqual([name, key, true]);
          }
        }
      }
    }
    const outsider = await act(otherMayor, project.id, 'request');
    expect(outsider.statusCode).toBe(404);
  });

  it('is atomic: when the snapshot cannot be written, nothing changes', async () => {
    const project = await createProject({ title: 'Pont de la Viosne' });
    await act(mayor, project.id, 'request');
    await t.db.query(`
      CREATE FUNCTION refuse_publication() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
    await t.db.query(`CREATE TRIGGER refuse_publication BEFORE INSERT ON project_publication FOR EACH ROW EXECUTE FUNCTION refuse_publication()`);
    try {
      expect((await act(agent, project.id, 'approve')).statusCode).toBe(500);
    } finally {
      await t.db.query(`DROP TRIGGER refuse_publication ON project_publication`);
      await t.db.query(`DROP FUNCTION refuse_publication()`);
    }
    const state = (await inject({ method: 'GET', url: `/api/projects/${project.id}/publication`, headers: agent.headers })).json<PublicationDto>();
    expect(state).toMatchObject({ state: 'AWAITING_REVIEW', slug: null });
    expect(state.events.map((e) => e.action)).toEqual(['request']);
    expect(await live(project.id)).toBeUndefined();
    expect((await act(agent, project.id, 'approve')).json<PublicationDto>().state).toBe('PUBLISHED');
  });

  it('leaves the public portal when the project is deleted', async () => {
    const project = await createProject({ title: 'Abri de bus' });
    await act(mayor, project.id, 'request');
    await act(agent, project.id, 'approve');
    expect(await live(project.id)).toBeDefined();
    expect((await inject({ method: 'DELETE', url: `/api/projects/${project.id}`, headers: mayor.headers })).statusCode).toBe(204);
    expect(await live(project.id)).toBeUndefined();
  });
});
