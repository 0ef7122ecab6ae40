import type { ApiError, DepartementIndicatorsDto, IndicatorThreadRow, PublicIndicatorsDto, ThreadDto } from '@passerelle/shared/dto';
import { parisInstant } from '../src/common/calendar/working-calendar';
import { Clock } from '../src/common/clock/clock';
import { ThreadFactsService } from '../src/indicators/thread-facts.service';
import { type Session, createTeam, createUser, signIn } from './factories';
import { type TestApp, startTestApp } from './test-app';

const HOUR = 3_600_000;

/** A Paris wall-clock time. */
function paris(day: string, time: string): Date {
  const [h, m] = time.split(':').map(Number);
  return new Date(parisInstant(day, h * 60 + m));
}

interface Fixture {
  insee: string;
  createdAt: Date;
  /** The département's first public answer. */
  answeredAt?: Date;
  answeredBy?: string;
  /** Changes of state, in order. */
  changes?: [Date, string, string][];
  state?: string;
  satisfaction?: number;
  effort?: number;
}

/**
 * The figures of a fixture computed by hand, with the default office hours (9:00–12:30, 13:30–17:30, 7 h 30 a day)
 * and the Val-d'Oise's 5-working-day target (37 h 30 of office time).
 */
describe('Indicators of the département', () => {
  let t: TestApp;
  let admin: Session;
  let agentA: Session;
  let agentB: Session;
  let agentAId: string;
  let agentBId: string;
  let mayor: Session;
  let big: string[];
  let small: string[];

  const get = async <T>(session: Session | null, url: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api${url}`, headers: session?.headers ?? {} });
    return { status: res.statusCode, body: (res.headers['content-type']?.toString().includes('json') ? res.json() : res.body) as T & Partial<ApiError>, headers: res.headers };
  };

  async function insert(fixture: Fixture): Promise<string> {
    const state = fixture.state ?? (fixture.answeredAt ? 'ANSWERED' : 'NEW');
    const closedAt = state === 'CLOSED' ? fixture.changes?.filter((c) => c[2] === 'CLOSED').at(-1)?.[0] : null;
    const waitingSince = state === 'WAITING_COMMUNE' ? fixture.changes?.filter((c) => c[2] === 'WAITING_COMMUNE').at(-1)?.[0] : null;
    const [{ id }] = await t.db.query(
      `INSERT INTO thread (commune_insee, departement_code, subject, category, state, created_at, closed_at, waiting_since,
                           first_response_at, satisfaction_score, satisfaction_at, effort_score)
       VALUES ($1, '95', 'Question du jeu d’essai', 'FUNDING', $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [fixture.insee, state, fixture.createdAt, closedAt ?? null, waitingSince ?? null, fixture.answeredAt ?? null, fixture.satisfaction ?? null, fixture.satisfaction ? closedAt : null, fixture.effort ?? null],
    );
    await t.db.query(`INSERT INTO thread_message (thread_id, author_side, body, created_at) VALUES ($1, 'COMMUNE', 'Bonjour', $2)`, [id, fixture.createdAt]);
    if (fixture.answeredAt) {
      // An internal note before the answer is never a response.
      await t.db.query(`INSERT INTO thread_message (thread_id, author_id, author_side, body, internal, created_at) VALUES ($1, $2, 'DEPARTEMENT', 'Note', true, $3)`, [
        id,
        fixture.answeredBy,
        fixture.createdAt,
      ]);
      await t.db.query(`INSERT INTO thread_message (thread_id, author_id, author_side, body, created_at) VALUES ($1, $2, 'DEPARTEMENT', 'Réponse', $3)`, [
        id,
        fixture.answeredBy,
        fixture.answeredAt,
      ]);
    }
    for (const [at, from, to] of fixture.changes ?? []) {
      await t.db.query(`INSERT INTO thread_event (thread_id, at, kind, from_state, to_state) VALUES ($1, $2, 'STATE_CHANGED', $3, $4)`, [id, at, from, to]);
    }
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp('valDOise');
    const agentAUser = await createUser(t.db, { role: 'AGENT', totpExempt: true });
    const agentBUser = await createUser(t.db, { role: 'AGENT', totpExempt: true });
    agentAId = agentAUser.id;
    agentBId = agentBUser.id;
    admin = await signIn(t.app, await createUser(t.db, { role: 'ADMIN', totpExempt: true }));
    agentA = await signIn(t.app, agentAUser);
    agentB = await signIn(t.app, agentBUser);
    mayor = await signIn(t.app, (await createTeam(t.db, '95002')).mayor);
    // Two cantons with at least three communes each: a big one (six questions) and a small one (four).
    const cantons: { canton_code: string; communes: string[] }[] = await t.db.query(
      `SELECT canton_code, array_agg(insee ORDER BY insee) AS communes FROM commune WHERE departement_code = '95' AND canton_code IS NOT NULL
        GROUP BY canton_code HAVING count(*) >= 3 ORDER BY canton_code LIMIT 2`,
    );
    big = cantons[0].communes;
    small = cantons[1].communes;
    const [x] = big;

    // Period A, 1–15 March 2026.
    // T1: Monday 10:00 → answered 11:00 (1 h); closed Tuesday 10:00 (resolution 6 h 30 + 1 h = 7 h 30); rated 5, effort 6.
    await insert({
      insee: x,
      createdAt: paris('2026-03-02', '10:00'),
      answeredAt: paris('2026-03-02', '11:00'),
      answeredBy: agentAId,
      changes: [
        [paris('2026-03-02', '11:00'), 'NEW', 'ANSWERED'],
        [paris('2026-03-03', '10:00'), 'ANSWERED', 'CLOSED'],
      ],
      state: 'CLOSED',
      satisfaction: 5,
      effort: 6,
    });
    // T2: Friday 17:00 → Monday 10:00: 30 min + 1 h = 1 h 30 of office time, 65 h elapsed.
    await insert({ insee: x, createdAt: paris('2026-03-06', '17:00'), answeredAt: paris('2026-03-09', '10:00'), answeredBy: agentAId });
    // T4: Monday 9:00, waiting for the commune 10:00–14:00, answered Tuesday 9:00: 7 h 30 − 3 h = 4 h 30.
    await insert({
      insee: x,
      createdAt: paris('2026-03-02', '09:00'),
      answeredAt: paris('2026-03-03', '09:00'),
      answeredBy: agentBId,
      changes: [
        [paris('2026-03-02', '10:00'), 'NEW', 'WAITING_COMMUNE'],
        [paris('2026-03-02', '14:00'), 'WAITING_COMMUNE', 'OPEN'],
        [paris('2026-03-03', '09:00'), 'OPEN', 'ANSWERED'],
      ],
    });
    // T5: Monday 2 → Tuesday 10 March 9:00: six working days, 45 h, past the target; closed, reopened, closed again.
    await insert({
      insee: x,
      createdAt: paris('2026-03-02', '09:00'),
      answeredAt: paris('2026-03-10', '09:00'),
      answeredBy: agentAId,
      changes: [
        [paris('2026-03-10', '09:00'), 'NEW', 'ANSWERED'],
        [paris('2026-03-11', '10:00'), 'ANSWERED', 'CLOSED'],
        [paris('2026-03-12', '10:00'), 'CLOSED', 'OPEN'],
        [paris('2026-03-13', '10:00'), 'OPEN', 'CLOSED'],
      ],
      state: 'CLOSED',
    });
    // Backlog, seen on Monday 16 March at 10:00. T6: asked Monday 9 March 9:00, five days and one hour: late.
    await insert({ insee: x, createdAt: paris('2026-03-09', '09:00') });
    // T7: asked Friday 13 March 17:00, waiting for the commune since 17:15: 15 minutes old.
    await insert({
      insee: x,
      createdAt: paris('2026-03-13', '17:00'),
      changes: [[paris('2026-03-13', '17:15'), 'NEW', 'WAITING_COMMUNE']],
      state: 'WAITING_COMMUNE',
    });

    // T3, period B: Thursday 30 April 17:00 → Monday 4 May 9:30, Friday 1 May being a holiday: 1 h.
    await insert({ insee: x, createdAt: paris('2026-04-30', '17:00'), answeredAt: paris('2026-05-04', '09:30'), answeredBy: agentBId });

    // Period C, 23–29 March: ten questions asked Monday 9:00, answered after 1 to 10 hours of office time; six in the
    // big canton, four in the small one.
    const answers: [string, string][] = [
      ['2026-03-23', '10:00'],
      ['2026-03-23', '11:00'],
      ['2026-03-23', '12:00'],
      ['2026-03-23', '14:00'],
      ['2026-03-23', '15:00'],
      ['2026-03-23', '16:00'],
      ['2026-03-23', '17:00'],
      ['2026-03-24', '09:30'],
      ['2026-03-24', '10:30'],
      ['2026-03-24', '11:30'],
    ];
    for (const [i, [day, time]] of answers.entries()) {
      await insert({
        insee: i < 6 ? big[i % big.length] : small[i % small.length],
        createdAt: paris('2026-03-23', '09:00'),
        answeredAt: paris(day, time),
        answeredBy: i % 2 === 0 ? agentAId : agentBId,
      });
    }

    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(paris('2026-03-16', '10:00'));
    await t.app.get(ThreadFactsService).rebuild({ departementCode: '95', since: null });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  it('measures first responses in office time, pauses, weekends and holidays excluded, and shows no percentile under 10 cases', async () => {
    const a = await get<DepartementIndicatorsDto>(admin, '/departements/95/indicators?from=2026-03-01&to=2026-03-15');
    expect(a.status).toBe(200);
    expect(a.body.summary.firstResponse).toEqual({
      working: { count: 4, p50Ms: null, p90Ms: null },
      elapsed: { count: 4, p50Ms: null, p90Ms: null },
      withinTarget: { count: 4, share: 0.75 },
      targetDays: 5,
    });
    const drilled = await get<IndicatorThreadRow[]>(admin, '/departements/95/indicators/threads?from=2026-03-01&to=2026-03-15&figure=firstResponse');
    expect(drilled.body.map((r) => r.firstResponseWorkingMs).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual([1 * HOUR, 1.5 * HOUR, 4.5 * HOUR, 45 * HOUR]);
    const late = await get<IndicatorThreadRow[]>(admin, '/departements/95/indicators/threads?from=2026-03-01&to=2026-03-15&figure=late');
    expect(late.body.map((r) => r.firstResponseWorkingMs)).toEqual([45 * HOUR]);

    const b = await get<DepartementIndicatorsDto>(admin, '/departements/95/indicators?from=2026-04-27&to=2026-05-08');
    const holiday = await get<IndicatorThreadRow[]>(admin, '/departements/95/indicators/threads?from=2026-04-27&to=2026-05-08&figure=firstResponse');
    expect(b.body.summary.firstResponse.withinTarget).toEqual({ count: 1, share: 1 });
    expect(holiday.body.map((r) => r.firstResponseWorkingMs)).toEqual([HOUR]);
  });

  it('computes the median and the 90th percentile in PostgreSQL over ten cases', async () => {
    const c = await get<DepartementIndicatorsDto>(admin, '/departements/95/indicators?from=2026-03-23&to=2026-03-29&groupBy=canton');
    // 1…10 hours: p50 = 5 h 30, p90 = 9 h + 0.1 × 1 h = 9 h 06.
    expect(c.body.summary.firstResponse.working).toEqual({ count: 10, p50Ms: 5.5 * HOUR, p90Ms: 9.1 * HOUR });
    // The small canton (four questions) is merged into « autres », computed on its own four questions.
    expect(c.body.groups.map((g) => [g.key, g.summary.firstResponse.working.count])).toEqual([
      [expect.any(String), 6],
      [null, 4],
    ]);
    expect(c.body.groups[1]).toMatchObject({ label: 'Autres cantons', summary: { firstResponse: { working: { p50Ms: null } } } });
  });

  it('counts closings, reopenings, opinions and the backlog by working age', async () => {
    const a = await get<DepartementIndicatorsDto>(admin, '/departements/95/indicators?from=2026-03-01&to=2026-03-15');
    expect(a.body.summary.reopenRate).toEqual({ count: 2, share: 0.5 });
    expect(a.body.summary.resolution.count).toBe(2);
    expect(a.body.summary.opinions).toEqual({
      closed: 2,
      satisfaction: { count: 1, average: 5, responseRate: 0.5 },
      effort: { count: 1, average: 6, responseRate: 0.5 },
    });
    const weeks = Object.fromEntries(a.body.weeks.map((w) => [w.week, w]));
    expect(weeks['2026-03-09']).toEqual({ week: '2026-03-09', created: 2, answered: 2, closed: 2, reopened: 1 });
    // Monday 16 March 10:00: T6 is 5 days and 1 hour old (late), T7 15 minutes (its pause still running).
    expect(a.body.backlog).toEqual({
      total: 2,
      late: 1,
      bands: [
        { band: 'UNDER_2', count: 1 },
        { band: 'FROM_2_TO_5', count: 0 },
        { band: 'FROM_5_TO_10', count: 1 },
        { band: 'OVER_10', count: 0 },
      ],
    });
    expect(a.body.previousPeriod).toEqual({ from: '2026-02-14', to: '2026-02-28' });
    // Behind the opinions: the closed questions that have one, with it.
    const rated = await get<IndicatorThreadRow[]>(admin, '/departements/95/indicators/threads?from=2026-03-01&to=2026-03-15&figure=satisfaction');
    expect(rated.body.map((r) => [r.satisfactionScore, r.effortScore])).toEqual([[5, 6]]);
    const effort = await get<IndicatorThreadRow[]>(admin, '/departements/95/indicators/threads?from=2026-03-01&to=2026-03-15&figure=effort');
    expect(effort.body).toHaveLength(1);
  });

  it('shows an agent their own row only, an admin every agent’s; the CSV names nobody unless an admin asks', async () => {
    const url = '/departements/95/indicators?from=2026-03-23&to=2026-03-29&groupBy=agent';
    const forAdmin = await get<DepartementIndicatorsDto>(admin, url);
    expect(forAdmin.body.groups.map((g) => g.key).sort()).toEqual([agentAId, agentBId].sort());
    const forA = await get<DepartementIndicatorsDto>(agentA, url);
    expect(forA.body.groups.map((g) => [g.key, g.summary.firstResponse.working.count])).toEqual([[agentAId, 5]]);
    const csvA = await get<string>(agentA, '/departements/95/indicators.csv?from=2026-03-23&to=2026-03-29&level=agent&names=true');
    expect(csvA.status).toBe(200);
    expect(csvA.headers['content-type']).toContain('text/csv');
    const lines = csvA.body.split('\r\n');
    expect(lines[0].startsWith('\ufeff# Indicateurs')).toBe(true);
    const rows = lines.filter((l) => l.startsWith('Agent '));
    expect(rows).toHaveLength(1);
    const adminCsv = await get<string>(admin, '/departements/95/indicators.csv?from=2026-03-23&to=2026-03-29&level=thread');
    const header = adminCsv.body.split('\r\n').find((l) => l.startsWith('question;'));
    expect(header).toContain('premiere_reponse_heures_ouvrees');
    // 24 h 30 elapsed (Monday 9:00 → Tuesday 9:30) as a French number; agents as codes.
    expect(adminCsv.body).toMatch(/;24,5;/);
    expect(adminCsv.body).not.toContain('Test AGENT');
    const named = await get<string>(admin, '/departements/95/indicators.csv?from=2026-03-23&to=2026-03-29&level=thread&names=true');
    expect(named.body).toContain('Test AGENT');
  });

  it('keeps the indicators to the département’s staff, and publishes its figures without agents or communes', async () => {
    expect((await get(mayor, '/departements/95/indicators')).status).toBe(403);
    expect((await get(null, '/departements/95/indicators')).status).toBe(401);
    expect((await get(agentB, '/departements/45/indicators')).status).toBe(404);
    expect((await get(admin, '/departements/95/indicators?from=2026-03-10&to=2026-03-01')).status).toBe(400);
    expect((await get(admin, '/departements/95/indicators?groupBy=commune')).status).toBe(400);
    expect((await get(admin, '/departements/95/indicators?from=2020-01-01&to=2026-03-01')).status).toBe(400);

    const open = await get<PublicIndicatorsDto>(null, '/public/indicators?departement=95');
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ departementCode: '95', period: { from: '2026-02-15', to: '2026-03-16' }, licence: expect.stringContaining('Licence Ouverte') });
    expect(JSON.stringify(open.body)).not.toContain(agentAId);
    // The office hours, so that the public page counts working time in working days as the département does.
    expect(open.body.officeHours).toEqual([
      { start: '09:00', end: '12:30' },
      { start: '13:30', end: '17:30' },
    ]);
    const csv = await get<string>(null, '/public/indicators.csv?departement=95');
    expect(csv.body).toContain('part_dans_objectif;0,75;4;');
  });

  it('keeps a question’s fact in the transaction of each change', async () => {
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(paris('2026-03-17', '10:00'));
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/communes/95002/threads',
      headers: mayor.headers,
      payload: { subject: 'Subvention pour la cour', category: 'FUNDING', body: 'Bonjour' },
    });
    const thread = asked.json<ThreadDto>();
    const fact = async () => (await t.db.query(`SELECT first_response_working_ms, state, first_responder_id FROM thread_fact WHERE thread_id = $1`, [thread.id]))[0];
    expect(await fact()).toEqual({ first_response_working_ms: null, state: 'NEW', first_responder_id: null });
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(paris('2026-03-17', '14:30'));
    await t.app.inject({ method: 'POST', url: `/api/threads/${thread.id}/messages`, headers: agentB.headers, payload: { body: 'Voici la réponse.' } });
    // 10:00 → 14:30: 2 h 30 of morning and 1 h of afternoon.
    expect(await fact()).toEqual({ first_response_working_ms: String(3.5 * HOUR), state: 'ANSWERED', first_responder_id: agentBId });
  });

  it('reuses its computed figures only while nothing they depend on changed', async () => {
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(paris('2026-03-20', '10:00'));
    const url = '/departements/95/indicators?from=2026-03-18&to=2026-03-20&groupBy=label';
    const before = await get<DepartementIndicatorsDto>(admin, url);
    expect(before.body.summary.created).toBe(0);
    expect(before.body.backlog.total).toBe(2);

    // A change made behind the application's back (no stamp raised) is not seen: the figures are reused.
    await t.db.query(`UPDATE thread_fact SET created_at = $1 WHERE thread_id = (SELECT thread_id FROM thread_fact ORDER BY created_at LIMIT 1)`, [paris('2026-03-18', '09:00')]);
    expect((await get<DepartementIndicatorsDto>(admin, url)).body.summary.created).toBe(0);

    // A question asked through the application is counted at once, by every figure.
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/communes/95002/threads',
      headers: mayor.headers,
      payload: { subject: 'Une question de plus', category: 'FUNDING', body: 'Bonjour' },
    });
    expect(asked.statusCode).toBe(201);
    const after = await get<DepartementIndicatorsDto>(admin, url);
    expect(after.body.summary.created).toBe(2);
    expect(after.body.backlog.total).toBe(3);

    // A label put on a question moves it in the breakdown by label at once.
    const label = await t.app.inject({ method: 'POST', url: '/api/departements/95/labels', headers: admin.headers, payload: { name: 'Cour d’école', colour: '#1565c0' } });
    expect(label.statusCode).toBe(201);
    const labelled = await t.app.inject({ method: 'PUT', url: `/api/threads/${asked.json<ThreadDto>().id}/labels`, headers: agentA.headers, payload: { labelIds: [label.json().id] } });
    expect(labelled.statusCode).toBe(200);
    const byLabel = await get<DepartementIndicatorsDto>(admin, url);
    expect(byLabel.body.groups.find((g) => g.key === label.json().id)).toMatchObject({ label: 'Cour d’école', backlog: 1, summary: { created: 1 } });
  });

  it('counts every working time again when the office hours change', async () => {
    const url = '/departements/95/indicators/threads?from=2026-03-01&to=2026-03-15&figure=firstResponse';
    const hours = [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '18:00' },
    ];
    const changed = await t.app.inject({ method: 'PATCH', url: '/api/departements/95/settings', headers: admin.headers, payload: { firstResponseDays: 5, officeHours: hours } });
    expect(changed.statusCode).toBe(200);
    // With 8:00–12:00 and 13:00–18:00: T1 unchanged (1 h); T2, Friday 17:00 → Monday 10:00, 1 h + 2 h; T4, Monday
    // 9:00–18:00 is 8 h less its pause's 3 h (10:00–12:00, 13:00–14:00), plus Tuesday 8:00–9:00: 6 h; T5, Monday 2
    // 9:00 → Tuesday 10 9:00, 8 h + 5 days of 9 h + 1 h = 54 h.
    const drilled = await get<IndicatorThreadRow[]>(admin, url);
    expect(drilled.body.map((r) => r.firstResponseWorkingMs).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual([1 * HOUR, 3 * HOUR, 6 * HOUR, 54 * HOUR]);
    const restored = await t.app.inject({
      method: 'PATCH',
      url: '/api/departements/95/settings',
      headers: admin.headers,
      payload: {
        firstResponseDays: 5,
        officeHours: [
          { start: '09:00', end: '12:30' },
          { start: '13:30', end: '17:30' },
        ],
      },
    });
    expect(restored.statusCode).toBe(200);
    expect((await get<IndicatorThreadRow[]>(admin, url)).body.map((r) => r.firstResponseWorkingMs).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual([
      1 * HOUR,
      1.5 * HOUR,
      4.5 * HOUR,
      45 * HOUR,
    ]);
  });
});
