import type { AddressInfo } from 'node:net';
import type { ThreadDto } from '@passerelle/shared/dto';
import { LiveEvents } from '../src/live/live-events';
import { MAX_STREAMS_PER_USER } from '../src/live/live-streams';
import { type Session, type TestUser, createTeam, createUser, signIn } from './factories';
import { EventStream } from './support/event-stream';
import { type TestApp, startTestApp } from './test-app';

describe('Live events (GET /api/events)', () => {
  let t: TestApp;
  let base: string;
  let mayor: Session;
  let collaborator: Session;
  let collaboratorUser: TestUser;
  let otherCommune: Session;
  let agentUser: TestUser;
  let agent: Session;
  let secondAgent: Session;
  const open: EventStream[] = [];

  beforeAll(async () => {
    t = await startTestApp('valDOise');
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/api`;
    const ableiges = await createTeam(t.db, '95002', 1);
    mayor = await signIn(t.app, ableiges.mayor);
    collaboratorUser = ableiges.collaborators[0];
    collaborator = await signIn(t.app, collaboratorUser);
    otherCommune = await signIn(t.app, (await createTeam(t.db, '95625', 0)).mayor);
    agentUser = await createUser(t.db, { role: 'AGENT', totpExempt: true });
    agent = await signIn(t.app, agentUser);
    secondAgent = await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true }));
  });
  afterEach(() => open.splice(0).forEach((stream) => stream.close()));
  afterAll(async () => {
    // Shutting down ends the streams still open (else the HTTP server would wait for them for ever).
    const last = await listen(mayor);
    await t.close();
    await expect(last.ended).resolves.toBeUndefined();
  });

  async function listen(session: Session): Promise<EventStream> {
    const controller = new AbortController();
    const response = await fetch(`${base}/events`, { headers: { ...session.headers, accept: 'text/event-stream' }, signal: controller.signal });
    expect(response.status).toBe(200);
    const stream = new EventStream(response, controller);
    open.push(stream);
    return stream;
  }

  const call = async <T>(session: Session, method: string, path: string, payload: object): Promise<T> => {
    const res = await t.app.inject({ method: method as 'POST', url: `/api${path}`, headers: session.headers, payload });
    expect(res.statusCode).toBeLessThan(300);
    return res.json<T>();
  };
  const ask = (session: Session, insee = '95002') =>
    call<ThreadDto>(session, 'POST', `/communes/${insee}/threads`, { subject: 'Subvention voirie', category: 'NEXT_STEPS', body: 'Où en est le dossier ?' });
  const reply = (session: Session, id: string, body: string, extra: object = {}) =>
    call<ThreadDto>(session, 'POST', `/threads/${id}/messages`, { body, ...extra });

  it('refuses a request without an access token (401), and a token in the address is not read', async () => {
    expect((await fetch(`${base}/events`)).status).toBe(401);
    const token = mayor.headers.authorization.slice('Bearer '.length);
    expect((await fetch(`${base}/events?access_token=${token}&token=${token}`)).status).toBe(401);
  });

  it('answers with an uncompressed, unbuffered event stream', async () => {
    const stream = await listen(mayor);
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.response.headers.get('cache-control')).toBe('no-cache');
    expect(stream.response.headers.get('x-accel-buffering')).toBe('no');
    expect(stream.response.headers.get('content-encoding')).toBeNull();
    expect(stream.response.headers.get('x-request-id')).toBeTruthy();
  });

  it('tells the commune of an agent’s reply on its thread, and another commune nothing', async () => {
    const thread = await ask(mayor);
    const [mayorStream, collaboratorStream, otherStream] = [await listen(mayor), await listen(collaborator), await listen(otherCommune)];

    await reply(agent, thread.id, 'Le dossier est complet.');
    expect(await mayorStream.nextThreadEvent()).toEqual({ kind: 'thread.message', threadId: thread.id });
    // The reply notified the commune's members: their bells hear of it.
    expect([await collaboratorStream.next(), await collaboratorStream.next()]).toEqual(
      expect.arrayContaining([{ kind: 'thread.message', threadId: thread.id }, { kind: 'notification.created' }]),
    );
    expect(mayorStream.ids.every((id) => id.length > 0)).toBe(true);

    // The other commune's first event is about its own question: the reply above never reached it.
    const own = await ask(otherCommune, '95625');
    expect(await otherStream.next()).toEqual({ kind: 'thread.created', threadId: own.id });
  });

  it('tells the staff of an internal note, and the commune nothing', async () => {
    const thread = await ask(mayor);
    const [mayorStream, staffStream] = [await listen(mayor), await listen(secondAgent)];

    await reply(agent, thread.id, 'Note : dossier incomplet, relancer la préfecture.', { internal: true });
    expect(await staffStream.next()).toEqual({ kind: 'thread.message', threadId: thread.id });

    // The commune's next event is the change of state that follows, not the note.
    await call(agent, 'POST', `/threads/${thread.id}/state`, { state: 'WAITING_COMMUNE', version: (await reply(agent, thread.id, 'x', { internal: true })).version });
    expect(await mayorStream.next()).toEqual({ kind: 'thread.updated', threadId: thread.id });
    expect(await staffStream.next()).toEqual({ kind: 'thread.message', threadId: thread.id });
    expect(await staffStream.next()).toEqual({ kind: 'thread.updated', threadId: thread.id });
  });

  it('sends a notification event to its recipient only', async () => {
    const thread = await ask(mayor);
    // The agent takes the thread: from now on the commune's replies notify them alone.
    await call(agent, 'PUT', `/threads/${thread.id}/assignee`, { assigneeId: agentUser.id });
    const [agentStream, otherAgentStream, collaboratorStream] = [await listen(agent), await listen(secondAgent), await listen(collaborator)];

    await reply(mayor, thread.id, 'Voici la pièce manquante.');
    const agentEvents = [await agentStream.next(), await agentStream.next()];
    expect(agentEvents).toEqual(expect.arrayContaining([{ kind: 'thread.message', threadId: thread.id }, { kind: 'notification.created' }]));

    // The second agent and the collaborator see the thread move but get no notification: their next event is the
    // one that follows.
    await call(agent, 'POST', `/threads/${thread.id}/state`, { state: 'CLOSED', version: (await call<ThreadDto>(agent, 'GET', `/threads/${thread.id}`, {})).version });
    expect([await otherAgentStream.next(), await otherAgentStream.next()]).toEqual([
      { kind: 'thread.message', threadId: thread.id },
      { kind: 'thread.updated', threadId: thread.id },
    ]);
    expect(await collaboratorStream.next()).toEqual({ kind: 'thread.message', threadId: thread.id });
    // The closing asks the commune's members for their opinion.
    expect([await collaboratorStream.next(), await collaboratorStream.next()]).toEqual(
      expect.arrayContaining([{ kind: 'thread.updated', threadId: thread.id }, { kind: 'notification.created' }]),
    );
  });

  it('keeps assignments and labels to the staff', async () => {
    const thread = await ask(mayor);
    const [mayorStream, staffStream] = [await listen(mayor), await listen(secondAgent)];
    await call(agent, 'PUT', `/threads/${thread.id}/assignee`, { assigneeId: agentUser.id });
    expect(await staffStream.next()).toEqual({ kind: 'thread.updated', threadId: thread.id });
    await reply(agent, thread.id, 'Nous regardons.');
    expect(await mayorStream.nextThreadEvent()).toEqual({ kind: 'thread.message', threadId: thread.id });
  });

  it('publishes once the transaction commits, and nothing for a change rolled back', async () => {
    const stream = await listen(collaborator);
    const live = t.app.get(LiveEvents);
    const thread = { id: '6f1c1a52-8a9e-4b43-9a43-7d2f4c1b0a11', departement_code: '95', commune_insee: '95002' };
    await expect(
      t.db.transaction(async (tx) => {
        live.notificationsFor(tx, [collaboratorUser.id]);
        throw new Error('annulé');
      }),
    ).rejects.toThrow('annulé');
    await t.db.transaction(async (tx) => {
      // A savepoint's end is not the commit either.
      await tx.transaction(async (inner) => live.thread(inner, 'thread.updated', thread));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(stream.ids).toHaveLength(0);
    });
    expect(await stream.next()).toEqual({ kind: 'thread.updated', threadId: thread.id });
  });

  it('ends the streams of a session at its sign-out, and the user’s other sessions keep theirs', async () => {
    const user = await createUser(t.db, { role: 'AGENT', totpExempt: true });
    const [leaving, staying] = [await signIn(t.app, user), await signIn(t.app, user)];
    const [leavingStream, stayingStream] = [await listen(leaving), await listen(staying)];

    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { passerelle_refresh: leaving.refreshCookie } });
    expect(out.statusCode).toBe(204);
    await expect(leavingStream.ended).resolves.toBeUndefined();

    // Its access token has minutes left, but its session is gone: no new stream either.
    expect((await fetch(`${base}/events`, { headers: leaving.headers })).status).toBe(401);
    const thread = await ask(mayor);
    await expect(stayingStream.nextThreadEvent()).resolves.toEqual({ kind: 'thread.created', threadId: thread.id });
  });

  it('ends every stream of a member the mayor removes, at once', async () => {
    const team = await createTeam(t.db, '95446', 1);
    const [mayorOf, member] = [await signIn(t.app, team.mayor), await signIn(t.app, team.collaborators[0])];
    const [first, second] = [await listen(member), await listen(member)];
    const mayorStream = await listen(mayorOf);

    const removal = await t.app.inject({ method: 'DELETE', url: `/api/communes/95446/members/${team.collaborators[0].id}`, headers: mayorOf.headers });
    expect(removal.statusCode).toBe(204);
    await Promise.all([expect(first.ended).resolves.toBeUndefined(), expect(second.ended).resolves.toBeUndefined()]);
    const thread = await ask(mayorOf, '95446');
    await expect(mayorStream.nextThreadEvent()).resolves.toEqual({ kind: 'thread.created', threadId: thread.id });
  });

  it('caps the streams of one user, and frees a place when one closes', async () => {
    const user = await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true }));
    const streams: EventStream[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) {
      streams.push(await listen(user));
    }
    const refused = await fetch(`${base}/events`, { headers: user.headers });
    expect(refused.status).toBe(429);
    expect((await refused.json()) as { code: string }).toMatchObject({ code: 'LIVE_TOO_MANY_STREAMS' });

    streams[0].close();
    await streams[0].ended;
    // The server notices the client went away as soon as the socket closes.
    for (let attempt = 0; ; attempt++) {
      const again = await fetch(`${base}/events`, { headers: user.headers });
      if (again.status === 200 || attempt > 20) {
        expect(again.status).toBe(200);
        await again.body?.cancel();
        break;
      }
      await again.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
});

describe('Live events: the streams one instance holds (LIVE_MAX_STREAMS)', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp('valDOise', { LIVE_MAX_STREAMS: '2' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/api`;
  });
  afterAll(() => t.close());

  it('refuses a stream past the instance’s limit with 503 and Retry-After, whoever asks', async () => {
    const [first, second, third] = [
      await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true })),
      await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true })),
      await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true })),
    ];
    const controllers = [new AbortController(), new AbortController()];
    const held = [
      await fetch(`${base}/events`, { headers: first.headers, signal: controllers[0].signal }),
      await fetch(`${base}/events`, { headers: second.headers, signal: controllers[1].signal }),
    ];
    expect(held.map((r) => r.status)).toEqual([200, 200]);

    const refused = await fetch(`${base}/events`, { headers: third.headers });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect((await refused.json()) as { code: string }).toMatchObject({ code: 'LIVE_INSTANCE_FULL' });
    controllers.forEach((c) => c.abort());
  });
});
