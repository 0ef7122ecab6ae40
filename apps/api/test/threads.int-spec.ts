import type { ApiError, Page, ThreadDto, ThreadRequestableState, ThreadState, ThreadSummaryDto } from '@passerelle/shared/dto';
import { THREAD_REQUESTABLE_STATES, THREAD_STATES } from '@passerelle/shared/dto';
import { Clock } from '../src/common/clock/clock';
import { AbandonedAttachments } from '../src/documents/abandoned-attachments';
import { NotificationMailer } from '../src/notifications/notification-mailer';
import { parisMidnight } from '../src/common/calendar/working-calendar';
import { type Session, type TestUser, createTeam, createUser, signIn } from './factories';
import { archiveText, exportData } from './support/data-export';
import { type TestApp, startTestApp } from './test-app';

/** A Paris wall-clock time. */
function paris(day: string, time = '00:00'): Date {
  const [h, m] = time.split(':').map(Number);
  return new Date(parisMidnight(day) + (h * 60 + m) * 60_000);
}

const SECRET = 'Zorglub';

describe('Threads (questions to the département)', () => {
  let t: TestApp;
  let mayorUser: TestUser;
  let mayor: Session;
  let collaborator: Session;
  let otherCommune: Session;
  let agent: Session;
  let secondAgent: Session;
  let clock: jest.SpyInstance<Date, []>;

  beforeAll(async () => {
    t = await startTestApp('valDOise');
    const ableiges = await createTeam(t.db, '95002', 1);
    mayorUser = ableiges.mayor;
    mayor = await signIn(t.app, ableiges.mayor);
    collaborator = await signIn(t.app, ableiges.collaborators[0]);
    otherCommune = await signIn(t.app, (await createTeam(t.db, '95625', 1)).collaborators[0]);
    agent = await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true }));
    secondAgent = await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true }));
  });
  afterEach(() => clock?.mockRestore());
  afterAll(() => t.close());

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => t.app.inject(options);
  const ask = (session: Session, payload: object = {}, insee = '95002') =>
    inject({
      method: 'POST',
      url: `/api/communes/${insee}/threads`,
      headers: session.headers,
      payload: { subject: 'Calendrier des travaux de voirie', category: 'NEXT_STEPS', body: 'Quand pouvons-nous commencer ?', ...payload },
    });
  const post = (session: Session, id: string, payload: object) =>
    inject({ method: 'POST', url: `/api/threads/${id}/messages`, headers: session.headers, payload });
  const move = (session: Session, id: string, state: string, version: number) =>
    inject({ method: 'POST', url: `/api/threads/${id}/state`, headers: session.headers, payload: { state, version } });
  const read = async (session: Session, id: string) => (await inject({ method: 'GET', url: `/api/threads/${id}`, headers: session.headers })).json<ThreadDto>();
  const freeze = (at: Date) => {
    clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(at);
  };

  it('lets a collaborator ask a question; the département sees it with a due date 5 working days later', async () => {
    freeze(paris('2026-11-20', '15:00')); // a Friday afternoon
    const res = await ask(collaborator, { body: '**Bonjour**, <script>alert(1)</script> [lien](javascript:alert(1))' });
    expect(res.statusCode).toBe(201);
    const thread = res.json<ThreadDto>();
    expect(thread).toMatchObject({ state: 'NEW', communeName: 'Ableiges', staff: null, messageCount: 1, can: { reply: true, addNote: false, states: ['CLOSED'] } });
    expect(thread.messages[0].bodyHtml).toContain('<strong>Bonjour</strong>');
    expect(thread.messages[0].bodyHtml).not.toMatch(/<script|href="javascript:/);

    const seen = await read(agent, thread.id);
    // Over the weekend: next Friday at the same time.
    expect(seen.staff).toMatchObject({ dueAt: paris('2026-11-27', '15:00').toISOString(), overdue: false, clockPaused: false, assignee: null });
    expect(seen.can).toMatchObject({ reply: true, addNote: true, assign: true, states: ['WAITING_COMMUNE', 'CLOSED'] });
  });

  it('tells the commune when to expect the answer, and stops saying so once the ball is in its court', async () => {
    freeze(paris('2026-11-28', '10:00')); // a Saturday: 5 working days end at the end of Friday 4 December
    const thread = (await ask(mayor)).json<ThreadDto>();
    const due = paris('2026-12-05').toISOString();
    expect(thread).toMatchObject({ staff: null, dueAt: due });
    expect((await read(collaborator, thread.id)).dueAt).toBe(due);
    expect((await read(agent, thread.id)).staff?.dueAt).toBe(due);

    const waiting = (await move(agent, thread.id, 'WAITING_COMMUNE', thread.version)).json<ThreadDto>();
    expect(waiting.dueAt).toBeNull();
    expect((await read(mayor, thread.id)).dueAt).toBeNull();
  });

  it('counts a public holiday out of the due date', async () => {
    freeze(paris('2026-11-09', '09:00')); // Monday; Wednesday 11 November is Armistice day
    const thread = (await ask(mayor)).json<ThreadDto>();
    expect((await read(agent, thread.id)).staff?.dueAt).toBe(paris('2026-11-17', '09:00').toISOString());
  });

  it('stops the clock while waiting for the commune and measures the first response without that time', async () => {
    freeze(paris('2026-11-16', '09:00')); // Monday
    const thread = (await ask(collaborator)).json<ThreadDto>();
    freeze(paris('2026-11-18', '09:00')); // Wednesday: 3 working days left
    const waiting = (await move(agent, thread.id, 'WAITING_COMMUNE', thread.version)).json<ThreadDto>();
    expect(waiting.state).toBe('WAITING_COMMUNE');
    expect(waiting.staff).toMatchObject({ dueAt: null, clockPaused: true });

    freeze(paris('2026-11-23', '09:00')); // the commune answers the next Monday
    const replied = (await post(collaborator, thread.id, { body: 'Voici le devis demandé.' })).json<ThreadDto>();
    expect(replied.state).toBe('OPEN');
    expect((await read(agent, thread.id)).staff?.dueAt).toBe(paris('2026-11-26', '09:00').toISOString());

    freeze(paris('2026-11-24', '09:00'));
    const answered = (await post(agent, thread.id, { body: 'Merci, c’est complet.' })).json<ThreadDto>();
    expect(answered).toMatchObject({ state: 'ANSWERED', firstResponseAt: paris('2026-11-24', '09:00').toISOString() });
    // 8 days from question to answer, 5 of them waiting for the commune.
    expect(answered.firstResponseSeconds).toBe(3 * 86_400);
    expect(answered.staff?.dueAt).toBeNull();
  });

  it('marks a thread overdue once its due date has passed, and filters on it', async () => {
    freeze(paris('2026-10-05', '09:00'));
    const thread = (await ask(mayor, { subject: 'Question restée sans réponse' })).json<ThreadDto>();
    clock.mockRestore();
    const seen = await read(agent, thread.id);
    expect(seen.staff?.overdue).toBe(true);
    const overdue = (await inject({ method: 'GET', url: '/api/inbox?overdue=true&limit=100', headers: agent.headers })).json<Page<ThreadSummaryDto>>();
    expect(overdue.items.map((i) => i.id)).toContain(thread.id);
    expect(overdue.items.every((i) => i.staff?.overdue)).toBe(true);
  });

  describe('state machine', () => {
    /** A thread put straight into `state` (with consistent timestamps), as the API would have left it. */
    async function threadIn(state: ThreadState, closedDaysAgo = 1): Promise<ThreadDto> {
      const thread = (await ask(collaborator)).json<ThreadDto>();
      await t.db.query(
        `UPDATE thread SET state = $2,
                closed_at = CASE WHEN $2 = 'CLOSED' THEN now() - make_interval(days => $3) END,
                waiting_since = CASE WHEN $2 = 'WAITING_COMMUNE' THEN now() END
          WHERE id = $1`,
        [thread.id, state, closedDaysAgo],
      );
      return thread;
    }

    const allowed: Record<'COMMUNE' | 'DEPARTEMENT', string[]> = {
      COMMUNE: ['NEW>CLOSED', 'ANSWERED>CLOSED', 'OPEN>CLOSED', 'WAITING_COMMUNE>CLOSED', 'CLOSED>OPEN'],
      DEPARTEMENT: [
        'NEW>WAITING_COMMUNE',
        'NEW>CLOSED',
        'ANSWERED>WAITING_COMMUNE',
        'ANSWERED>CLOSED',
        'OPEN>WAITING_COMMUNE',
        'OPEN>CLOSED',
        'WAITING_COMMUNE>OPEN',
        'WAITING_COMMUNE>CLOSED',
        'CLOSED>OPEN',
      ],
    };

    it.each(['COMMUNE', 'DEPARTEMENT'] as const)('allows exactly the transitions of the %s side, refuses the others', async (side) => {
      const session = side === 'COMMUNE' ? collaborator : agent;
      const outcomes: string[] = [];
      for (const from of THREAD_STATES) {
        for (const to of THREAD_REQUESTABLE_STATES as readonly ThreadRequestableState[]) {
          const thread = await threadIn(from);
          const res = await move(session, thread.id, to, thread.version);
          const key = `${from}>${to}`;
          if (allowed[side].includes(key)) {
            expect([key, res.statusCode, res.json<ThreadDto>().state]).toEqual([key, 200, to]);
          } else {
            // Refused: 409 from the wrong state, 403 when the side may never do it; nothing changes.
            expect([key, res.statusCode]).toEqual([key, side === 'COMMUNE' && to === 'WAITING_COMMUNE' ? 403 : 409]);
            expect((await read(agent, thread.id)).state).toBe(from);
          }
          outcomes.push(`${key}:${res.statusCode}`);
        }
      }
      expect(outcomes).toHaveLength(THREAD_STATES.length * THREAD_REQUESTABLE_STATES.length);
    });

    it('moves with messages: an answer, a reply, and no message on a closed thread', async () => {
      const thread = (await ask(collaborator)).json<ThreadDto>();
      expect((await post(collaborator, thread.id, { body: 'Précision.' })).json<ThreadDto>().state).toBe('NEW');
      expect((await post(agent, thread.id, { body: 'Réponse.' })).json<ThreadDto>().state).toBe('ANSWERED');
      expect((await post(collaborator, thread.id, { body: 'Merci, et ensuite ?' })).json<ThreadDto>().state).toBe('OPEN');
      expect((await post(agent, thread.id, { body: 'Il manque la délibération.', nextState: 'WAITING_COMMUNE' })).json<ThreadDto>().state).toBe(
        'WAITING_COMMUNE',
      );
      expect((await post(agent, thread.id, { body: 'Note.', internal: true })).json<ThreadDto>().state).toBe('WAITING_COMMUNE');
      expect((await post(collaborator, thread.id, { body: 'La voici.' })).json<ThreadDto>().state).toBe('OPEN');
      const closed = (await post(agent, thread.id, { body: 'Dossier complet.', nextState: 'CLOSED' })).json<ThreadDto>();
      expect(closed.state).toBe('CLOSED');
      const refused = await post(collaborator, thread.id, { body: 'Encore une chose.' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json<ApiError>().code).toBe('THREAD_CLOSED');
      // Commune members cannot write notes nor steer the state through a message.
      expect((await post(collaborator, thread.id, { body: 'x', internal: true })).statusCode).toBe(403);
    });

    it('reopens within 30 days of closing, not after', async () => {
      const recent = await threadIn('CLOSED', 29);
      expect((await move(mayor, recent.id, 'OPEN', recent.version)).statusCode).toBe(200);
      const old = await threadIn('CLOSED', 31);
      const res = await move(mayor, old.id, 'OPEN', old.version);
      expect(res.statusCode).toBe(409);
      expect(res.json<ApiError>().code).toBe('REOPEN_EXPIRED');
      expect((await read(mayor, old.id)).can.states).toEqual([]);
    });

    it('lets one of two agents closing the same thread at once succeed; the other gets 409', async () => {
      const thread = (await ask(collaborator)).json<ThreadDto>();
      const answers = await Promise.all([move(agent, thread.id, 'CLOSED', thread.version), move(secondAgent, thread.id, 'CLOSED', thread.version)]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
      const conflict = answers.find((a) => a.statusCode === 409)?.json<ApiError & { current?: ThreadDto }>();
      expect(conflict?.code).toBe('THREAD_VERSION_CONFLICT');
      expect(conflict?.current?.state).toBe('CLOSED');
      const events = await t.db.query(`SELECT count(*)::int AS n FROM thread_event WHERE thread_id = $1 AND to_state = 'CLOSED'`, [thread.id]);
      expect(events[0].n).toBe(1);
    });
  });

  describe('tenancy', () => {
    it('answers 404 to a member of another commune, for reading, writing, listing and asking', async () => {
      const thread = (await ask(collaborator)).json<ThreadDto>();
      const attempts = await Promise.all([
        inject({ method: 'GET', url: `/api/threads/${thread.id}`, headers: otherCommune.headers }),
        post(otherCommune, thread.id, { body: 'Intrusion' }),
        move(otherCommune, thread.id, 'CLOSED', thread.version),
        inject({ method: 'GET', url: '/api/communes/95002/threads', headers: otherCommune.headers }),
        ask(otherCommune, {}, '95002'),
        inject({ method: 'GET', url: `/api/threads/00000000-0000-4000-8000-000000000000`, headers: otherCommune.headers }),
      ]);
      expect(attempts.map((a) => a.statusCode)).toEqual([404, 404, 404, 404, 404, 404]);
      expect(attempts[0].json()).toEqual({ ...attempts[5].json(), requestId: expect.any(String) });
      expect((await read(collaborator, thread.id)).messageCount).toBe(1);
    });

    it('names a hidden or unknown commune COMMUNE_NOT_FOUND, in French, for listing, asking and the commune file', async () => {
      const answers = await Promise.all([
        inject({ method: 'GET', url: '/api/communes/95002/threads', headers: otherCommune.headers }),
        ask(otherCommune, {}, '95002'),
        inject({ method: 'GET', url: '/api/communes/99999/file', headers: agent.headers }),
      ]);
      for (const answer of answers) {
        expect(answer.statusCode).toBe(404);
        expect(answer.json<ApiError>()).toMatchObject({ code: 'COMMUNE_NOT_FOUND', message: 'Cette commune est introuvable.' });
      }
    });

    it('keeps the inbox and the commune file for staff', async () => {
      const res = await Promise.all([
        inject({ method: 'GET', url: '/api/inbox', headers: collaborator.headers }),
        inject({ method: 'GET', url: '/api/communes/95002/file', headers: mayor.headers }),
      ]);
      expect(res.map((r) => r.statusCode)).toEqual([403, 403]);
    });
  });

  describe('internal notes', () => {
    let thread: ThreadDto;
    let noteAttachment: string;

    beforeAll(async () => {
      thread = (await ask(collaborator, { subject: 'Subvention pour le city-stade' })).json<ThreadDto>();
      const upload = await inject({
        method: 'POST',
        url: '/api/communes/95002/attachments',
        headers: { ...agent.headers, 'content-type': 'multipart/form-data; boundary=X' },
        payload: `--X\r\nContent-Disposition: form-data; name="file"; filename="note.txt"\r\nContent-Type: text/plain\r\n\r\nAvis interne ${SECRET}\r\n--X--\r\n`,
      });
      expect(upload.statusCode).toBe(201);
      noteAttachment = upload.json<{ id: string }>().id;
      expect((await post(agent, thread.id, { body: `${SECRET} : dossier fragile, voir avec le service juridique.`, internal: true, attachmentIds: [noteAttachment] })).statusCode).toBe(201);
      expect((await post(agent, thread.id, { body: 'Bonjour, le city-stade est éligible.' })).statusCode).toBe(201);
      await t.app.get(NotificationMailer).sendImmediate();
    });

    it('shows them to staff, visibly marked', async () => {
      const seen = await read(agent, thread.id);
      expect(seen.messages.map((m) => m.internal)).toEqual([false, true, false]);
      expect(seen.messageCount).toBe(3);
      expect(seen.staff?.internalNoteCount).toBe(1);
      expect(seen.messages[1].attachments.map((a) => a.id)).toEqual([noteAttachment]);
      const found = (await inject({ method: 'GET', url: `/api/inbox?state=ALL&q=${SECRET.toLowerCase()}`, headers: agent.headers })).json<Page<ThreadSummaryDto>>();
      expect(found.items.map((i) => i.id)).toEqual([thread.id]);
    });

    it('never shows them to the commune: payloads, counts, search, attachments, notifications, e-mails, export', async () => {
      const seen = await inject({ method: 'GET', url: `/api/threads/${thread.id}`, headers: collaborator.headers });
      expect(seen.body).not.toContain(SECRET);
      expect(seen.json<ThreadDto>().messageCount).toBe(2);
      expect(seen.json<ThreadDto>().messages.every((m) => !m.internal)).toBe(true);

      const list = await inject({ method: 'GET', url: '/api/communes/95002/threads?limit=100', headers: collaborator.headers });
      expect(list.body).not.toContain(SECRET);
      expect(list.json<Page<ThreadSummaryDto>>().items.find((i) => i.id === thread.id)?.messageCount).toBe(2);
      const search = await inject({ method: 'GET', url: `/api/communes/95002/threads?q=${SECRET}`, headers: collaborator.headers });
      expect(search.json<Page<ThreadSummaryDto>>().total).toBe(0);

      expect((await inject({ method: 'GET', url: `/api/documents/${noteAttachment}/content`, headers: collaborator.headers })).statusCode).toBe(404);
      expect((await inject({ method: 'GET', url: `/api/documents/${noteAttachment}/content`, headers: agent.headers })).statusCode).toBe(200);

      for (const session of [collaborator, mayor]) {
        const notifications = await inject({ method: 'GET', url: '/api/notifications?limit=100', headers: session.headers });
        expect(notifications.body).not.toContain(SECRET);
        expect(notifications.body).toContain('Le département a répondu');
        const exported = archiveText(await exportData(t.app, session.headers));
        expect(exported).toContain('Le département a répondu');
        expect(exported).not.toContain(SECRET);
      }
      const mails = await inject({ method: 'GET', url: '/api/dev/mails?limit=100' });
      expect(mails.body).toContain('Le département a répondu');
      expect(mails.body).not.toContain(SECRET);
    });

    it('refuses a note written by a commune member', async () => {
      expect((await post(mayor, thread.id, { body: 'secret', internal: true })).statusCode).toBe(403);
    });
  });

  describe('messages', () => {
    it('edits one’s own message within 15 minutes, keeping the earlier text', async () => {
      freeze(paris('2026-11-20', '10:00'));
      const thread = (await ask(collaborator, { body: 'Premier jet' })).json<ThreadDto>();
      const message = thread.messages[0];
      expect(message.editableUntil).toBe(paris('2026-11-20', '10:15').toISOString());
      expect((await inject({ method: 'PATCH', url: `/api/messages/${message.id}`, headers: mayor.headers, payload: { body: 'Pas à moi' } })).statusCode).toBe(403);

      freeze(paris('2026-11-20', '10:14'));
      const edited = await inject({ method: 'PATCH', url: `/api/messages/${message.id}`, headers: collaborator.headers, payload: { body: 'Version corrigée' } });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toMatchObject({ body: 'Version corrigée', editedAt: paris('2026-11-20', '10:14').toISOString(), revisionCount: 1 });
      const revisions = await inject({ method: 'GET', url: `/api/messages/${message.id}/revisions`, headers: agent.headers });
      expect(revisions.json()).toEqual([{ body: 'Premier jet', bodyHtml: '<p>Premier jet</p>', replacedAt: paris('2026-11-20', '10:14').toISOString() }]);

      freeze(paris('2026-11-20', '10:16'));
      const late = await inject({ method: 'PATCH', url: `/api/messages/${message.id}`, headers: collaborator.headers, payload: { body: 'Trop tard' } });
      expect(late.statusCode).toBe(409);
      expect(late.json<ApiError>().code).toBe('EDIT_WINDOW_OVER');
    });

    it('attaches uploaded files to the question, once, and only the uploader’s', async () => {
      const upload = (session: Session) =>
        inject({
          method: 'POST',
          url: '/api/communes/95002/attachments',
          headers: { ...session.headers, 'content-type': 'multipart/form-data; boundary=X' },
          payload: `--X\r\nContent-Disposition: form-data; name="file"; filename="devis.csv"\r\nContent-Type: text/csv\r\n\r\nposte;montant\r\ntoiture;18400\r\n--X--\r\n`,
        });
      const mine = (await upload(collaborator)).json<{ id: string }>().id;
      const someoneElses = (await upload(mayor)).json<{ id: string }>().id;
      const refused = await ask(collaborator, { attachmentIds: [mine, someoneElses] });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<ApiError>().errors).toHaveProperty('attachmentIds');
      const thread = (await ask(collaborator, { attachmentIds: [mine] })).json<ThreadDto>();
      expect(thread.messages[0].attachments.map((a) => [a.id, a.filename, a.messageId])).toEqual([[mine, 'devis.csv', thread.messages[0].id]]);
      expect((await ask(collaborator, { attachmentIds: [mine] })).statusCode).toBe(400);
      const exe = await inject({
        method: 'POST',
        url: '/api/communes/95002/attachments',
        headers: { ...collaborator.headers, 'content-type': 'multipart/form-data; boundary=X' },
        payload: `--X\r\nContent-Disposition: form-data; name="file"; filename="devis.pdf"\r\nContent-Type: application/pdf\r\n\r\nMZ\x90\x00\x03\x00\x00\x00\r\n--X--\r\n`,
      });
      expect(exe.statusCode).toBe(415);
    });

    it('deletes, a day later, attachments whose message was never sent, and their files', async () => {
      const upload = async (name: string) =>
        (
          await inject({
            method: 'POST',
            url: '/api/communes/95002/attachments',
            headers: { ...collaborator.headers, 'content-type': 'multipart/form-data; boundary=X' },
            payload: `--X\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\ncontenu de ${name}\r\n--X--\r\n`,
          })
        ).json<{ id: string }>().id;
      const forgotten = await upload('oublie.txt');
      const kept = await upload('envoye.txt');
      await ask(collaborator, { attachmentIds: [kept] });
      const sweeper = t.app.get(AbandonedAttachments);
      expect(await sweeper.sweep()).toBe(0);
      freeze(new Date(Date.now() + 25 * 3_600_000));
      expect(await sweeper.sweep()).toBeGreaterThanOrEqual(1);
      clock.mockRestore();
      expect(await t.db.query(`SELECT 1 FROM document WHERE id = $1`, [forgotten])).toEqual([]);
      expect((await inject({ method: 'GET', url: `/api/documents/${forgotten}/content`, headers: collaborator.headers })).statusCode).toBe(404);
      // The attachment that left with its message stays, file included.
      const content = await inject({ method: 'GET', url: `/api/documents/${kept}/content`, headers: collaborator.headers });
      expect([content.statusCode, content.body]).toEqual([200, 'contenu de envoye.txt']);
    });

    it('validates questions field by field, in French', async () => {
      const res = await ask(collaborator, { subject: '', category: 'WHATEVER', body: '', projectId: 'nope', role: 'ADMIN' });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json<ApiError>().errors ?? {}).sort()).toEqual(['body', 'category', 'projectId', 'role', 'subject']);
    });
  });

  describe('satisfaction', () => {
    it('is asked once, after closing, to the commune only', async () => {
      const thread = (await ask(collaborator)).json<ThreadDto>();
      const rate = (session: Session, score: number) =>
        inject({ method: 'POST', url: `/api/threads/${thread.id}/satisfaction`, headers: session.headers, payload: { score, comment: 'Très clair.' } });
      expect((await rate(collaborator, 4)).json<ApiError>().code).toBe('SATISFACTION_NOT_CLOSED');
      const closed = (await move(agent, thread.id, 'CLOSED', thread.version)).json<ThreadDto>();
      expect((await read(collaborator, closed.id)).can.rate).toBe(true);
      expect((await rate(agent, 4)).statusCode).toBe(403);
      expect((await rate(collaborator, 6)).statusCode).toBe(400);
      const rated = await rate(collaborator, 4);
      expect(rated.statusCode).toBe(201);
      expect(rated.json<ThreadDto>()).toMatchObject({ satisfaction: { score: 4, comment: 'Très clair.' }, can: { rate: false } });
      expect((await rate(mayor, 1)).json<ApiError>().code).toBe('SATISFACTION_ALREADY_GIVEN');
    });
  });

  describe('search', () => {
    it('finds "école" when searching "ecole", in subjects and messages, accents and case ignored', async () => {
      const bySubject = (await ask(collaborator, { subject: 'Extension de l’École maternelle' })).json<ThreadDto>();
      const byMessage = (await ask(collaborator, { subject: 'Bâtiment communal', body: 'Nous voulons agrandir la cantine de l’école.' })).json<ThreadDto>();
      const found = (await inject({ method: 'GET', url: '/api/inbox?q=ecole&state=ALL&limit=100', headers: agent.headers })).json<Page<ThreadSummaryDto>>();
      expect(found.items.map((i) => i.id)).toEqual(expect.arrayContaining([bySubject.id, byMessage.id]));
      const commune = (await inject({ method: 'GET', url: '/api/communes/95002/threads?q=ECOLES&limit=100', headers: mayor.headers })).json<Page<ThreadSummaryDto>>();
      expect(commune.items.map((i) => i.id)).toEqual(expect.arrayContaining([bySubject.id, byMessage.id]));
    });

    it('finds a closed question among all states, not among those in progress, until it is reopened', async () => {
      const thread = (await ask(collaborator, { subject: 'Ramassage des encombrants' })).json<ThreadDto>();
      const search = async (state: string) =>
        (await inject({ method: 'GET', url: `/api/inbox?q=encombrants&state=${state}`, headers: agent.headers })).json<Page<ThreadSummaryDto>>().items.map((i) => i.id);
      expect(await search('ACTIVE')).toEqual([thread.id]);
      const closed = (await move(agent, thread.id, 'CLOSED', thread.version)).json<ThreadDto>();
      expect(await search('ACTIVE')).toEqual([]);
      expect(await search('ALL')).toEqual([thread.id]);
      expect(await search('CLOSED')).toEqual([thread.id]);
      await move(collaborator, thread.id, 'OPEN', closed.version);
      expect(await search('ACTIVE')).toEqual([thread.id]);
      expect(await search('OPEN')).toEqual([thread.id]);
    });

    it.each([`' & ! | :*`, '((', '"', '!!!', 'école:*', '\\', 'a'.repeat(200)])('answers 200 to %p, never 500', async (q) => {
      for (const url of [`/api/inbox?q=${encodeURIComponent(q)}`, `/api/communes/95002/threads?q=${encodeURIComponent(q)}`]) {
        const res = await inject({ method: 'GET', url, headers: url.startsWith('/api/inbox') ? agent.headers : mayor.headers });
        expect([url, res.statusCode]).toEqual([url, 200]);
      }
    });

    it('refuses unknown filters and sorts instead of passing them to SQL', async () => {
      const res = await inject({ method: 'GET', url: '/api/inbox?sort=subject;DROP TABLE thread&state=ANY&scope=yours', headers: agent.headers });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json<ApiError>().errors ?? {}).sort()).toEqual(['scope', 'sort', 'state']);
    });
  });

  it('greets the mayor by name in filled answer templates', async () => {
    const thread = (await ask(collaborator)).json<ThreadDto>();
    const created = await inject({
      method: 'POST',
      url: '/api/departements/95/answer-templates',
      headers: agent.headers,
      payload: { title: 'Accusé de réception', body: 'Bonjour {{maire}}, la question de {{commune}} est bien reçue.' },
    });
    expect(created.statusCode).toBe(201);
    const filled = await inject({ method: 'GET', url: `/api/threads/${thread.id}/answer-templates`, headers: agent.headers });
    const [mayorRow] = await t.db.query(`SELECT display_name FROM app_user WHERE id = $1`, [mayorUser.id]);
    expect(filled.json()).toContainEqual({
      id: created.json<{ id: string }>().id,
      title: 'Accusé de réception',
      body: `Bonjour ${mayorRow.display_name}, la question de Ableiges est bien reçue.`,
    });
  });
});
