import type { FaqEntryDto, FaqEntryInput, Page, FaqEntrySummaryDto } from '@passerelle/shared/dto';
import { type Session, createTeam, createUser, openWorkspace, signIn } from './factories';
import { FaqService } from '../src/faq/faq.service';
import { type TestApp, startTestApp } from './test-app';

const ENTRY: FaqEntryInput = {
  title: 'Quand déposer un dossier de DETR ?',
  answer: 'Le dossier est déposé en **préfecture** avant la date de l’appel à projets.',
  theme: 'BATIMENTS_COMMUNAUX',
  category: 'FUNDING',
  scope: 'DEPARTEMENT',
  visibility: 'COMMUNES',
  legalReferences: [{ label: 'Article R2334-27 du CGCT', url: null }],
  validUntil: null,
};

describe('FAQ (entries and their review)', () => {
  let t: TestApp;
  let author: Session;
  let colleague: Session;
  let mayor: Session;
  let loiretAgent: Session;
  let loiretMayor: Session;

  beforeAll(async () => {
    t = await startTestApp('valDOise');
    await t.db.query(`INSERT INTO departement (code, name) VALUES ('45', 'Loiret') ON CONFLICT DO NOTHING`);
    author = await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true }));
    colleague = await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true }));
    mayor = await signIn(t.app, (await createTeam(t.db, '95002')).mayor);
    loiretAgent = await signIn(t.app, await createUser(t.db, { role: 'AGENT', departementCode: '45', totpExempt: true }));
    await t.db.query(`INSERT INTO commune (insee, name, departement_code, population, eligible) VALUES ('45001', 'Adon', '45', 220, true)`);
    await openWorkspace(t.db, '45001');
    loiretMayor = await signIn(t.app, await createUser(t.db, { role: 'MAYOR', communeInsee: '45001', departementCode: '45' }));
  });
  afterAll(() => t.close());

  const call = async <T>(session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url: `/api${url}`, headers: session.headers, payload });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as T & { code?: string } };
  };
  const create = async (input: Partial<FaqEntryInput> = {}) => {
    const res = await call<FaqEntryDto>(author, 'POST', '/faq', { ...ENTRY, ...input });
    expect(res.status).toBe(201);
    return res.body;
  };
  const review = (session: Session, entry: { id: string; version: number }, action: string, reason?: string) =>
    call<FaqEntryDto>(session, 'POST', `/faq/${entry.id}/review`, { action, version: entry.version, reason });

  it('goes from draft to review to published, read by another agent, never by its author alone', async () => {
    const draft = await create();
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1, departementName: "Val-d'Oise", canReview: false });
    const submitted = await review(author, draft, 'submit');
    expect(submitted.body.status).toBe('IN_REVIEW');

    const own = await review(author, submitted.body, 'publish');
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('FAQ_OWN_ENTRY');

    const published = await review(colleague, submitted.body, 'publish');
    expect(published.status).toBe(201);
    expect(published.body.status).toBe('PUBLISHED');
    expect((await call<FaqEntryDto>(mayor, 'GET', `/faq/${draft.id}`)).body.title).toBe(ENTRY.title);
  });

  it('keeps drafts and entries in review from the communes', async () => {
    const draft = await create({ title: 'Brouillon que les communes ne voient pas' });
    expect((await call(mayor, 'GET', `/faq/${draft.id}`)).status).toBe(404);
    const list = await call<Page<FaqEntrySummaryDto>>(mayor, 'GET', '/faq?status=DRAFT');
    expect(list.body.items.map((e) => e.id)).not.toContain(draft.id);
  });

  it('keeps a département’s own entries to it, and shares its national rules read-only', async () => {
    const local = await create({ title: 'Aide départementale aux communes rurales' });
    const national = await create({ title: 'Part minimale du maître d’ouvrage (20 %)', scope: 'NATIONAL' });
    for (const entry of [local, national]) {
      const submitted = (await review(author, entry, 'submit')).body;
      expect((await review(colleague, submitted, 'publish')).status).toBe(201);
    }
    expect((await call(loiretMayor, 'GET', `/faq/${local.id}`)).status).toBe(404);
    expect((await call<FaqEntryDto>(loiretMayor, 'GET', `/faq/${national.id}`)).body).toMatchObject({ scope: 'NATIONAL', departementName: "Val-d'Oise" });
    // Another département reads a national rule but cannot change it.
    const current = (await call<FaqEntryDto>(loiretAgent, 'GET', `/faq/${national.id}`)).body;
    expect(current.canEdit).toBe(false);
    expect((await call(loiretAgent, 'PATCH', `/faq/${national.id}`, { ...ENTRY, version: current.version })).status).toBe(404);
  });

  it('asks a reason to send an entry back, and refuses a stale version', async () => {
    const submitted = (await review(author, await create({ title: 'Seuils des marchés publics' }), 'submit')).body;
    const noReason = await review(colleague, submitted, 'reject', '  ');
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('FAQ_REASON_REQUIRED');
    const rejected = await review(colleague, submitted, 'reject', 'Citer l’article R2122-8.');
    expect(rejected.body).toMatchObject({ status: 'DRAFT', reviewComment: 'Citer l’article R2122-8.' });
    const stale = await review(author, submitted, 'submit');
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('FAQ_VERSION_CONFLICT');
  });

  it('sends a published entry back to review when its text changes, keeping every version', async () => {
    const submitted = (await review(author, await create({ title: 'Reprise des concessions abandonnées' }), 'submit')).body;
    const published = (await review(colleague, submitted, 'publish')).body;
    const edited = await call<FaqEntryDto>(author, 'PATCH', `/faq/${published.id}`, { ...ENTRY, title: 'Reprise des concessions funéraires abandonnées', version: published.version });
    expect(edited.status).toBe(200);
    expect(edited.body.status).toBe('IN_REVIEW');
    expect(edited.body.revisions?.map((r) => r.version)).toEqual([edited.body.version - 1, 1]);
    expect((await call(mayor, 'GET', `/faq/${published.id}`)).status).toBe(404);
  });

  it('refuses entries from communes, and bad input with French messages', async () => {
    expect((await call(mayor, 'POST', '/faq', ENTRY)).status).toBe(403);
    const bad = await call<{ errors: Record<string, string> }>(author, 'POST', '/faq', { ...ENTRY, title: 'Court', legalReferences: [{ label: 'x', url: 'javascript:alert(1)' }] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(expect.arrayContaining(['title', 'legalReferences.0.label', 'legalReferences.0.url']));
  });

  it('shows the public its public published entries only, and another département nothing of them but national rules', async () => {
    const publish = async (input: Partial<FaqEntryInput>) => {
      const submitted = (await review(author, await create(input), 'submit')).body;
      return (await review(colleague, submitted, 'publish')).body;
    };
    const open = await publish({ title: 'Comment inscrire un électeur sur la liste ?', visibility: 'PUBLIC' });
    const communesOnly = await publish({ title: 'Comment signaler un chemin rural dégradé ?', visibility: 'COMMUNES' });
    const nationalRule = await publish({ title: 'Quel seuil pour un marché sans publicité ?', visibility: 'PUBLIC', scope: 'NATIONAL' });
    const draft = await create({ title: 'Brouillon public jamais publié', visibility: 'PUBLIC' });

    const anonymous = (url: string) => t.app.inject({ method: 'GET', url: `/api/public/faq${url}` });
    const listed = (await anonymous('?departement=95&limit=100')).json<Page<FaqEntrySummaryDto>>().items.map((e) => e.id);
    expect(listed).toEqual(expect.arrayContaining([open.id, nationalRule.id]));
    expect(listed).not.toContain(communesOnly.id);
    expect(listed).not.toContain(draft.id);
    for (const hidden of [communesOnly.id, draft.id, 'not-a-uuid']) {
      expect((await anonymous(`/${hidden}?departement=95`)).statusCode).toBe(404);
    }
    const loiret = (await anonymous('?departement=45&limit=100')).json<Page<FaqEntrySummaryDto>>().items.map((e) => e.id);
    expect(loiret).toContain(nationalRule.id);
    expect(loiret).not.toContain(open.id);
    expect((await anonymous(`/${open.id}?departement=45`)).statusCode).toBe(404);
    expect((await anonymous(`/${open.id}?departement=95`)).json<FaqEntryDto>()).not.toHaveProperty('authorName');
  });

  it('counts each reader’s « aidé ? » once, a change of mind moving the counters, and the communes’ readings', async () => {
    const submitted = (await review(author, await create({ title: 'Qui contacter pour une aide départementale ?' }), 'submit')).body;
    const entry = (await review(colleague, submitted, 'publish')).body;
    const vote = (helpful: boolean) => call(mayor, 'POST', `/faq/${entry.id}/feedback`, { helpful });
    expect((await vote(true)).status).toBe(204);
    await vote(true);
    let read = (await call<FaqEntryDto>(colleague, 'GET', `/faq/${entry.id}`)).body;
    expect([read.helpfulYes, read.helpfulNo]).toEqual([1, 0]);
    await vote(false);
    read = (await call<FaqEntryDto>(colleague, 'GET', `/faq/${entry.id}`)).body;
    expect([read.helpfulYes, read.helpfulNo]).toEqual([0, 1]);
    // Readings count for the communes (twice here), not the agents' own (above) nor the votes.
    await call(mayor, 'GET', `/faq/${entry.id}`);
    await call(mayor, 'GET', `/faq/${entry.id}`);
    expect((await call<FaqEntryDto>(colleague, 'GET', `/faq/${entry.id}`)).body.views).toBe(2);
    const draft = await create({ title: 'Un brouillon ne reçoit pas d’avis' });
    expect((await call(author, 'POST', `/faq/${draft.id}/feedback`, { helpful: true })).status).toBe(409);
    // Each reader finds their own answer again; another reader has none.
    expect((await call<FaqEntryDto>(mayor, 'GET', `/faq/${entry.id}`)).body.myFeedback).toBe(false);
    expect((await call<FaqEntryDto>(colleague, 'GET', `/faq/${entry.id}`)).body.myFeedback).toBeNull();
  });

  it('renders the answer as messages are, and gives the review queue its order, authors and who may review', async () => {
    const entry = await create({ title: 'Réponse avec une image et du HTML', answer: 'Voir **ceci** ![pixel](https://tracker.example/p.png) <script>alert(1)</script>' });
    expect(entry.answerHtml).toContain('<strong>ceci</strong>');
    expect(entry.answerHtml).not.toMatch(/<img|<script/);
    const first = (await review(author, await create({ title: 'Première réponse soumise à relire' }), 'submit')).body;
    const second = (await review(author, await create({ title: 'Seconde réponse soumise à relire' }), 'submit')).body;
    const queue = (await call<Page<FaqEntrySummaryDto>>(colleague, 'GET', '/faq?status=IN_REVIEW&sort=OLDEST&limit=100')).body.items;
    const ids = queue.map((e) => e.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(queue.find((e) => e.id === first.id)).toMatchObject({ authorName: expect.any(String), canReview: true });
    const own = (await call<Page<FaqEntrySummaryDto>>(author, 'GET', '/faq?status=IN_REVIEW&sort=OLDEST&limit=100')).body.items;
    expect(own.find((e) => e.id === first.id)?.canReview).toBe(false);
    const communes = (await call<Page<FaqEntrySummaryDto>>(mayor, 'GET', '/faq?limit=100')).body.items;
    expect(communes.every((e) => e.authorName === undefined && e.canReview === undefined)).toBe(true);
    expect((await call(colleague, 'GET', '/faq?sort=RANDOM')).status).toBe(400);
  });

  it('sends back to review, each night, the published entries past their date, and those citing a reference marked as changed', async () => {
    const publish = async (input: Partial<FaqEntryInput>) => {
      const submitted = (await review(author, await create(input), 'submit')).body;
      return (await review(colleague, submitted, 'publish')).body;
    };
    const expired = await publish({ title: 'Appel à projets DETR 2026 : les dates', validUntil: '2026-01-31' });
    const current = await publish({ title: 'Appel à projets DETR 2099 : les dates', validUntil: '2099-01-31' });
    expect(await t.app.get(FaqService).expireEntries()).toBeGreaterThanOrEqual(1);
    const read = async (id: string) => (await call<FaqEntryDto>(colleague, 'GET', `/faq/${id}`)).body;
    expect((await read(expired.id)).status).toBe('IN_REVIEW');
    expect((await read(current.id)).status).toBe('PUBLISHED');

    const citing = await publish({ title: 'Taux de la DETR et plafond des aides', legalReferences: [{ label: 'Article R2334-27 du CGCT', url: null }] });
    const sameArticle = await publish({ title: 'Cumul des dotations de l’État', legalReferences: [{ label: '  article  r2334-27 du cgct', url: null }] });
    const other = await publish({ title: 'Seuils de procédure des marchés', legalReferences: [{ label: 'Article R2122-8 du code de la commande publique', url: null }] });
    const marked = await call<{ entries: number }>(colleague, 'POST', '/faq/references/changed', { label: 'Article R2334-27 du CGCT' });
    expect(marked.status).toBe(200);
    expect(marked.body.entries).toBeGreaterThanOrEqual(2);
    expect([(await read(citing.id)).status, (await read(sameArticle.id)).status, (await read(other.id)).status]).toEqual(['IN_REVIEW', 'IN_REVIEW', 'PUBLISHED']);
    // Another département's agents cannot send this département's entries back.
    const before = await read(other.id);
    await call(loiretAgent, 'POST', '/faq/references/changed', { label: 'Article R2122-8 du code de la commande publique' });
    expect((await read(other.id)).version).toBe(before.version);
  });
});
