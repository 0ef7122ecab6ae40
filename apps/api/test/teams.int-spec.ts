import type { AgentDto, ApiError, InvitationDto, MemberDto, Page, TeamDto, WorkspaceSummaryDto } from '@passerelle/shared/dto';
import { TerritoryImportService } from '../src/territory/import/territory-import.service';
import { PASSWORD, createTeam, createUser, lastMailTo, signIn, tokenFromMail } from './factories';
import { type TestApp, startTestApp } from './test-app';

describe('Commune workspaces, invitations and the seat rule', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('valDOise');
  });
  afterAll(() => t.close());

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => t.app.inject(options);
  const invite = (headers: Record<string, string>, insee: string, email: string, role = 'COLLABORATOR') =>
    inject({ method: 'POST', url: `/api/communes/${insee}/invitations`, headers, payload: { email, role } });

  it('lets the mayor invite a collaborator, who accepts from the mailed link, signs in and sees the team', async () => {
    const { mayor } = await createTeam(t.db, '95002');
    const session = await signIn(t.app, mayor);
    const created = await invite(session.headers, '95002', 'Nouvelle.Recrue@Ableiges.example');
    expect(created.statusCode).toBe(201);
    expect(created.json<MemberDto>()).toMatchObject({ status: 'PENDING', email: 'nouvelle.recrue@ableiges.example', role: 'COLLABORATOR' });

    const mail = await lastMailTo(t.app, 'nouvelle.recrue@ableiges.example');
    expect(mail.subject).toBe('Invitation à rejoindre Passerelle');
    expect(mail.text).toMatch(/collaborateur de la commune d’Ableiges/);
    const token = tokenFromMail(mail, 'invitation');
    const [stored] = await t.db.query(`SELECT token_hash, round(extract(epoch FROM expires_at - created_at) / 86400)::int AS days FROM invitation WHERE email = $1`, ['nouvelle.recrue@ableiges.example']);
    expect(stored).toMatchObject({ days: 7 });
    expect(stored.token_hash).not.toBe(token);

    const described = await inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(described.json<InvitationDto>()).toMatchObject({ email: 'nouvelle.recrue@ableiges.example', role: 'COLLABORATOR', commune: { insee: '95002', name: 'Ableiges' } });

    const weak = await inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { displayName: 'Nouvelle Recrue', password: 'azerty123456' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<ApiError>().errors?.['password']).toMatch(/trop facile à deviner/);
    const accepted = await inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { displayName: 'Nouvelle Recrue', password: PASSWORD } });
    expect(accepted.statusCode).toBe(204);
    const reused = await inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { displayName: 'Autre', password: PASSWORD } });
    expect(reused.statusCode).toBe(404);
    expect(reused.json<ApiError>().code).toBe('INVITATION_INVALID');

    const collaborator = await signIn(t.app, { email: 'nouvelle.recrue@ableiges.example', password: PASSWORD });
    const team = (await inject({ method: 'GET', url: '/api/communes/95002/members', headers: collaborator.headers })).json<TeamDto>();
    expect(team.seats).toEqual({ total: 4, used: 2, free: 2 });
    expect(team.items.map((m) => [m.role, m.status])).toEqual([
      ['MAYOR', 'ACTIVE'],
      ['COLLABORATOR', 'ACTIVE'],
    ]);
  });

  it('gives exactly the free seats to 10 simultaneous invitations, pending invitations included', async () => {
    const { mayor } = await createTeam(t.db, '95625', 2);
    const session = await signIn(t.app, mayor);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => invite(session.headers, '95625', `course-${i}@us.example`)),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const refused = answers.find((a) => a.statusCode === 409)?.json<ApiError>();
    expect(refused).toMatchObject({ code: 'NO_FREE_SEAT', message: expect.stringMatching(/^Les 4 places de l’espace sont occupées/) });
    const team = (await inject({ method: 'GET', url: '/api/communes/95625/members', headers: session.headers })).json<TeamDto>();
    expect(team.seats).toEqual({ total: 4, used: 4, free: 0 });
  });

  it('fills three collaborator seats from an empty team under concurrency, never more', async () => {
    const { mayor } = await createTeam(t.db, '95651');
    const session = await signIn(t.app, mayor);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => invite(session.headers, '95651', `vague-${i}@vetheuil.example`)));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(7);
    // Cancelling a pending invitation frees its seat.
    const pending = answers.find((a) => a.statusCode === 201)?.json<MemberDto>();
    expect((await inject({ method: 'DELETE', url: `/api/communes/95651/invitations/${pending?.id}`, headers: session.headers })).statusCode).toBe(204);
    expect((await invite(session.headers, '95651', 'remplacante@vetheuil.example')).statusCode).toBe(201);
  });

  it('refuses mayor-only actions to a collaborator (403), and hides other communes (404)', async () => {
    const { mayor, collaborators } = await createTeam(t.db, '95150', 1);
    const collaborator = await signIn(t.app, collaborators[0]);
    const forbidden = await invite(collaborator.headers, '95150', 'ami@chaussy.example');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json<ApiError>().message).toMatch(/Seul le maire/);
    const removal = await inject({ method: 'DELETE', url: `/api/communes/95150/members/${collaborators[0].id}`, headers: collaborator.headers });
    expect(removal.statusCode).toBe(403);

    const otherMayor = await signIn(t.app, (await createTeam(t.db, '95610')).mayor);
    const hidden = await inject({ method: 'GET', url: '/api/communes/95150/members', headers: otherMayor.headers });
    const missing = await inject({ method: 'GET', url: '/api/communes/95999/members', headers: otherMayor.headers });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json<ApiError>()).toMatchObject({ code: 'COMMUNE_NOT_FOUND' });
    expect({ ...hidden.json<ApiError>(), requestId: '' }).toEqual({ ...missing.json<ApiError>(), requestId: '' });
    expect((await invite(otherMayor.headers, '95150', 'intrus@example.example')).statusCode).toBe(404);
    expect((await inject({ method: 'DELETE', url: `/api/communes/95150/members/${mayor.id}`, headers: otherMayor.headers })).statusCode).toBe(404);
  });

  it('refuses an address that already has an account or a pending invitation', async () => {
    const { mayor, collaborators } = await createTeam(t.db, '95584', 1);
    const session = await signIn(t.app, mayor);
    const member = await invite(session.headers, '95584', collaborators[0].email);
    expect(member.json<ApiError>().code).toBe('ALREADY_MEMBER');
    expect((await invite(session.headers, '95584', 'deux-fois@santeuil.example')).statusCode).toBe(201);
    expect((await invite(session.headers, '95584', 'deux-fois@santeuil.example')).json<ApiError>().code).toBe('ALREADY_INVITED');
  });

  it('removing a collaborator ends their sessions at once and frees the seat', async () => {
    const { mayor, collaborators } = await createTeam(t.db, '95446', 3);
    const mayorSession = await signIn(t.app, mayor);
    const leaving = await signIn(t.app, collaborators[0]);
    expect((await invite(mayorSession.headers, '95446', 'suivant@nesles.example')).statusCode).toBe(409);
    const removed = await inject({ method: 'DELETE', url: `/api/communes/95446/members/${collaborators[0].id}`, headers: mayorSession.headers });
    expect(removed.statusCode).toBe(204);
    expect((await inject({ method: 'GET', url: '/api/me', headers: leaving.headers })).statusCode).toBe(401);
    expect((await inject({ method: 'POST', url: '/api/auth/refresh', cookies: { passerelle_refresh: leaving.refreshCookie } })).statusCode).toBe(401);
    expect((await invite(mayorSession.headers, '95446', 'suivant@nesles.example')).statusCode).toBe(201);
    // The mayor cannot remove themself (only an admin replaces a mayor).
    expect((await inject({ method: 'DELETE', url: `/api/communes/95446/members/${mayor.id}`, headers: mayorSession.headers })).statusCode).toBe(403);
    const [event] = await t.db.query(`SELECT actor_id, target_id FROM audit_event WHERE action = 'MEMBER_REMOVED' AND target_id = $1`, [collaborators[0].id]);
    expect(event).toEqual({ actor_id: mayor.id, target_id: collaborators[0].id });
  });

  describe('the département’s admin', () => {
    let admin: Awaited<ReturnType<typeof signIn>>;
    let agent: Awaited<ReturnType<typeof signIn>>;

    beforeAll(async () => {
      admin = await signIn(t.app, await createUser(t.db, { role: 'ADMIN', totpExempt: true }));
      agent = await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true }));
    });

    it('opens the workspace of a small commune by inviting its mayor; not of a large one; not twice', async () => {
      const large = await inject({ method: 'POST', url: '/api/communes/95127/workspace', headers: admin.headers, payload: { mayorEmail: 'maire@cergy.example' } });
      expect(large.statusCode).toBe(409);
      expect(large.json<ApiError>().code).toBe('COMMUNE_NOT_ELIGIBLE');
      const opened = await inject({ method: 'POST', url: '/api/communes/95462/workspace', headers: admin.headers, payload: { mayorEmail: 'maire@omerville.example' } });
      expect(opened.statusCode).toBe(201);
      expect(opened.json<TeamDto>()).toMatchObject({ commune: { name: 'Omerville' }, seats: { used: 1, free: 3 } });
      expect((await lastMailTo(t.app, 'maire@omerville.example')).text).toMatch(/maire de la commune d’Omerville/);
      const twice = await inject({ method: 'POST', url: '/api/communes/95462/workspace', headers: admin.headers, payload: { mayorEmail: 'autre@omerville.example' } });
      expect(twice.json<ApiError>().code).toBe('WORKSPACE_ALREADY_OPEN');
      expect((await inject({ method: 'POST', url: '/api/communes/95462/workspace', headers: agent.headers, payload: { mayorEmail: 'x@y.example' } })).statusCode).toBe(403);

      const list = await inject({ method: 'GET', url: '/api/departements/95/workspaces?state=OPEN&limit=100', headers: agent.headers });
      const omerville = list.json<Page<WorkspaceSummaryDto>>().items.find((w) => w.insee === '95462');
      expect(omerville).toMatchObject({ state: 'OPEN', seatsUsed: 1, mayor: { email: 'maire@omerville.example', status: 'PENDING' } });
    });

    it('replaces a mayor after elections: the former one loses access at once', async () => {
      const { mayor } = await createTeam(t.db, '95024');
      const former = await signIn(t.app, mayor);
      const res = await inject({ method: 'POST', url: '/api/communes/95024/mayor', headers: admin.headers, payload: { email: 'nouveau-maire@arthies.example' } });
      expect(res.statusCode).toBe(201);
      expect(res.json<TeamDto>().items).toEqual([expect.objectContaining({ role: 'MAYOR', status: 'PENDING', email: 'nouveau-maire@arthies.example' })]);
      expect((await inject({ method: 'GET', url: '/api/me', headers: former.headers })).statusCode).toBe(401);
      const token = tokenFromMail(await lastMailTo(t.app, 'nouveau-maire@arthies.example'), 'invitation');
      expect((await inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { displayName: 'Nouveau Maire', password: PASSWORD } })).statusCode).toBe(204);
      const newMayor = await signIn(t.app, { email: 'nouveau-maire@arthies.example', password: PASSWORD });
      expect((await invite(newMayor.headers, '95024', 'collab@arthies.example')).statusCode).toBe(201);
    });

    it('manages the agents; an agent sees the list (to assign questions) but cannot change it', async () => {
      const invited = await inject({ method: 'POST', url: '/api/departements/95/agents', headers: admin.headers, payload: { email: 'nouvel.agent@valdoise.example', role: 'AGENT' } });
      expect(invited.statusCode).toBe(201);
      const token = tokenFromMail(await lastMailTo(t.app, 'nouvel.agent@valdoise.example'), 'invitation');
      await inject({ method: 'POST', url: `/api/invitations/${token}/accept`, payload: { displayName: 'Nouvel Agent', password: PASSWORD } });
      const staff = (await inject({ method: 'GET', url: '/api/departements/95/agents?limit=100', headers: admin.headers })).json<Page<AgentDto>>();
      const newcomer = staff.items.find((a) => a.email === 'nouvel.agent@valdoise.example');
      expect(newcomer).toMatchObject({ role: 'AGENT', status: 'ACTIVE', totpEnabled: false });
      expect((await inject({ method: 'GET', url: '/api/departements/95/agents', headers: agent.headers })).statusCode).toBe(200);
      expect(
        (await inject({ method: 'POST', url: '/api/departements/95/agents', headers: agent.headers, payload: { email: 'autre@valdoise.example', role: 'AGENT' } }))
          .statusCode,
      ).toBe(403);
      expect((await inject({ method: 'DELETE', url: `/api/departements/95/agents/${newcomer?.id}`, headers: agent.headers })).statusCode).toBe(403);
      expect((await inject({ method: 'DELETE', url: `/api/departements/95/agents/${newcomer?.id}`, headers: admin.headers })).statusCode).toBe(204);
      const login = await inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nouvel.agent@valdoise.example', password: PASSWORD } });
      expect(login.statusCode).toBe(401);
    });

    it('sees only the communes and agents of its own département', async () => {
      await t.app.get(TerritoryImportService).importDepartement('45');
      const loiretAdmin = await signIn(t.app, await createUser(t.db, { role: 'ADMIN', departementCode: '45', totpExempt: true }));
      expect((await inject({ method: 'GET', url: '/api/communes/95002/members', headers: loiretAdmin.headers })).statusCode).toBe(404);
      expect((await inject({ method: 'GET', url: '/api/departements/95/workspaces', headers: loiretAdmin.headers })).statusCode).toBe(404);
      expect((await inject({ method: 'GET', url: '/api/departements/95/agents', headers: loiretAdmin.headers })).statusCode).toBe(404);
      const own = await inject({ method: 'GET', url: '/api/departements/45/workspaces?limit=5', headers: loiretAdmin.headers });
      expect(own.json<Page<WorkspaceSummaryDto>>().total).toBe(325);
    });
  });
});
