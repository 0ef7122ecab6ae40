import type { DevMailDto, NewsletterConfirmationDto, Page } from '@passerelle/shared/dto';
import { Clock } from '../src/common/clock/clock';
import { MailDispatcher } from '../src/mail/mail-dispatcher';
import { MailTransport } from '../src/mail/mail-transport';
import { NewsletterDigests, latestDigestTime } from '../src/newsletter/newsletter-digests';
import { NewsletterService } from '../src/newsletter/newsletter.service';
import { NewsletterTokens } from '../src/newsletter/newsletter-tokens';
import { type TestApp, startTestApp } from './test-app';

const DAY = 86_400_000;
/** Pontoise (Ableiges, Us) and Vauréal (Vétheuil) cantons. */
const PONTOISE = '95016';
const VAUREAL = '95020';

/** The partners' newsletter: double opt-in that stores nothing before confirmation, digests by scope, one-click unsubscribe. */
describe('Newsletter', () => {
  let t: TestApp;
  let counter = 0;

  beforeAll(async () => {
    t = await startTestApp('valDOise');
  });
  afterAll(() => t.close());

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => t.app.inject(options);
  const address = (name: string) => `${name}-${++counter}@partenaire.example`;
  const subscribe = (email: string, scope: object, frequency = 'WEEKLY', departement = '95') =>
    inject({ method: 'POST', url: '/api/public/newsletter/subscriptions', payload: { departement, email, scope, frequency } });
  const mailsTo = async (email: string): Promise<DevMailDto[]> => {
    await t.app.get(MailDispatcher).drain();
    return (await inject({ method: 'GET', url: '/api/dev/mails?limit=100' })).json<Page<DevMailDto>>().items.filter((m) => m.to === email);
  };
  const confirmationToken = (mail: DevMailDto) => {
    const match = /\/lettre\/confirmation\/([A-Za-z0-9_.-]+)/.exec(mail.text);
    if (!match) {
      throw new Error(`no confirmation link in ${mail.text}`);
    }
    return match[1];
  };
  const rows = async (email: string) =>
    t.db.query<{ id: string; scope_kind: string; canton_code: string | null; frequency: string; last_sent_at: Date | null }[]>(
      `SELECT id, scope_kind, canton_code, frequency, last_sent_at FROM newsletter_subscription WHERE lower(email) = lower($1)`,
      [email],
    );

  it('stores nothing on subscription, mails a signed link, and stores the subscription once it is followed', async () => {
    const email = address('Marie.Dupont');
    const res = await subscribe(email, { kind: 'CANTON', cantonCode: PONTOISE });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'CONFIRMATION_SENT' });
    expect(await t.db.query(`SELECT * FROM newsletter_subscription`)).toEqual([]);

    const [mail] = await mailsTo(email.toLowerCase());
    expect(mail.subject).toBe('Confirmez votre abonnement à la lettre des projets');
    expect(mail.text).toContain('Canton de Pontoise');
    const token = confirmationToken(mail);
    expect(token.length).toBeGreaterThan(100);

    const confirmed = await inject({ method: 'GET', url: `/api/public/newsletter/confirm/${token}` });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json<NewsletterConfirmationDto>()).toEqual({ email: 'ma***@partenaire.example', scopeLabel: 'Canton de Pontoise', frequency: 'WEEKLY', created: true });
    expect(await rows(email)).toEqual([expect.objectContaining({ scope_kind: 'CANTON', canton_code: PONTOISE, frequency: 'WEEKLY', last_sent_at: null })]);

    // Twice: nothing new. A newer link for the same scope changes the frequency of the same row.
    const again = await inject({ method: 'GET', url: `/api/public/newsletter/confirm/${token}` });
    expect(again.json<NewsletterConfirmationDto>().created).toBe(false);
    expect(await rows(email)).toHaveLength(1);
    await subscribe(email, { kind: 'CANTON', cantonCode: PONTOISE }, 'MONTHLY');
    const monthly = (await mailsTo(email.toLowerCase())).find((m) => m.text.includes('chaque mois'));
    expect(monthly).toBeDefined();
    await inject({ method: 'GET', url: `/api/public/newsletter/confirm/${confirmationToken(monthly as DevMailDto)}` });
    expect(await rows(email)).toEqual([expect.objectContaining({ frequency: 'MONTHLY' })]);
  });

  it('answers the same whatever the address, and checks the scope against the département', async () => {
    expect((await subscribe(address('a'), { kind: 'DEPARTEMENT' })).statusCode).toBe(202);
    const bad = [
      await subscribe('pas-une-adresse', { kind: 'DEPARTEMENT' }),
      await subscribe(address('b'), { kind: 'CANTON', cantonCode: '45001' }),
      await subscribe(address('c'), { kind: 'AXIS', axisId: '6f1c1e4e-0000-4000-8000-000000000000' }),
      await subscribe(address('d'), { kind: 'DEPARTEMENT', cantonCode: PONTOISE }),
      await subscribe(address('e'), { kind: 'DEPARTEMENT' }, 'DAILY'),
      await subscribe(address('f'), { kind: 'DEPARTEMENT' }, 'WEEKLY', '45'),
    ];
    for (const res of bad) {
      expect(res.statusCode).toBe(400);
      expect(res.json<{ code: string }>().code).toBe('VALIDATION_FAILED');
    }
    expect(await t.db.query(`SELECT * FROM newsletter_subscription WHERE email LIKE 'a-%'`)).toEqual([]);
  });

  it('refuses a forged link (400) and an expired one (410), in French', async () => {
    const email = address('forger');
    await subscribe(email, { kind: 'DEPARTEMENT' });
    const token = confirmationToken((await mailsTo(email))[0]);
    const [payload, mac] = token.split('.');
    const forgedPayload = Buffer.from(Buffer.from(payload, 'base64url').toString().replace(email, 'victime@exemple.fr')).toString('base64url');
    for (const forged of [`${forgedPayload}.${mac}`, `${payload}.${mac.slice(0, -2)}AA`, 'nimportequoi']) {
      const res = await inject({ method: 'GET', url: `/api/public/newsletter/confirm/${forged}` });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ code: string; message: string }>()).toMatchObject({ code: 'NEWSLETTER_LINK_INVALID', message: expect.stringContaining('lien') });
    }

    const clock = t.app.get(Clock);
    const now = jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + 49 * 3_600_000));
    try {
      const expired = await inject({ method: 'GET', url: `/api/public/newsletter/confirm/${token}` });
      expect(expired.statusCode).toBe(410);
      expect(expired.json<{ code: string; message: string }>()).toMatchObject({ code: 'NEWSLETTER_LINK_EXPIRED', message: expect.stringContaining('expiré') });
    } finally {
      now.mockRestore();
    }
    expect(await rows(email)).toEqual([]);
    // A token signed with another key is forged too.
    const other = new NewsletterTokens('une autre clé').signConfirmation({
      email,
      departementCode: '95',
      scope: { kind: 'DEPARTEMENT' },
      frequency: 'WEEKLY',
      expiresAt: Math.floor(Date.now() / 1000) + 3600,
    });
    expect((await inject({ method: 'GET', url: `/api/public/newsletter/confirm/${other}` })).statusCode).toBe(400);
  });

  describe('digests', () => {
    const digests = () => t.app.get(NewsletterDigests);
    /** Far enough ahead that everything published now falls before the latest Monday 7:30. */
    const nextWeek = () => new Date(Date.now() + 8 * DAY);
    let pontoiseSub: string;
    let vaurealSub: string;
    let axisSub: string;
    let axisId: string;

    const confirmedSubscription = async (email: string, scope: object) => {
      await subscribe(email, scope);
      const token = confirmationToken((await mailsTo(email))[0]);
      expect((await inject({ method: 'GET', url: `/api/public/newsletter/confirm/${token}` })).statusCode).toBe(200);
      // Confirmed a while ago: what is published from now on is news to it.
      await t.db.query(`UPDATE newsletter_subscription SET confirmed_at = now() - interval '1 day' WHERE lower(email) = $1`, [email]);
    };

    /** A commune's project published now (first publication), in the canton of its commune. */
    const publishCommuneProject = async (insee: string, title: string) => {
      const [project] = await t.db.query<{ id: string }[]>(
        `INSERT INTO project (commune_insee, title, theme, status, progress, publication_state) VALUES ($1, $2, 'VOIRIE', 'COMPLETED', 100, 'PUBLISHED') RETURNING id`,
        [insee, title],
      );
      await t.db.query(
        `INSERT INTO project_publication (project_id, slug, departement_code, commune_insee, canton_code, theme, status, snapshot, project_version, published_at, reviewed_at)
         SELECT $1, $2, '95', c.insee, c.canton_code, 'VOIRIE', 'COMPLETED', $3, 1, now(), now() FROM commune c WHERE c.insee = $4`,
        [project.id, `slug-${project.id}`, JSON.stringify({ title, summary: `Résumé de ${title}` }), insee],
      );
    };

    /** A public project of the département in `cantons`, with one report published now. */
    const publishDeptReport = async (title: string, cantons: string[], axis: string | null) => {
      const [project] = await t.db.query<{ id: string }[]>(
        `INSERT INTO dept_project (departement_code, title, theme, status, axis_id, slug, published_at) VALUES ('95', $1, 'MOBILITE', 'IN_PROGRESS', $2, $3, now()) RETURNING id`,
        [title, axis, `dept-${++counter}`],
      );
      await t.db.query(`INSERT INTO dept_project_canton (project_id, canton_code) SELECT $1, unnest($2::text[])`, [project.id, cantons]);
      const published = { reportedOn: '2025-03-01', done: `Travaux de ${title}`, difficulties: '', nextSteps: '', progress: 40, milestonesReached: [], photoIds: [], videos: [] };
      await t.db.query(
        `INSERT INTO dept_project_report (project_id, reported_on, done, progress, state, published, published_at) VALUES ($1, '2025-03-01', $2, 40, 'PUBLISHED', $3, now())`,
        [project.id, published.done, JSON.stringify(published)],
      );
      // A report not reviewed yet is never in a digest.
      await t.db.query(`INSERT INTO dept_project_report (project_id, reported_on, done, progress, state) VALUES ($1, '2025-04-01', 'Brouillon secret', 50, 'AWAITING_REVIEW')`, [
        project.id,
      ]);
    };

    beforeAll(async () => {
      await t.db.query(`DELETE FROM newsletter_subscription`);
      [{ id: axisId }] = await t.db.query<{ id: string }[]>(`INSERT INTO programme_axis (departement_code, label) VALUES ('95', 'Mobilités du quotidien') RETURNING id`);
      const emails = { pontoise: address('pontoise'), vaureal: address('vaureal'), axis: address('axe') };
      await confirmedSubscription(emails.pontoise, { kind: 'CANTON', cantonCode: PONTOISE });
      await confirmedSubscription(emails.vaureal, { kind: 'CANTON', cantonCode: VAUREAL });
      await confirmedSubscription(emails.axis, { kind: 'AXIS', axisId });
      [pontoiseSub, vaurealSub, axisSub] = [emails.pontoise, emails.vaureal, emails.axis];
    });

    it('sends nothing when nothing was published', async () => {
      expect(await digests().send('WEEKLY', nextWeek())).toBe(0);
      expect(await mailsTo(pontoiseSub)).toHaveLength(1);
      await t.db.query(`UPDATE newsletter_subscription SET last_sent_at = NULL`);
    });

    it('gives each subscriber the items of its scope only, once, with a one-click unsubscribe', async () => {
      await publishCommuneProject('95002', 'Chemin piétonnier d’Ableiges'); // Pontoise
      await publishCommuneProject('95651', 'Parvis de l’église de Vétheuil'); // Vauréal
      await publishDeptReport('Véloroute de la vallée de l’Oise', [PONTOISE], axisId);
      await publishDeptReport('Collège du Vexin', [VAUREAL], null);

      const delivered = jest.spyOn(t.app.get(MailTransport), 'deliver');
      const when = nextWeek();
      expect(await digests().send('WEEKLY', when)).toBe(3);
      const [pontoise] = (await mailsTo(pontoiseSub)).filter((m) => m.subject.startsWith('Les projets'));
      expect(pontoise.text).toContain('Chemin piétonnier d’Ableiges');
      expect(pontoise.text).toContain('Véloroute de la vallée de l’Oise');
      expect(pontoise.text).toMatch(/\/projets\/slug-[0-9a-f-]+/);
      expect(pontoise.text).toMatch(/\/projets-du-departement\/dept-\d+/);
      expect(pontoise.text).not.toContain('Vétheuil');
      expect(pontoise.text).not.toContain('Collège du Vexin');
      expect(pontoise.text).not.toContain('Brouillon secret');
      expect(pontoise.html).toContain('Nouveaux projets des communes');

      const [vaureal] = (await mailsTo(vaurealSub)).filter((m) => m.subject.startsWith('Les projets'));
      expect(vaureal.text).toContain('Parvis de l’église de Vétheuil');
      expect(vaureal.text).toContain('Collège du Vexin');
      expect(vaureal.text).not.toContain('Ableiges');

      const [axis] = (await mailsTo(axisSub)).filter((m) => m.subject.startsWith('Les projets'));
      expect(axis.text).toContain('Véloroute de la vallée de l’Oise');
      expect(axis.text).not.toContain('Ableiges');
      expect(axis.text).not.toContain('Collège du Vexin');

      const [subscription] = await rows(pontoiseSub);
      expect(subscription.last_sent_at).toEqual(latestDigestTime('WEEKLY', when));
      // The headers go to the mail server (the outbox forgets them once sent).
      const headers = delivered.mock.calls.map(([m]) => m).find((m) => m.to === pontoiseSub)?.headers;
      delivered.mockRestore();
      const token = t.app.get(NewsletterService).tokens.signUnsubscribe(subscription.id);
      expect(headers).toEqual({
        'List-Unsubscribe': `<${t.config.publicUrl}/api/public/newsletter/unsubscribe/${token}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      });
      expect(pontoise.text).toContain(`/lettre/desabonnement/${token}`);

      // The same run again, or a monthly run: nothing more.
      expect(await digests().send('WEEKLY', when)).toBe(0);
      expect(await digests().send('MONTHLY', when)).toBe(0);
      expect((await mailsTo(pontoiseSub)).filter((m) => m.subject.startsWith('Les projets'))).toHaveLength(1);
    });

    it('unsubscribes in one click, as a mail client posts it, and again without error', async () => {
      const [subscription] = await rows(pontoiseSub);
      const token = t.app.get(NewsletterService).tokens.signUnsubscribe(subscription.id);
      const url = `/api/public/newsletter/unsubscribe/${token}`;
      const oneClick = await inject({ method: 'POST', url, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(oneClick.statusCode).toBe(204);
      expect(await rows(pontoiseSub)).toEqual([]);
      expect((await inject({ method: 'POST', url })).statusCode).toBe(204);
      // Forged: refused, and the other rows stay.
      const forged = await inject({ method: 'POST', url: `/api/public/newsletter/unsubscribe/${(await rows(vaurealSub))[0].id}.AAAA` });
      expect(forged.statusCode).toBe(400);
      expect(await rows(vaurealSub)).toHaveLength(1);
      // Forms are accepted on that route only.
      const form = await inject({ method: 'POST', url: '/api/auth/login', payload: 'email=a@b.fr', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(form.statusCode).toBe(415);
    });
  });
});
