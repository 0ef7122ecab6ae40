import type {
  AnswerTemplateDto,
  ApiError,
  FilledTemplateDto,
  LabelDto,
  NotificationPageDto,
  Page,
  RoutingRuleDto,
  ThreadDto,
  ThreadSummaryDto,
} from '@passerelle/shared/dto';
import { DEFAULT_OFFICE_HOURS } from '@passerelle/shared/dto';
import { type Session, type TestUser, createTeam, createUser, signIn } from './factories';
import { type TestApp, startTestApp } from './test-app';

/**
 * The département's inbox settings and the agents' tools that the other specs reach only in part: renaming labels,
 * routing rules' checks, answer templates, assigning one thread, and the queue's filters. Written to pin the
 * behaviour while the threads feature moved its SQL into repositories (issue 13).
 */
describe('Inbox settings and triage', () => {
  let t: TestApp;
  let mayorUser: TestUser;
  let mayor: Session;
  let collaborator: Session;
  let admin: Session;
  let agentUser: TestUser;
  let agent: Session;
  let otherAgentUser: TestUser;
  let otherAgent: Session;
  let mayorName: string;

  beforeAll(async () => {
    t = await startTestApp('valDOise');
    const team = await createTeam(t.db, '95002', 1);
    mayorUser = team.mayor;
    mayor = await signIn(t.app, team.mayor);
    collaborator = await signIn(t.app, team.collaborators[0]);
    [{ display_name: mayorName }] = await t.db.query(`SELECT display_name FROM app_user WHERE id = $1`, [team.mayor.id]);
    admin = await signIn(t.app, await createUser(t.db, { role: 'ADMIN', totpExempt: true }));
    agentUser = await createUser(t.db, { role: 'AGENT', totpExempt: true });
    agent = await signIn(t.app, agentUser);
    otherAgentUser = await createUser(t.db, { role: 'AGENT', totpExempt: true });
    otherAgent = await signIn(t.app, otherAgentUser);
  });
  afterAll(() => t.close());

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => t.app.inject(options);
  const ask = async (subject: string, category = 'NEXT_STEPS') =>
    (
      await inject({
        method: 'POST',
        url: '/api/communes/95002/threads',
        headers: collaborator.headers,
        payload: { subject, category, body: `Question : ${subject}` },
      })
    ).json<ThreadDto>();
  const inbox = async (session: Session, query: string) =>
    (await inject({ method: 'GET', url: `/api/inbox?limit=100&${query}`, headers: session.headers })).json<Page<ThreadSummaryDto>>();

  it('reads the settings of the own département only', async () => {
    expect((await inject({ method: 'GET', url: '/api/departements/95/settings', headers: agent.headers })).json()).toEqual({
      code: '95',
      firstResponseDays: 5,
      officeHours: DEFAULT_OFFICE_HOURS,
    });
    expect((await inject({ method: 'GET', url: '/api/departements/45/settings', headers: admin.headers })).statusCode).toBe(404);
  });

  it('renames a label, refusing a name taken and an id that is not one of the département’s labels', async () => {
    const create = async (name: string) =>
      (await inject({ method: 'POST', url: '/api/departements/95/labels', headers: admin.headers, payload: { name, colour: '#1565c0' } })).json<LabelDto>();
    const voirie = await create('Voirie');
    await create('Ecoles');
    const rename = (id: string, name: string) =>
      inject({ method: 'PATCH', url: `/api/departements/95/labels/${id}`, headers: admin.headers, payload: { name, colour: '#2E7D32' } });

    const renamed = await rename(voirie.id, 'Routes');
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json<LabelDto>()).toEqual({ id: voirie.id, name: 'Routes', colour: '#2e7d32' });
    expect((await rename(voirie.id, 'ecoles')).statusCode).toBe(409);
    expect((await rename('00000000-0000-4000-8000-000000000000', 'Autre')).json<ApiError>().code).toBe('LABEL_NOT_FOUND');
    expect((await rename('pas-un-id', 'Autre')).statusCode).toBe(404);
    const labels = (await inject({ method: 'GET', url: '/api/departements/95/labels', headers: agent.headers })).json<LabelDto[]>();
    expect(labels.map((l) => l.name)).toEqual(['Ecoles', 'Routes']);
    expect((await inject({ method: 'DELETE', url: `/api/departements/95/labels/${voirie.id}`, headers: admin.headers })).statusCode).toBe(204);
    expect((await inject({ method: 'DELETE', url: `/api/departements/95/labels/${voirie.id}`, headers: admin.headers })).statusCode).toBe(404);
  });

  it('checks a routing rule’s canton and agent, lists rules with their names, and deletes them once', async () => {
    const [{ canton_code: canton }] = await t.db.query(`SELECT canton_code FROM commune WHERE insee = '95002'`);
    const create = (payload: object) => inject({ method: 'POST', url: '/api/departements/95/routing-rules', headers: admin.headers, payload });

    const empty = await create({ cantonCode: null, category: null, agentId: agentUser.id });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<ApiError>().errors).toEqual({ cantonCode: 'Choisissez un canton, une catégorie, ou les deux.' });
    const foreign = await create({ cantonCode: '4501', category: null, agentId: '00000000-0000-4000-8000-000000000000' });
    expect(foreign.json<ApiError>().errors).toEqual({
      cantonCode: 'Ce canton n’est pas dans le département.',
      agentId: 'Choisissez un agent actif du département.',
    });

    const rule = await create({ cantonCode: canton, category: null, agentId: otherAgentUser.id });
    expect(rule.statusCode).toBe(201);
    expect(rule.json<RoutingRuleDto>()).toMatchObject({ cantonCode: canton, category: null, agent: { id: otherAgentUser.id } });
    expect(rule.json<RoutingRuleDto>().cantonName).toEqual(expect.any(String));
    expect((await create({ cantonCode: canton, category: null, agentId: agentUser.id })).statusCode).toBe(409);

    // The canton's rule routes the commune's new question to its agent.
    const routed = await ask('Question du canton');
    expect((await inject({ method: 'GET', url: `/api/threads/${routed.id}`, headers: agent.headers })).json<ThreadDto>().staff?.assignee?.id).toBe(
      otherAgentUser.id,
    );

    const id = rule.json<RoutingRuleDto>().id;
    expect((await inject({ method: 'GET', url: '/api/departements/95/routing-rules', headers: admin.headers })).json<RoutingRuleDto[]>().map((r) => r.id)).toEqual([id]);
    expect((await inject({ method: 'DELETE', url: `/api/departements/95/routing-rules/${id}`, headers: admin.headers })).statusCode).toBe(204);
    expect((await inject({ method: 'DELETE', url: `/api/departements/95/routing-rules/${id}`, headers: admin.headers })).json<ApiError>().code).toBe(
      'ROUTING_RULE_NOT_FOUND',
    );
  });

  it('keeps answer templates by title and fills them in for a thread', async () => {
    const create = async (title: string, body: string) =>
      (await inject({ method: 'POST', url: '/api/departements/95/answer-templates', headers: agent.headers, payload: { title, body } })).json<AnswerTemplateDto>();
    const welcome = await create('Bonjour', 'Bonjour {{maire}}, merci pour la question de {{ commune }}.');
    const other = await create('Accusé de réception', 'Bien reçu.');

    const updated = await inject({
      method: 'PATCH',
      url: `/api/departements/95/answer-templates/${other.id}`,
      headers: agent.headers,
      payload: { title: 'Accusé', body: 'Bien reçu, {{commune}}.' },
    });
    expect(updated.json<AnswerTemplateDto>()).toMatchObject({ id: other.id, title: 'Accusé', body: 'Bien reçu, {{commune}}.' });
    const missing = await inject({
      method: 'PATCH',
      url: '/api/departements/95/answer-templates/00000000-0000-4000-8000-000000000000',
      headers: agent.headers,
      payload: { title: 'x', body: 'y' },
    });
    expect(missing.json<ApiError>().code).toBe('TEMPLATE_NOT_FOUND');
    const list = (await inject({ method: 'GET', url: '/api/departements/95/answer-templates', headers: agent.headers })).json<AnswerTemplateDto[]>();
    expect(list.map((r) => r.title)).toEqual(['Accusé', 'Bonjour']);

    const thread = await ask('Modèles');
    const filled = (await inject({ method: 'GET', url: `/api/threads/${thread.id}/answer-templates`, headers: agent.headers })).json<FilledTemplateDto[]>();
    expect(filled).toEqual([
      { id: other.id, title: 'Accusé', body: 'Bien reçu, Ableiges.' },
      { id: welcome.id, title: 'Bonjour', body: `Bonjour ${mayorName}, merci pour la question de Ableiges.` },
    ]);

    expect((await inject({ method: 'DELETE', url: `/api/departements/95/answer-templates/${welcome.id}`, headers: agent.headers })).statusCode).toBe(204);
    expect((await inject({ method: 'DELETE', url: `/api/departements/95/answer-templates/${welcome.id}`, headers: agent.headers })).statusCode).toBe(404);
  });

  it('assigns one thread: the assignee is told, unless they took it themselves, and only active agents qualify', async () => {
    const thread = await ask('À attribuer');
    const assign = (session: Session, assigneeId: string | null) =>
      inject({ method: 'PUT', url: `/api/threads/${thread.id}/assignee`, headers: session.headers, payload: { assigneeId } });

    expect((await assign(agent, mayorUser.id)).json<ApiError>().errors).toEqual({ assigneeId: 'Choisissez un agent actif du département.' });
    const given = await assign(agent, otherAgentUser.id);
    expect(given.json<ThreadDto>().staff?.assignee?.id).toBe(otherAgentUser.id);
    const told = (await inject({ method: 'GET', url: '/api/notifications?limit=100', headers: otherAgent.headers })).json<NotificationPageDto>();
    expect(told.items.find((n) => n.threadId === thread.id && n.kind === 'THREAD_ASSIGNED')?.title).toBe(
      'Question qui vous est attribuée : « À attribuer » (Ableiges)',
    );

    await assign(agent, agentUser.id);
    const self = (await inject({ method: 'GET', url: '/api/notifications?limit=100', headers: agent.headers })).json<NotificationPageDto>();
    expect(self.items.some((n) => n.threadId === thread.id && n.kind === 'THREAD_ASSIGNED')).toBe(false);
    expect((await assign(agent, null)).json<ThreadDto>().staff?.assignee).toBeNull();
  });

  it('filters the queue by canton, commune, category, state and scope, and sorts it by activity', async () => {
    const [{ canton_code: canton }] = await t.db.query(`SELECT canton_code FROM commune WHERE insee = '95002'`);
    const funding = await ask('Subvention du préau', 'FUNDING');
    const other = await ask('Autre question');
    const ids = (page: Page<ThreadSummaryDto>) => page.items.map((i) => i.id);

    expect(ids(await inbox(agent, `canton=${canton}&category=FUNDING`))).toEqual([funding.id]);
    expect(ids(await inbox(agent, 'commune=95002&category=FUNDING'))).toEqual([funding.id]);
    expect((await inbox(agent, 'commune=95625')).total).toBe(0);
    expect(ids(await inbox(agent, 'commune=95002&sort=activity')).slice(0, 2)).toEqual([other.id, funding.id]);
    await inject({ method: 'PUT', url: `/api/threads/${funding.id}/assignee`, headers: agent.headers, payload: { assigneeId: agentUser.id } });
    expect(ids(await inbox(agent, 'scope=mine'))).toContain(funding.id);
    expect(ids(await inbox(agent, 'scope=unassigned'))).not.toContain(funding.id);
    expect(ids(await inbox(agent, 'state=NEW'))).toContain(other.id);
    expect((await inbox(agent, 'state=CLOSED')).total).toBe(0);

    // Past the last page of a search: no item, and still the total.
    const past = await inbox(agent, 'q=préau&offset=50');
    expect(past).toMatchObject({ items: [], total: 1, offset: 50 });
    const commune = (await inject({ method: 'GET', url: '/api/communes/95002/threads?q=préau&offset=10', headers: mayor.headers })).json<Page<ThreadSummaryDto>>();
    expect(commune).toMatchObject({ items: [], total: 1 });
  });
});
