import type { FaqEntryDto, FaqSuggestionsDto, NotificationPageDto, ThreadDto } from '@passerelle/shared/dto';
import { DEMO_FAQ } from '../src/demo/demo-faq';
import { FaqRepository } from '../src/faq/faq.repository';
import { FaqService } from '../src/faq/faq.service';
import { type Session, createTeam, createUser, openWorkspace, signIn } from './factories';
import { SUGGESTION_PAIRS } from './faq-suggestion-pairs';
import { type TestApp, startTestApp } from './test-app';

/**
 * Suggestions while typing and drafts from questions, on the demo FAQ. The quality of the suggestions is measured
 * on questions worded as mayors type them (`faq-suggestion-pairs.ts`): the right entry must be in the first three.
 */
describe('FAQ suggestions and drafts from questions', () => {
  let t: TestApp;
  let agent: Session;
  let admin: Session;
  let mayor: Session;
  let neighbour: Session;
  let loiretMayor: Session;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp('valDOise');
    const agentUser = await createUser(t.db, { role: 'AGENT', totpExempt: true });
    const adminUser = await createUser(t.db, { role: 'ADMIN', totpExempt: true });
    agent = await signIn(t.app, agentUser);
    admin = await signIn(t.app, adminUser);
    mayor = await signIn(t.app, (await createTeam(t.db, '95002', 1)).mayor);
    neighbour = await signIn(t.app, (await createTeam(t.db, '95625')).mayor);
    await t.db.query(`INSERT INTO departement (code, name) VALUES ('45', 'Loiret') ON CONFLICT DO NOTHING`);
    await t.db.query(`INSERT INTO commune (insee, name, departement_code, population, eligible) VALUES ('45001', 'Adon', '45', 220, true)`);
    await openWorkspace(t.db, '45001');
    loiretMayor = await signIn(t.app, await createUser(t.db, { role: 'MAYOR', communeInsee: '45001', departementCode: '45' }));

    // The demo FAQ, published as the seed publishes it (drafts, archived and expired entries are not suggested).
    const repository = t.app.get(FaqRepository);
    await t.db.transaction(async (tx) => {
      for (const { key, status, ...text } of DEMO_FAQ) {
        const id = await repository.insert(tx, '95', agentUser.id, text, new Date());
        ids.set(key, id);
        if (status === 'PUBLISHED') {
          await repository.setStatus(tx, id, { status: 'PUBLISHED', reviewedBy: adminUser.id, published: true }, new Date());
        }
      }
    });
    await t.app.get(FaqService).refreshVocabulary();
  });
  afterAll(() => t.close());

  const get = async <T>(session: Session, url: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api${url}`, headers: session.headers });
    return { status: res.statusCode, body: res.json<T & { code?: string }>() };
  };
  const post = async <T>(session: Session, url: string, payload: object = {}) => {
    const res = await t.app.inject({ method: 'POST', url: `/api${url}`, headers: session.headers, payload });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as T & { code?: string } };
  };
  const suggest = async (session: Session, title: string, body = '') => {
    const res = await get<FaqSuggestionsDto>(session, `/faq/suggest?title=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`);
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const askQuestion = async (session: Session, insee: string, subject: string, body = 'Pouvez-vous nous aider ?') => {
    const res = await post<ThreadDto>(session, `/communes/${insee}/threads`, { subject, category: 'FUNDING', body });
    expect(res.status).toBe(201);
    return res.body;
  };

  it('finds the right entry in the first three for at least 80 % of the questions typed by mayors (precision@3)', async () => {
    expect(SUGGESTION_PAIRS.length).toBeGreaterThanOrEqual(40);
    const misses: string[] = [];
    let hits = 0;
    for (const pair of SUGGESTION_PAIRS) {
      const expected = ids.get(pair.expected);
      expect(expected).toBeDefined();
      const items = await suggest(mayor, pair.title, pair.body);
      if (items.slice(0, 3).some((s) => s.kind === 'FAQ' && s.id === expected)) {
        hits++;
      } else {
        misses.push(`« ${pair.title} » → ${pair.expected} ; proposé : ${items.map((s) => s.title).join(' | ') || 'rien'}`);
      }
    }
    const precision = hits / SUGGESTION_PAIRS.length;
    console.log(`FAQ suggestions: precision@3 = ${(precision * 100).toFixed(1)} % (${hits}/${SUGGESTION_PAIRS.length})\n${misses.join('\n')}`);
    expect(precision).toBeGreaterThanOrEqual(0.8);
  });

  it('says why each suggestion matched with the words as typed, suggests at most five, and nothing under eight characters', async () => {
    const items = await suggest(mayor, 'Subvension DETR pour la toiture de la mairie');
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
    expect(items[0]).toMatchObject({ kind: 'FAQ', link: `/espace/faq/${items[0].id}` });
    expect(items[0].matchedWords).toEqual(expect.arrayContaining(['DETR']));
    expect(items.flatMap((s) => s.matchedWords).every((w) => 'Subvension DETR pour la toiture de la mairie'.includes(w))).toBe(true);
    expect(await suggest(mayor, 'DETR ?  ')).toEqual([]);
    expect(await suggest(mayor, 'de la et')).toEqual([]);
    expect((await get(mayor, `/faq/suggest?title=${'x'.repeat(201)}`)).status).toBe(400);
    expect((await get(mayor, '/faq/suggest')).status).toBe(400);
  });

  it('never suggests drafts, archived entries, or another département’s local entries', async () => {
    const hidden = new Set(DEMO_FAQ.filter((e) => e.status !== 'PUBLISHED').map((e) => ids.get(e.key)));
    for (const title of ['Restauration de l’église classée, quelles aides ?', 'Dépôt des listes aux municipales 2026', 'Fonds vert 2026 dépôt du dossier']) {
      expect((await suggest(mayor, title)).filter((s) => hidden.has(s.id))).toEqual([]);
    }
    const national = new Set(DEMO_FAQ.filter((e) => e.scope === 'NATIONAL').map((e) => ids.get(e.key)));
    const loiret = await suggest(loiretMayor, 'Seuil des marchés sans publicité ni mise en concurrence');
    expect(loiret.length).toBeGreaterThan(0);
    expect(loiret.every((s) => national.has(s.id))).toBe(true);
    expect(await suggest(loiretMayor, 'Comment déposer un dossier de DETR ?')).toEqual([]);
  });

  it('puts the commune’s own open question first, and never another commune’s or a closed one', async () => {
    const own = await askQuestion(mayor, '95002', 'Réfection de la toiture de l’église : quelles subventions ?');
    const other = await askQuestion(neighbour, '95625', 'Réfection de la toiture de l’église : quelles aides ?');
    const items = await suggest(mayor, 'Subventions pour la toiture de notre église');
    expect(items[0]).toMatchObject({ kind: 'THREAD', id: own.id, link: `/espace/questions/${own.id}` });
    expect(items[0].matchedWords).toEqual(expect.arrayContaining(['toiture', 'église']));
    expect(items.map((s) => s.id)).not.toContain(other.id);

    const closed = await post<ThreadDto>(admin, `/threads/${own.id}/state`, { state: 'CLOSED', version: own.version });
    expect(closed.status).toBe(200);
    expect((await suggest(mayor, 'Subventions pour la toiture de notre église')).map((s) => s.id)).not.toContain(own.id);
  });

  it('suggests entries and answer templates to an agent, the template with its text', async () => {
    const template = await post<{ id: string }>(admin, '/departements/95/answer-templates', {
      title: 'Pièces du dossier de DETR',
      body: 'Joignez la délibération, le plan de financement et les devis HT.',
    });
    expect(template.status).toBe(201);
    const items = await suggest(agent, 'Quelles pièces pour le dossier DETR ?');
    expect(items.find((s) => s.kind === 'TEMPLATE')).toMatchObject({ id: template.body.id, link: null, body: expect.stringContaining('délibération') });
    expect(items.find((s) => s.kind === 'FAQ')?.link).toMatch(/^\/departement\/faq\//);
    expect(items.length).toBeLessThanOrEqual(5);
  });

  it('counts a question avoided once per hour, for the commune’s members only, on what they may see', async () => {
    const entry = ids.get('cimetiere-concessions') as string;
    expect((await post(mayor, '/faq/suggest/avoided', { kind: 'FAQ', id: entry })).status).toBe(204);
    expect((await post(mayor, '/faq/suggest/avoided', { kind: 'FAQ', id: entry })).status).toBe(204);
    const [{ avoided_count }] = await t.db.query(`SELECT avoided_count FROM faq_entry WHERE id = $1`, [entry]);
    expect(avoided_count).toBe(1);
    expect((await get<FaqEntryDto>(agent, `/faq/${entry}`)).body.avoidedCount).toBe(1);

    const theirs = await askQuestion(neighbour, '95625', 'Une question de la commune voisine sur le cimetière');
    expect((await post(mayor, '/faq/suggest/avoided', { kind: 'THREAD', id: theirs.id })).status).toBe(404);
    expect((await post(mayor, '/faq/suggest/avoided', { kind: 'FAQ', id: ids.get('eglise-restauration-patrimoine') })).status).toBe(404);
    expect((await post(loiretMayor, '/faq/suggest/avoided', { kind: 'FAQ', id: ids.get('detr-2027-depot-dossier') })).status).toBe(404);
    expect((await post(agent, '/faq/suggest/avoided', { kind: 'FAQ', id: entry })).status).toBe(403);
    expect((await post(mayor, '/faq/suggest/avoided', { kind: 'PROJECT', id: entry })).status).toBe(400);
  });

  describe('a draft from a question', () => {
    it('takes the question and the public answers, never an internal note, and watches the names and the commune', async () => {
      const thread = await askQuestion(mayor, '95002', 'Concession au cimetière pour un habitant parti', 'Bonjour, Mme Girard souhaite une concession. Joignable au 01 34 66 00 00.');
      expect((await post(agent, `/threads/${thread.id}/faq-draft`)).body.code).toBe('FAQ_THREAD_NOT_ANSWERED');
      await post(agent, `/threads/${thread.id}/messages`, { body: 'Note : le dossier Ableiges est sensible, voir avec le juridique.', internal: true });
      await post(agent, `/threads/${thread.id}/messages`, {
        body: 'Le conseil municipal fixe les tarifs ([Article L2223-15 du CGCT](https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006390382)). Ableiges peut accorder une concession à un ancien habitant.',
      });

      const res = await post<FaqEntryDto>(agent, `/threads/${thread.id}/faq-draft`);
      expect(res.status).toBe(201);
      const draft = res.body;
      expect(draft).toMatchObject({ status: 'DRAFT', title: thread.subject, category: 'FUNDING', scope: 'DEPARTEMENT', visibility: 'COMMUNES', sourceThreadIds: [thread.id] });
      expect(draft.answer).toContain('Le conseil municipal fixe les tarifs');
      expect(draft.answer).toContain('> Bonjour, Mme Girard souhaite une concession.');
      expect(draft.answer).not.toContain('sensible');
      expect(draft.legalReferences).toEqual([{ label: 'Article L2223-15 du CGCT', url: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006390382' }]);
      expect(draft.personalData?.map((m) => [m.kind, m.text])).toEqual([
        ['NAME', 'Mme Girard'],
        ['PHONE', '01 34 66 00 00'],
        ['COMMUNE', 'Ableiges'],
      ]);
      // Asked twice, the same draft; the commune never sees it.
      expect((await post<FaqEntryDto>(agent, `/threads/${thread.id}/faq-draft`)).body.id).toBe(draft.id);
      expect((await get(mayor, `/faq/${draft.id}`)).status).toBe(404);

      const refused = await post<{ personalData: unknown[] }>(agent, `/faq/${draft.id}/review`, { action: 'submit', version: draft.version });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'FAQ_PERSONAL_DATA', personalData: expect.arrayContaining([expect.objectContaining({ kind: 'COMMUNE' })]) });

      const reworded = await t.app.inject({
        method: 'PATCH',
        url: `/api/faq/${draft.id}`,
        headers: agent.headers,
        payload: {
          theme: draft.theme,
          category: draft.category,
          scope: draft.scope,
          visibility: draft.visibility,
          legalReferences: draft.legalReferences,
          validUntil: draft.validUntil,
          version: draft.version,
          title: 'Concession au cimetière pour un ancien habitant',
          answer: 'Le conseil municipal fixe les tarifs. Une commune peut accorder une concession à un ancien habitant.',
        },
      });
      expect(reworded.statusCode).toBe(200);
      const clean = reworded.json<FaqEntryDto>();
      expect(clean.personalData).toEqual([]);
      const submitted = await post<FaqEntryDto>(agent, `/faq/${draft.id}/review`, { action: 'submit', version: clean.version });
      expect(submitted.status).toBe(201);
      const toReview = await get<NotificationPageDto>(admin, '/notifications');
      expect(toReview.body.items.find((n) => n.kind === 'FAQ_TO_REVIEW')).toMatchObject({ link: `/departement/faq/${draft.id}` });

      const published = await post<FaqEntryDto>(admin, `/faq/${draft.id}/review`, { action: 'publish', version: submitted.body.version });
      expect(published.status).toBe(201);
      const told = await get<NotificationPageDto>(mayor, '/notifications');
      expect(told.body.items.find((n) => n.kind === 'FAQ_FROM_QUESTION')).toMatchObject({
        link: `/espace/faq/${draft.id}`,
        title: `Votre question « ${thread.subject} » aide désormais d’autres communes`,
      });
      // The question itself stays private: the public entry does not point to it.
      const read = await get<FaqEntryDto>(mayor, `/faq/${draft.id}`);
      expect(read.body.sourceThreadIds).toBeUndefined();
    });

    it('is for the département’s staff only, on its own questions', async () => {
      const thread = await askQuestion(mayor, '95002', 'Question pour le contrôle des droits');
      expect((await post(mayor, `/threads/${thread.id}/faq-draft`)).status).toBe(403);
      const loiretAgent = await signIn(t.app, await createUser(t.db, { role: 'AGENT', departementCode: '45', totpExempt: true }));
      expect((await post(loiretAgent, `/threads/${thread.id}/faq-draft`)).status).toBe(404);
      expect((await post(agent, '/threads/pas-un-identifiant/faq-draft')).status).toBe(404);
    });
  });

  it('limits suggestions per account, not per address: 429 with Retry-After after 120 a minute', async () => {
    const limited = await startTestApp('valDOise', { RATE_LIMIT: 'true' });
    try {
      const typist = await signIn(limited.app, (await createTeam(limited.db, '95002')).mayor);
      const colleague = await signIn(limited.app, await createUser(limited.db, { role: 'AGENT', totpExempt: true }));
      const url = '/api/faq/suggest?title=Subvention%20pour%20la%20toiture';
      const codes: number[] = [];
      for (let i = 0; i < 121; i++) {
        codes.push((await limited.app.inject({ method: 'GET', url, headers: typist.headers })).statusCode);
      }
      expect(codes.slice(0, 120).every((c) => c === 200)).toBe(true);
      const refused = await limited.app.inject({ method: 'GET', url, headers: typist.headers });
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await limited.app.inject({ method: 'GET', url, headers: colleague.headers })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
