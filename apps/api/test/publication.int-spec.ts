import type {
  ApiError,
  NotificationPageDto,
  ProjectDto,
  PublicationAction,
  PublicationDto,
  PublicationPreviewDto,
  PublicationStalePreviewError,
  PublicationState,
} from '@passerelle/shared/dto';
import { PUBLICATION_ACTIONS, PUBLICATION_STATES, PUBLICATION_VERSION_PATTERN } from '@passerelle/shared/dto';
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
  const preview = async (session: Session, id: string) =>
    (await inject({ method: 'GET', url: `/api/projects/${id}/publication/preview`, headers: session.headers })).json<PublicationPreviewDto>();
  const publication = async (session: Session, id: string) =>
    (await inject({ method: 'GET', url: `/api/projects/${id}/publication`, headers: session.headers })).json<PublicationDto>();
  /** `approve` names the version previewed: unless the test gives one, the version as it is now (what a reviewer just read). */
  const act = async (session: Session, id: string, action: PublicationAction, extra: object = {}) => {
    const version = action === 'approve' && !('version' in extra) ? { version: (await preview(session, id)).version } : {};
    return inject({ method: 'POST', url: `/api/projects/${id}/publication`, headers: session.headers, payload: { action, ...version, ...extra } });
  };
  const edit = async (session: Session, id: string, fields: object) => {
    const { version } = (await inject({ method: 'GET', url: `/api/projects/${id}`, headers: session.headers })).json<ProjectDto>();
    const res = await inject({ method: 'PATCH', url: `/api/projects/${id}`, headers: session.headers, payload: { ...fields, version } });
    expect(res.statusCode).toBe(200);
    return res.json<ProjectDto>();
  };
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

  describe('integrity: what goes online is what the mayor consented to and the agent read', () => {
    it('sends the request back to the mayor when a collaborator edits the fiche during the review, and logs it', async () => {
      const project = await createProject({ title: 'Lavoir du Bas' });
      await act(collaborator, project.id, 'request', { choices: { documentIds: [], showFunding: false } });
      await act(mayor, project.id, 'consent');
      const read = await preview(agent, project.id);

      await edit(collaborator, project.id, { title: 'Lavoir du Bas et abreuvoir', lessons: { ...FICHE.lessons, advice: 'Prévoir 20 % d’aléas.' } });
      const back = await publication(mayor, project.id);
      expect(back).toMatchObject({ state: 'AWAITING_CONSENT', can: { consent: true } });
      expect(back.events[0]).toMatchObject({
        action: 'edit',
        fromState: 'AWAITING_REVIEW',
        toState: 'AWAITING_CONSENT',
        reason: 'Modifié : Titre, Enseignements.',
      });
      const inbox = (await inject({ method: 'GET', url: '/api/notifications', headers: mayor.headers })).json<NotificationPageDto>();
      expect(inbox.items[0]).toMatchObject({
        kind: 'PUBLICATION_TO_CONSENT',
        projectId: project.id,
        title: '« Lavoir du Bas et abreuvoir » a été modifié pendant sa relecture : votre accord est de nouveau demandé',
      });
      // The project left the review queue; the agent's approval of what was read fails, nothing goes online.
      const queue = (await inject({ method: 'GET', url: '/api/publication/queue?limit=100', headers: agent.headers })).json<{ items: { projectId: string }[] }>();
      expect(queue.items.map((i) => i.projectId)).not.toContain(project.id);
      const approved = await act(agent, project.id, 'approve', { version: read.version });
      expect([approved.statusCode, approved.json<ApiError>().code]).toEqual([409, 'PUBLICATION_TRANSITION_FORBIDDEN']);
      expect(await live(project.id)).toBeUndefined();

      // The mayor consents to the edited fiche; the agent reads it and approves exactly that.
      await act(mayor, project.id, 'consent');
      const reread = await preview(agent, project.id);
      expect(reread.version).not.toBe(read.version);
      expect((await act(agent, project.id, 'approve', { version: reread.version })).statusCode).toBe(200);
      expect((await live(project.id)).snapshot.title).toBe('Lavoir du Bas et abreuvoir');
    });

    it('keeps the consent when the mayor edits, or when only private fields change; the agent must read the new version', async () => {
      const project = await createProject({ title: 'Verger communal' });
      await act(mayor, project.id, 'request');
      const read = await preview(agent, project.id);

      await edit(collaborator, project.id, { evaluation: 'Bilan à faire en juin.', partners: 'Association des croqueurs de pommes' });
      expect((await publication(agent, project.id)).state).toBe('AWAITING_REVIEW');
      expect((await preview(agent, project.id)).version).toBe(read.version);

      await edit(mayor, project.id, { title: 'Verger communal conservatoire' });
      const after = await publication(agent, project.id);
      expect(after.state).toBe('AWAITING_REVIEW');
      expect(after.events.map((e) => e.action)).toEqual(['request']);

      const stale = await act(agent, project.id, 'approve', { version: read.version });
      expect(stale.statusCode).toBe(409);
      const body = stale.json<PublicationStalePreviewError>();
      expect(body).toMatchObject({ code: 'PUBLICATION_STALE_PREVIEW', current: { title: 'Verger communal conservatoire' } });
      expect(body.message).toMatch(/^La fiche a changé depuis votre lecture/);
      expect(body.current.version).toMatch(PUBLICATION_VERSION_PATTERN);
      expect(body.current.version).not.toBe(read.version);
      expect(await live(project.id)).toBeUndefined();
      expect((await publication(agent, project.id)).state).toBe('AWAITING_REVIEW');

      expect((await act(agent, project.id, 'approve', { version: body.current.version })).statusCode).toBe(200);
      expect((await live(project.id)).snapshot.title).toBe('Verger communal conservatoire');
    });

    it('keeps a published fiche online, unchanged, while its edited version goes back to the mayor', async () => {
      const project = await createProject({ title: 'Salle des fêtes' });
      await act(mayor, project.id, 'request');
      await act(agent, project.id, 'approve');
      await edit(collaborator, project.id, { summary: 'Isolation et chauffage refaits.' });
      expect(await publication(mayor, project.id)).toMatchObject({ state: 'PUBLISHED', pendingChanges: true });
      await act(mayor, project.id, 'request');
      await edit(collaborator, project.id, { summary: 'Isolation, chauffage et éclairage refaits.' });
      expect(await publication(mayor, project.id)).toMatchObject({ state: 'AWAITING_CONSENT', pendingChanges: true, slug: 'salle-des-fetes-ableiges' });
      expect((await live(project.id)).snapshot.summary).toBe(FICHE.summary);
    });

    it('refuses an approval without the version read, and a consent given on a version that is no longer the fiche', async () => {
      const project = await createProject({ title: 'Columbarium' });
      await act(collaborator, project.id, 'request');
      const seen = (await publication(mayor, project.id)).previewVersion;
      expect(seen).toBe((await preview(mayor, project.id)).version);
      await edit(collaborator, project.id, { title: 'Columbarium et jardin du souvenir' });
      const consent = await act(mayor, project.id, 'consent', { version: seen });
      expect([consent.statusCode, consent.json<ApiError>().code]).toEqual([409, 'PUBLICATION_STALE_PREVIEW']);
      expect((await publication(mayor, project.id)).state).toBe('AWAITING_CONSENT');
      expect((await act(mayor, project.id, 'consent', { version: (await publication(mayor, project.id)).previewVersion })).statusCode).toBe(200);

      const missing = await inject({ method: 'POST', url: `/api/projects/${project.id}/publication`, headers: agent.headers, payload: { action: 'approve' } });
      expect(missing.statusCode).toBe(400);
      expect(Object.keys(missing.json<ApiError>().errors ?? {})).toEqual(['version']);
      expect((await act(agent, project.id, 'approve', { version: 'f'.repeat(64) })).json<ApiError>().code).toBe('PUBLICATION_STALE_PREVIEW');
      expect((await publication(agent, project.id)).state).toBe('AWAITING_REVIEW');
    });

    it('never lets an agent change what the commune chose to show', async () => {
      const project = await createProject({ title: 'Lagunage' });
      await act(mayor, project.id, 'request', { choices: { documentIds: [], showFunding: false } });
      const { version } = await preview(agent, project.id);
      for (const [action, extra] of [
        ['approve', { version }],
        ['reject', { reason: 'Motif.' }],
      ] as const) {
        const res = await act(agent, project.id, action, { ...extra, choices: { documentIds: [], showFunding: true } });
        expect([action, res.statusCode, res.json<ApiError>().errors]).toEqual([action, 400, { choices: 'Ce champ n’est pas accepté.' }]);
      }
      expect(await publication(mayor, project.id)).toMatchObject({ state: 'AWAITING_REVIEW', choices: { showFunding: false } });
      expect((await act(agent, project.id, 'approve', { version })).statusCode).toBe(200);
      expect((await live(project.id)).snapshot.funding).toBeNull();
    });

    /**
     * Runs two requests on one project in a known order: the row is locked by the test, `first` starts and waits on it,
     * then `second` starts and waits behind it; the lock is released and PostgreSQL serves them in that order.
     */
    async function inOrder<A, B>(projectId: string, first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
      const waiting = async (n: number) => {
        for (let i = 0; i < 200; i++) {
          const [{ count }] = await t.db.query(
            `SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          if (count >= n) {
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        throw new Error(`${n} requests never waited on the lock`);
      };
      const blocker = t.db.createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      try {
        await blocker.query(`SELECT 1 FROM project WHERE id = $1 FOR UPDATE`, [projectId]);
        const a = first();
        await waiting(1);
        const b = second();
        await waiting(2);
        await blocker.commitTransaction();
        return await Promise.all([a, b]);
      } finally {
        if (blocker.isTransactionActive) {
          await blocker.rollbackTransaction();
        }
        await blocker.release();
      }
    }

    it('refuses an approval that waited behind a collaborator’s edit: nothing the mayor did not see goes online', async () => {
      const project = await createProject({ title: 'Mairie-école' });
      await act(collaborator, project.id, 'request');
      await act(mayor, project.id, 'consent');
      const { version } = await preview(agent, project.id);
      const [, approved] = await inOrder(
        project.id,
        () => edit(collaborator, project.id, { title: 'Mairie-école rénovée' }),
        () => act(agent, project.id, 'approve', { version }),
      );
      expect([approved.statusCode, approved.json<ApiError>().code]).toEqual([409, 'PUBLICATION_TRANSITION_FORBIDDEN']);
      expect(await live(project.id)).toBeUndefined();
      expect((await publication(mayor, project.id)).state).toBe('AWAITING_CONSENT');
    });

    it('refuses an approval that waited behind the mayor’s edit, with the new preview', async () => {
      const project = await createProject({ title: 'Four à pain' });
      await act(mayor, project.id, 'request');
      const { version } = await preview(agent, project.id);
      const [, approved] = await inOrder(
        project.id,
        () => edit(mayor, project.id, { title: 'Four à pain communal' }),
        () => act(agent, project.id, 'approve', { version }),
      );
      expect(approved.statusCode).toBe(409);
      expect(approved.json<PublicationStalePreviewError>().current.title).toBe('Four à pain communal');
      expect(await live(project.id)).toBeUndefined();
    });

    it('publishes the version read when the approval comes first; the edit then waits for a new review', async () => {
      const project = await createProject({ title: 'Calvaire' });
      await act(collaborator, project.id, 'request');
      await act(mayor, project.id, 'consent');
      const { version } = await preview(agent, project.id);
      const [approved] = await inOrder(
        project.id,
        () => act(agent, project.id, 'approve', { version }),
        () => edit(collaborator, project.id, { title: 'Calvaire restauré' }),
      );
      expect(approved.statusCode).toBe(200);
      expect((await live(project.id)).snapshot.title).toBe('Calvaire');
      expect(await publication(mayor, project.id)).toMatchObject({ state: 'PUBLISHED', pendingChanges: true });
    });
  });
});
