import type {
  ApiError,
  CommuneFileDto,
  DevMailDto,
  LabelDto,
  NotificationPageDto,
  NotificationPreferenceDto,
  Page,
  RoutingRuleDto,
  ThreadDto,
  ThreadSummaryDto,
} from '@passerelle/shared/dto';
import { DEFAULT_OFFICE_HOURS } from '@passerelle/shared/dto';
import { Clock } from '../src/common/clock/clock';
import { MailDispatcher } from '../src/mail/mail-dispatcher';
import { NotificationMailer } from '../src/notifications/notification-mailer';
import { parisMidnight } from '../src/common/calendar/working-calendar';
import { type Session, type TestUser, createTeam, createUser, signIn } from './factories';
import { type TestApp, startTestApp } from './test-app';

function paris(day: string, time = '00:00'): Date {
  const [h, m] = time.split(':').map(Number);
  return new Date(parisMidnight(day) + (h * 60 + m) * 60_000);
}

describe('Notifications, routing and the agents’ tools', () => {
  let t: TestApp;
  let mayorUser: TestUser;
  let collaboratorUser: TestUser;
  let mayor: Session;
  let collaborator: Session;
  let admin: Session;
  let agentUser: TestUser;
  let agent: Session;
  let fundingAgentUser: TestUser;
  let fundingAgent: Session;
  let mailer: NotificationMailer;

  beforeAll(async () => {
    t = await startTestApp('valDOise');
    const team = await createTeam(t.db, '95651', 1);
    mayorUser = team.mayor;
    collaboratorUser = team.collaborators[0];
    mayor = await signIn(t.app, mayorUser);
    collaborator = await signIn(t.app, collaboratorUser);
    admin = await signIn(t.app, await createUser(t.db, { role: 'ADMIN', totpExempt: true }));
    agentUser = await createUser(t.db, { role: 'AGENT', totpExempt: true });
    agent = await signIn(t.app, agentUser);
    fundingAgentUser = await createUser(t.db, { role: 'AGENT', totpExempt: true });
    fundingAgent = await signIn(t.app, fundingAgentUser);
    mailer = t.app.get(NotificationMailer);
  });
  afterAll(() => t.close());

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => t.app.inject(options);
  const ask = async (session: Session, subject: string, category = 'NEXT_STEPS') =>
    (
      await inject({
        method: 'POST',
        url: '/api/communes/95651/threads',
        headers: session.headers,
        payload: { subject, category, body: `Question : ${subject}` },
      })
    ).json<ThreadDto>();
  const answer = (session: Session, id: string, body: string) =>
    inject({ method: 'POST', url: `/api/threads/${id}/messages`, headers: session.headers, payload: { body } });
  /** The mails delivered to `email`: the outbox is drained first, since delivery follows the commit in the background. */
  const mailsTo = async (email: string) => {
    // The mails an answer queued may be on their way from the sending it started (flushSoon): wait for it.
    await t.app.get(NotificationMailer).settled();
    await t.app.get(MailDispatcher).drain();
    return (await inject({ method: 'GET', url: '/api/dev/mails?limit=100' })).json<Page<DevMailDto>>().items.filter((m) => m.to === email);
  };
  const notificationsOf = async (session: Session) =>
    (await inject({ method: 'GET', url: '/api/notifications?limit=100', headers: session.headers })).json<NotificationPageDto>();

  it('routes a new question by category to its agent, who alone is notified (in the app and by e-mail)', async () => {
    const rule = await inject({
      method: 'POST',
      url: '/api/departements/95/routing-rules',
      headers: admin.headers,
      payload: { cantonCode: null, category: 'FUNDING', agentId: fundingAgentUser.id },
    });
    expect(rule.statusCode).toBe(201);
    expect(rule.json<RoutingRuleDto>()).toMatchObject({ category: 'FUNDING', agent: { id: fundingAgentUser.id } });
    expect(
      (await inject({ method: 'POST', url: '/api/departements/95/routing-rules', headers: admin.headers, payload: { cantonCode: null, category: 'FUNDING', agentId: agentUser.id } }))
        .statusCode,
    ).toBe(409);

    const thread = await ask(collaborator, 'Aide pour le lavoir', 'FUNDING');
    await mailer.sendImmediate();
    expect((await inject({ method: 'GET', url: `/api/threads/${thread.id}`, headers: agent.headers })).json<ThreadDto>().staff?.assignee?.id).toBe(fundingAgentUser.id);
    const inbox = (await notificationsOf(fundingAgent)).items;
    expect(inbox[0]).toMatchObject({ kind: 'THREAD_CREATED', threadId: thread.id, link: `/departement/questions/${thread.id}`, readAt: null });
    expect((await notificationsOf(agent)).items.some((n) => n.threadId === thread.id)).toBe(false);
    const [mail] = await mailsTo(fundingAgentUser.email);
    expect(mail.subject).toContain('Nouvelle question de Vétheuil');
    expect(mail.text).toContain(`/departement/questions/${thread.id}`);
    expect(mail.text).toMatch(/\/desabonnement\/\S+/);

    // The commune's reply goes to the assignee; the agent's answer to every member of the commune but its author.
    await answer(fundingAgent, thread.id, 'Voici les conditions.');
    await answer(collaborator, thread.id, 'Merci !');
    expect((await notificationsOf(fundingAgent)).items[0]).toMatchObject({ kind: 'COMMUNE_REPLY', threadId: thread.id });
    expect((await notificationsOf(mayor)).items[0]).toMatchObject({ kind: 'AGENT_REPLY', link: `/espace/questions/${thread.id}` });
  });

  it('notifies every agent of an unrouted question, and marks notifications read when the thread is opened', async () => {
    const thread = await ask(mayor, 'Contact pour la fibre', 'CONTACTS');
    for (const session of [agent, fundingAgent, admin]) {
      expect((await notificationsOf(session)).items.some((n) => n.threadId === thread.id && n.kind === 'THREAD_CREATED')).toBe(true);
    }
    const before = (await inject({ method: 'GET', url: '/api/notifications/unread-count', headers: agent.headers })).json<{ unread: number }>().unread;
    await inject({ method: 'GET', url: `/api/threads/${thread.id}`, headers: agent.headers });
    const after = (await inject({ method: 'GET', url: '/api/notifications/unread-count', headers: agent.headers })).json<{ unread: number }>().unread;
    expect(after).toBe(before - 1);
    expect((await inject({ method: 'POST', url: '/api/notifications/read-all', headers: agent.headers })).statusCode).toBe(204);
    expect((await notificationsOf(agent)).unread).toBe(0);
  });

  it('groups a day of notifications into one digest per user, sent once, after 8:00', async () => {
    const prefs = await inject({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      headers: mayor.headers,
      payload: { preferences: [{ kind: 'AGENT_REPLY', email: 'DIGEST' }] },
    });
    // Commune members choose for their own kinds only (answers, closings, publications, their questions in the FAQ,
    // their data export); untouched ones stay immediate.
    expect(prefs.json<NotificationPreferenceDto[]>().map((p) => [p.kind, p.email])).toEqual([
      ['AGENT_REPLY', 'DIGEST'],
      ['THREAD_CLOSED', 'IMMEDIATE'],
      ['PUBLICATION_TO_CONSENT', 'IMMEDIATE'],
      ['PUBLICATION_DECIDED', 'IMMEDIATE'],
      ['FAQ_FROM_QUESTION', 'IMMEDIATE'],
      ['DATA_EXPORT_READY', 'IMMEDIATE'],
    ]);
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(paris('2026-11-24', '10:00'));
    try {
      const first = await ask(collaborator, 'Déneigement des routes communales');
      const second = await ask(collaborator, 'Éclairage public à LED');
      await answer(agent, first.id, 'Le Département déneige les routes départementales.');
      clock.mockReturnValue(paris('2026-11-24', '11:00'));
      await answer(agent, second.id, 'Le SIERC finance l’éclairage public.');
      clock.mockReturnValue(paris('2026-11-24', '12:00'));
      await answer(agent, first.id, 'Pour les voies communales, voyez le contrat de l’intercommunalité.');
      await mailer.sendImmediate();
      const digestSubject = (m: DevMailDto) => m.subject.startsWith('Passerelle : 3 nouveautés');
      expect((await mailsTo(mayorUser.email)).filter(digestSubject)).toHaveLength(0);
      // The collaborator kept immediate mails: one per answer.
      expect((await mailsTo(collaboratorUser.email)).filter((m) => /Déneigement|Éclairage/.test(m.subject))).toHaveLength(3);

      // Before 8:00 the next morning, nothing; at 8:00, one digest for the 3 answers on 2 threads; then nothing more.
      expect(await mailer.sendDigests(paris('2026-11-25', '07:59'))).toBe(0);
      expect(await mailer.sendDigests(paris('2026-11-25', '08:00'))).toBe(1);
      expect(await mailer.sendDigests(paris('2026-11-25', '09:00'))).toBe(0);
      const digests = (await mailsTo(mayorUser.email)).filter(digestSubject);
      expect(digests).toHaveLength(1);
      expect(digests[0].subject).toBe('Passerelle : 3 nouveautés sur 2 questions');
      const text = digests[0].text;
      // Grouped by question, in the order the questions first moved: both answers on snow clearing together, first.
      expect(text.indexOf('Déneigement')).toBeLessThan(text.indexOf('Éclairage'));
      expect(text.lastIndexOf('Déneigement')).toBeLessThan(text.indexOf('Éclairage'));
      expect(text.match(/Déneigement/g)).toHaveLength(2);
      expect(text).toContain(`/espace/questions/${first.id}`);
      expect(text).toContain(`/espace/questions/${second.id}`);
    } finally {
      clock.mockRestore();
    }
  });

  it('turns a kind of e-mail off from the link of an e-mail, without signing in', async () => {
    const thread = await ask(mayor, 'Question pour le lien de désabonnement');
    await answer(agent, thread.id, 'Réponse.');
    await mailer.sendImmediate();
    const mail = (await mailsTo(collaboratorUser.email)).find((m) => m.text.includes(thread.id));
    const token = decodeURIComponent(/\/desabonnement\/(\S+)/.exec(mail?.text ?? '')?.[1] ?? '');
    const described = await inject({ method: 'GET', url: `/api/notifications/unsubscribe?token=${encodeURIComponent(token)}` });
    expect(described.json()).toEqual({ kind: 'AGENT_REPLY', label: expect.any(String), email: 'IMMEDIATE' });
    const done = await inject({ method: 'POST', url: '/api/notifications/unsubscribe', payload: { token } });
    expect(done.json()).toMatchObject({ kind: 'AGENT_REPLY', email: 'NONE' });
    const prefs = (await inject({ method: 'GET', url: '/api/me/notification-preferences', headers: collaborator.headers })).json<NotificationPreferenceDto[]>();
    expect(prefs.find((p) => p.kind === 'AGENT_REPLY')?.email).toBe('NONE');

    const forged = await inject({ method: 'POST', url: '/api/notifications/unsubscribe', payload: { token: token.replace('AGENT_REPLY', 'THREAD_CLOSED') } });
    expect(forged.statusCode).toBe(404);
    expect(forged.json<ApiError>().code).toBe('UNSUBSCRIBE_LINK_INVALID');
    // A kind that is not the user's cannot be set either.
    const wrongKind = await inject({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      headers: collaborator.headers,
      payload: { preferences: [{ kind: 'THREAD_CREATED', email: 'NONE' }] },
    });
    expect(wrongKind.statusCode).toBe(400);
  });

  it('lets admins manage labels and agents apply them, one thread or many at once', async () => {
    const create = (session: Session, name: string) =>
      inject({ method: 'POST', url: '/api/departements/95/labels', headers: session.headers, payload: { name, colour: '#1565C0' } });
    expect((await create(agent, 'Urgent')).statusCode).toBe(403);
    const urgent = (await create(admin, 'Urgent')).json<LabelDto>();
    expect(urgent.colour).toBe('#1565c0');
    expect((await create(admin, 'urgent')).statusCode).toBe(409);
    const detr = (await create(admin, 'DETR')).json<LabelDto>();
    expect((await inject({ method: 'POST', url: '/api/departements/95/labels', headers: admin.headers, payload: { name: 'x', colour: 'red' } })).statusCode).toBe(400);
    expect((await inject({ method: 'GET', url: '/api/departements/45/labels', headers: admin.headers })).statusCode).toBe(404);

    const one = await ask(collaborator, 'Premier dossier');
    const two = await ask(collaborator, 'Second dossier');
    const labelled = await inject({ method: 'PUT', url: `/api/threads/${one.id}/labels`, headers: agent.headers, payload: { labelIds: [urgent.id] } });
    expect(labelled.json<ThreadDto>().staff?.labels.map((l) => l.name)).toEqual(['Urgent']);

    const bulk = await inject({
      method: 'POST',
      url: '/api/inbox/bulk',
      headers: agent.headers,
      payload: { threadIds: [one.id, two.id], assigneeId: agentUser.id, addLabelIds: [detr.id], removeLabelIds: [urgent.id] },
    });
    expect(bulk.json()).toEqual({ updated: 2 });
    const mine = (await inject({ method: 'GET', url: `/api/inbox?scope=mine&label=${detr.id}`, headers: agent.headers })).json<Page<ThreadSummaryDto>>();
    expect(mine.items.map((i) => i.id).sort()).toEqual([one.id, two.id].sort());
    expect(mine.items.every((i) => i.staff?.labels.map((l) => l.name).join() === 'DETR')).toBe(true);

    const unknown = await inject({
      method: 'POST',
      url: '/api/inbox/bulk',
      headers: agent.headers,
      payload: { threadIds: [one.id, '00000000-0000-4000-8000-000000000000'], assigneeId: null },
    });
    expect(unknown.statusCode).toBe(400);
    // Labels and assignment never reach the commune.
    const seen = await inject({ method: 'GET', url: `/api/threads/${one.id}`, headers: collaborator.headers });
    expect(seen.json<ThreadDto>().staff).toBeNull();
    expect(seen.body).not.toContain('DETR');

    expect((await inject({ method: 'DELETE', url: `/api/departements/95/labels/${detr.id}`, headers: admin.headers })).statusCode).toBe(204);
    expect((await inject({ method: 'GET', url: `/api/threads/${one.id}`, headers: agent.headers })).json<ThreadDto>().staff?.labels).toEqual([]);
  });

  it('lets the admin change the first-response target for new questions', async () => {
    expect((await inject({ method: 'PATCH', url: '/api/departements/95/settings', headers: agent.headers, payload: { firstResponseDays: 3 } })).statusCode).toBe(403);
    expect((await inject({ method: 'PATCH', url: '/api/departements/95/settings', headers: admin.headers, payload: { firstResponseDays: 0 } })).statusCode).toBe(400);
    const updated = await inject({ method: 'PATCH', url: '/api/departements/95/settings', headers: admin.headers, payload: { firstResponseDays: 2 } });
    expect(updated.json()).toEqual({ code: '95', firstResponseDays: 2, officeHours: DEFAULT_OFFICE_HOURS });
    // Office hours, for the indicators' working time: spans in order, each ending after it starts.
    const hours = [
      { start: '08:30', end: '12:00' },
      { start: '13:00', end: '16:30' },
    ];
    const reopened = await inject({ method: 'PATCH', url: '/api/departements/95/settings', headers: admin.headers, payload: { firstResponseDays: 2, officeHours: hours } });
    expect(reopened.json()).toEqual({ code: '95', firstResponseDays: 2, officeHours: hours });
    const overlapping = await inject({
      method: 'PATCH',
      url: '/api/departements/95/settings',
      headers: admin.headers,
      payload: { firstResponseDays: 2, officeHours: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '17:00' }] },
    });
    expect(overlapping.json<ApiError>().errors).toEqual({ 'officeHours.1.start': 'Les plages horaires doivent se suivre sans se chevaucher.' });
    const garbled = await inject({ method: 'PATCH', url: '/api/departements/95/settings', headers: admin.headers, payload: { firstResponseDays: 2, officeHours: [{ start: '25:00', end: '9h' }] } });
    expect(garbled.statusCode).toBe(400);
    await inject({ method: 'PATCH', url: '/api/departements/95/settings', headers: admin.headers, payload: { firstResponseDays: 2, officeHours: DEFAULT_OFFICE_HOURS } });
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(paris('2026-11-20', '15:00'));
    try {
      const thread = await ask(collaborator, 'Délai raccourci');
      const seen = (await inject({ method: 'GET', url: `/api/threads/${thread.id}`, headers: agent.headers })).json<ThreadDto>();
      expect(seen.staff?.dueAt).toBe(paris('2026-11-24', '15:00').toISOString());
    } finally {
      clock.mockRestore();
      await inject({ method: 'PATCH', url: '/api/departements/95/settings', headers: admin.headers, payload: { firstResponseDays: 5 } });
    }
  });

  it('shows the agent the commune’s file: facts, members, threads, satisfaction and the timeline', async () => {
    const thread = await ask(collaborator, 'Question notée');
    await inject({ method: 'POST', url: `/api/threads/${thread.id}/messages`, headers: agent.headers, payload: { body: 'Note', internal: true } });
    await inject({ method: 'POST', url: `/api/threads/${thread.id}/state`, headers: agent.headers, payload: { state: 'CLOSED', version: thread.version } });
    await inject({ method: 'POST', url: `/api/threads/${thread.id}/satisfaction`, headers: mayor.headers, payload: { score: 2, comment: 'Trop long.' } });
    const file = (await inject({ method: 'GET', url: '/api/communes/95651/file', headers: agent.headers })).json<CommuneFileDto>();
    expect(file.commune).toMatchObject({ insee: '95651', name: 'Vétheuil', eligible: true });
    expect(file.members.map((m) => m.role).sort()).toEqual(['COLLABORATOR', 'MAYOR']);
    expect(file.threads.map((th) => th.id)).toContain(thread.id);
    expect(file.satisfaction).toMatchObject({ average: 2, count: 1, latest: [{ threadId: thread.id, score: 2, comment: 'Trop long.' }] });
    const kinds = file.timeline.filter((e) => e.link?.id === thread.id).map((e) => e.kind);
    expect(kinds).toEqual(['SATISFACTION', 'STATE_CHANGED', 'INTERNAL_NOTE', 'THREAD_CREATED']);
    expect((await inject({ method: 'GET', url: '/api/communes/45001/file', headers: agent.headers })).statusCode).toBe(404);
  });
});
