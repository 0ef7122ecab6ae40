import type { DepartementIndicatorsDto } from '@passerelle/shared/dto';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts';
import { DEMO_DEPT_PROJECTS } from '../src/demo/demo-dept-projects';
import { DemoSeeder } from '../src/demo/demo-seeder';
import { signIn } from './factories';
import { type TestApp, startTestApp } from './test-app';

const DAY = 86_400_000;

/** demo/ is wired in the app (main.ts and `cli seed` call it): first start on an empty database, and only then. */
describe('Demo data (DemoModule)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('empty');
  });
  afterAll(() => t.close());

  it('fills an empty database once: the département, the demo accounts and their projects', async () => {
    const seeder = t.app.get(DemoSeeder);
    expect(await seeder.seedOnFirstRun()).toBe(true);
    const accounts: { email: string }[] = await t.db.query(`SELECT email FROM app_user WHERE email = ANY($1::text[])`, [DEMO_ACCOUNTS.map((a) => a.email)]);
    expect(accounts).toHaveLength(DEMO_ACCOUNTS.length);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM project`);
    expect(count).toBeGreaterThan(0);
    expect(await seeder.seedOnFirstRun()).toBe(false);
  }, 120_000);

  it('asks a year of questions in several cantons, each with its messages, its changes of state and its fact', async () => {
    const [year] = await t.db.query(
      `SELECT count(*)::int AS threads, count(DISTINCT c.canton_code)::int AS cantons, count(DISTINCT t.category)::int AS categories,
              extract(epoch FROM now() - min(t.created_at)) * 1000 AS oldest_ms,
              count(*) FILTER (WHERE t.state = 'CLOSED')::int AS closed,
              count(*) FILTER (WHERE t.satisfaction_score IS NOT NULL)::int AS rated,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM thread_message m WHERE m.thread_id = t.id))::int AS without_message,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM thread_search s WHERE s.thread_id = t.id))::int AS without_search,
              (SELECT count(*)::int FROM thread_event e WHERE e.kind = 'STATE_CHANGED' AND e.from_state = 'CLOSED') AS reopenings,
              (SELECT count(*)::int FROM thread_event e WHERE e.kind = 'STATE_CHANGED' AND e.to_state = 'WAITING_COMMUNE') AS pauses
         FROM thread t JOIN commune c ON c.insee = t.commune_insee WHERE t.departement_code = '95'`,
    );
    expect(year.threads).toBeGreaterThanOrEqual(600);
    expect(Number(year.oldest_ms)).toBeGreaterThan(300 * DAY);
    expect(Number(year.oldest_ms)).toBeLessThan(367 * DAY);
    expect(year.cantons).toBeGreaterThanOrEqual(3);
    expect(year.categories).toBe(5);
    expect(year.closed / year.threads).toBeGreaterThan(0.75);
    expect(year.rated).toBeGreaterThan(year.closed / 3);
    expect(year).toMatchObject({ without_message: 0, without_search: 0 });
    expect(year.reopenings).toBeGreaterThan(0);
    expect(year.pauses).toBeGreaterThan(0);
    // The facts exist at once for every thread (the nightly job need not have run), and agree with the threads.
    const [facts] = await t.db.query(
      `SELECT count(*) FILTER (WHERE f.thread_id IS NULL)::int AS missing,
              count(*) FILTER (WHERE f.first_response_at IS DISTINCT FROM t.first_response_at)::int AS other_first_response,
              count(*) FILTER (WHERE f.state <> t.state OR f.closed_at IS DISTINCT FROM t.closed_at)::int AS other_state
         FROM thread t LEFT JOIN thread_fact f ON f.thread_id = t.id`,
    );
    expect(facts).toEqual({ missing: 0, other_first_response: 0, other_state: 0 });
    const [{ rebuilt }] = await t.db.query(`SELECT indicators_rebuilt_at IS NOT NULL AS rebuilt FROM departement WHERE code = '95'`);
    expect(rebuilt).toBe(true);
  });

  it('shows the demo admin a meaningful dashboard: p50 and p90 over the last 30 days, a backlog, several cantons', async () => {
    const admin = await signIn(t.app, { email: 'admin@valdoise.example', password: t.config.demoPassword });
    const res = await t.app.inject({ method: 'GET', url: '/api/departements/95/indicators', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const dashboard = res.json<DepartementIndicatorsDto>();
    const working = dashboard.summary.firstResponse.working;
    expect(working.count).toBeGreaterThanOrEqual(10);
    expect(working.p50Ms).toBeGreaterThan(0);
    expect(working.p90Ms).toBeGreaterThanOrEqual(working.p50Ms as number);
    expect(dashboard.summary.firstResponse.withinTarget.share).toBeGreaterThan(0.5);
    expect(dashboard.summary.opinions.closed).toBeGreaterThan(0);
    expect(dashboard.previous.firstResponse.working.count).toBeGreaterThanOrEqual(10);
    expect(dashboard.backlog.total).toBeGreaterThan(0);
    expect(dashboard.weeks.length).toBeGreaterThanOrEqual(4);
    expect(dashboard.groups.filter((g) => g.key !== null).length).toBeGreaterThanOrEqual(2);
  });

  it('tells five projects of the département, public, with a year of reviewed reports, one waiting in the review queue', async () => {
    const projects = await t.db.query(
      `SELECT p.title, p.status, p.slug, p.progress, p.map_latitude IS NOT NULL AS on_map, p.lead_id IS NOT NULL AS led, a.label AS axis,
              (SELECT count(*)::int FROM dept_project_canton c WHERE c.project_id = p.id) AS cantons,
              (SELECT count(*)::int FROM dept_project_report r WHERE r.project_id = p.id AND r.published IS NOT NULL) AS published,
              (SELECT count(*)::int FROM dept_project_report r WHERE r.project_id = p.id AND r.state = 'AWAITING_REVIEW') AS waiting,
              (SELECT count(*)::int FROM dept_project_report r WHERE r.project_id = p.id AND r.state = 'DRAFT') AS drafts,
              (SELECT (max(r.reported_on) - min(r.reported_on))::int FROM dept_project_report r WHERE r.project_id = p.id) AS span_days,
              (SELECT (r.published ->> 'progress')::int FROM dept_project_report r WHERE r.project_id = p.id AND r.published IS NOT NULL
                ORDER BY r.reported_on DESC LIMIT 1) AS last_published_progress,
              (SELECT count(*)::int FROM dept_project_view_day v WHERE v.project_id = p.id AND v.count > 0) AS view_days
         FROM dept_project p LEFT JOIN programme_axis a ON a.id = p.axis_id
        WHERE p.departement_code = '95' AND p.published_at IS NOT NULL AND p.deleted_at IS NULL
        ORDER BY p.title`,
    );
    expect(projects.map((p: { title: string }) => p.title)).toEqual(DEMO_DEPT_PROJECTS.map((p) => p.title).sort());
    expect(new Set(projects.map((p: { status: string }) => p.status))).toEqual(new Set(['PLANNED', 'IN_PROGRESS', 'COMPLETED']));
    expect(new Set(projects.map((p: { axis: string }) => p.axis)).size).toBeGreaterThanOrEqual(3);
    for (const project of projects) {
      expect(project).toMatchObject({ on_map: true, led: true, slug: expect.stringMatching(/^[a-z0-9-]+$/) });
      expect(project.published).toBeGreaterThanOrEqual(1);
      expect(project.progress).toBe(project.last_published_progress);
      expect(project.view_days).toBeGreaterThan(0);
    }
    const byTitle = (start: string) => projects.find((p: { title: string }) => p.title.startsWith(start));
    expect(byTitle('Scandibérique')).toMatchObject({ cantons: 3, drafts: 1 });
    expect(byTitle('Rénovation énergétique du collège')).toMatchObject({ waiting: 1 });
    expect(byTitle('Rénovation énergétique du collège').span_days).toBeGreaterThan(300);
    expect(byTitle('Fibre optique').cantons).toBeGreaterThanOrEqual(3);
    expect(byTitle('Espace naturel sensible')).toMatchObject({ status: 'PLANNED', published: 1 });
    expect(projects.reduce((n: number, p: { waiting: number }) => n + p.waiting, 0)).toBe(1);
    expect(projects.reduce((n: number, p: { drafts: number }) => n + p.drafts, 0)).toBe(1);
    // The public text of a report follows the shared convention, and never shows what was not reviewed.
    const [report] = await t.db.query(
      `SELECT r.published FROM dept_project_report r JOIN dept_project p ON p.id = r.project_id
        WHERE p.title LIKE 'Sécurisation de la RD 915%' ORDER BY r.reported_on DESC LIMIT 1`,
    );
    expect(report.published).toEqual({
      reportedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      done: expect.any(String),
      difficulties: expect.any(String),
      nextSteps: expect.any(String),
      progress: 100,
      milestonesReached: ['Réception des travaux'],
      photoIds: [],
      videos: [{ url: expect.stringMatching(/^https:\/\/video\.valdoise\.fr\/w\//), title: expect.any(String), host: 'video.valdoise.fr', thumbnailPhotoId: null }],
    });
    const [{ unreviewed }] = await t.db.query(`SELECT count(*)::int AS unreviewed FROM dept_project_report WHERE state <> 'PUBLISHED' AND published IS NOT NULL`);
    expect(unreviewed).toBe(0);
  });
});
