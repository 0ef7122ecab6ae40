import type {
  AidSchemeDto,
  AidSchemeSummaryDto,
  AidSchemeTestCaseDto,
  AidSchemeTestCasesChangedError,
  AidSchemeTestRuleResult,
  AidSchemeUpdateResult,
  ApiError,
  ProjectDto,
  SavedSimulationDto,
  SimulationResponse,
} from '@passerelle/shared/dto';
import { DemoSeeder } from '../src/demo/demo-seeder';
import { type Session, createTeam, createUser, openWorkspace, signIn } from './factories';
import { type TestApp, startTestApp } from './test-app';

/** Ableiges (95002): energy renovation of its school, 180,000 € HT, 216,000 € TTC, with the préfet's derogation. */
const ABLEIGES_SCHOOL = {
  communeInsee: '95002',
  theme: 'ECOLES_PETITE_ENFANCE',
  eligibleExpenseHtCents: 18_000_000,
  expenseTtcCents: 21_600_000,
  date: '2025-06-02',
  derogation: 'SCHOOL_ENERGY_RENOVATION',
};

describe('Subsidy simulator (catalogue and simulations)', () => {
  let t: TestApp;
  let mayor: Session;
  let agent: Session;
  let admin: Session;
  let loiretAgent: Session;
  let loiretAdmin: Session;
  let installationAdmin: Session;
  let otherCommune: string;
  let projectId: string;

  beforeAll(async () => {
    t = await startTestApp('valDOise', { INSTALLATION_ADMINS: 'Installation@Test.example' });
    // The demo seeder's catalogue step, on the Val-d'Oise template (the national schemes and the Val-d'Oise's aid).
    await t.app.get(DemoSeeder)['seedAidSchemes']();
    await t.db.query(`INSERT INTO departement (code, name) VALUES ('45', 'Loiret') ON CONFLICT DO NOTHING`);
    await t.db.query(`INSERT INTO commune (insee, name, departement_code, population, eligible) VALUES ('45001', 'Adon', '45', 220, true)`);
    await openWorkspace(t.db, '45001');
    mayor = await signIn(t.app, (await createTeam(t.db, '95002')).mayor);
    agent = await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true }));
    admin = await signIn(t.app, await createUser(t.db, { role: 'ADMIN', totpExempt: true }));
    loiretAgent = await signIn(t.app, await createUser(t.db, { role: 'AGENT', departementCode: '45', totpExempt: true }));
    loiretAdmin = await signIn(t.app, await createUser(t.db, { role: 'ADMIN', departementCode: '45', totpExempt: true }));
    installationAdmin = await signIn(t.app, await createUser(t.db, { role: 'ADMIN', departementCode: '45', email: 'installation@test.example', totpExempt: true }));
    [{ insee: otherCommune }] = await t.db.query(`SELECT insee FROM commune WHERE departement_code = '95' AND insee <> '95002' ORDER BY insee LIMIT 1`);
    [{ id: projectId }] = await t.db.query(
      `INSERT INTO project (commune_insee, title, theme, status, progress) VALUES ('95002', 'Rénovation énergétique de l’école', 'ECOLES_PETITE_ENFANCE', 'PLANNED', 0) RETURNING id`,
    );
  });
  afterAll(() => t.close());

  const call = async <T>(session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url: `/api${url}`, headers: session.headers, payload });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as T & Partial<ApiError> };
  };
  const schemeByCode = async (session: Session, code: string) => {
    const list = await call<AidSchemeSummaryDto[]>(session, 'GET', '/aid-schemes');
    const scheme = list.body.find((s) => s.code === code);
    if (!scheme) {
      throw new Error(`no scheme ${code}`);
    }
    return scheme;
  };

  it('simulates the demo catalogue for Ableiges’ school: eligible lines, and totals within the caps', async () => {
    const res = await call<SimulationResponse>(mayor, 'POST', '/simulations', ABLEIGES_SCHOOL);
    expect(res.status).toBe(200);
    const result = res.body;
    expect(result.id).toBeNull();
    expect(result.lines.map((l) => l.schemeCode).sort()).toEqual(['DETR', 'DSIL', 'Fonds vert', 'LEADER', 'Val-d’Oise'].sort());
    const eligible = result.lines.filter((l) => l.eligible).map((l) => l.schemeCode);
    expect(eligible).toEqual(expect.arrayContaining(['DETR', 'DSIL', 'Fonds vert', 'Val-d’Oise']));
    // The préfet's derogation for school renovation: the commune pays at least 10 % (loi n° 2024-279).
    expect(result.minCommuneShareBp).toBe(1000);
    const { totals } = result.plan;
    const cap = Math.floor(((10_000 - result.minCommuneShareBp) * (totals.costCents - totals.privateFundingCents)) / 10_000);
    expect(totals.publicAidCents).toBeGreaterThan(0);
    expect(totals.publicAidCents).toBeLessThanOrEqual(cap);
    expect(totals.communeShareCents).toBeGreaterThanOrEqual(0);
    expect(totals.communeShareCents).toBe(totals.costCents - totals.privateFundingCents - totals.publicAidCents);
    expect(result.lines.reduce((sum, l) => sum + l.retainedCents, 0)).toBe(totals.publicAidCents);
    expect(totals.fctvaCents).toBeGreaterThan(0);
  });

  it('lists the national schemes and the département’s, with a commune’s eligibility; never another département’s', async () => {
    const created = await call<AidSchemeDto>(loiretAdmin, 'POST', '/aid-schemes', loiretScheme());
    expect(created.status).toBe(201);
    const list = await call<AidSchemeSummaryDto[]>(mayor, 'GET', '/aid-schemes?insee=95002');
    expect(list.status).toBe(200);
    const codes = list.body.map((s) => s.code);
    expect(codes).toEqual(expect.arrayContaining(['DETR', 'DSIL', 'Val-d’Oise']));
    expect(codes).not.toContain('Loiret');
    const detr = list.body.find((s) => s.code === 'DETR');
    expect(detr).toMatchObject({ departementCode: null, editable: false, eligibility: { communeInsee: '95002', eligible: true } });
    expect((await call(mayor, 'GET', `/aid-schemes/${created.body.id}`)).status).toBe(404);
    expect((await call(mayor, 'GET', `/aid-schemes?insee=${otherCommune}`)).status).toBe(403);
  });

  it('keeps each commune and département to its own simulations and schemes', async () => {
    const forbidden = await call(mayor, 'POST', '/simulations', { ...ABLEIGES_SCHOOL, communeInsee: otherCommune });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('SIMULATION_COMMUNE_FORBIDDEN');
    expect((await call(mayor, 'POST', '/simulations', { ...ABLEIGES_SCHOOL, communeInsee: '99999' })).status).toBe(404);
    expect([403, 404]).toContain((await call(loiretAgent, 'POST', '/simulations', ABLEIGES_SCHOOL)).status);
    expect((await call(agent, 'POST', '/simulations', { ...ABLEIGES_SCHOOL, communeInsee: otherCommune })).status).toBe(200);
    expect((await call(loiretAgent, 'GET', `/projects/${projectId}/simulations`)).status).toBe(404);
    expect((await call(loiretAgent, 'POST', `/projects/${projectId}/simulations`, withoutCommune())).status).toBe(404);
    const [{ id: otherProject }] = await t.db.query(
      `INSERT INTO project (commune_insee, title, theme, status, progress) VALUES ($1, 'Autre projet', 'VOIRIE', 'PLANNED', 0) RETURNING id`,
      [otherCommune],
    );
    expect((await call(mayor, 'POST', '/simulations', { ...ABLEIGES_SCHOOL, projectId: otherProject })).status).toBe(404);

    const byAgent = await call(agent, 'POST', '/aid-schemes', { ...loiretScheme(), code: 'Essai agent' });
    expect(byAgent.status).toBe(403);
    const detr = await schemeByCode(admin, 'DETR');
    const national = await call(admin, 'PATCH', `/aid-schemes/${detr.id}`, { version: detr.version, name: 'DETR renommée' });
    expect(national.status).toBe(403);
    expect(national.body.message).toMatch(/^Les dispositifs nationaux/);
    const loiret = await schemeByCode(loiretAdmin, 'Loiret');
    expect((await call(admin, 'PATCH', `/aid-schemes/${loiret.id}`, { version: loiret.version, name: 'Pris par le Val-d’Oise' })).status).toBe(404);
    const takenCode = await call(admin, 'POST', '/aid-schemes', { ...loiretScheme(), code: 'DETR' });
    expect(takenCode.status).toBe(409);
  });

  it('refuses impossible amounts with French messages, before the engine', async () => {
    const res = await call(mayor, 'POST', '/simulations', {
      ...ABLEIGES_SCHOOL,
      eligibleExpenseHtCents: -1,
      privateFundingCents: 12.5,
      expenseTtcCents: 2e12,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({
      eligibleExpenseHtCents: 'La dépense éligible HT : le montant ne peut pas être négatif.',
      privateFundingCents: 'Les financements privés : indiquez un montant en centimes, nombre entier.',
      expenseTtcCents: 'Le coût TTC : le montant dépasse le plafond du simulateur (10 milliards d’euros).',
    });
    const crossed = await call(mayor, 'POST', '/simulations', {
      ...ABLEIGES_SCHOOL,
      expenseTtcCents: 10_000_000,
      privateFundingCents: 20_000_000,
      date: '2019-01-01',
    });
    expect(crossed.status).toBe(400);
    expect(crossed.body.errors).toMatchObject({
      expenseTtcCents: 'Le coût TTC ne peut pas être inférieur à la dépense éligible HT.',
      privateFundingCents: 'Les financements privés ne peuvent pas dépasser la dépense éligible HT.',
      date: expect.stringMatching(/^Le simulateur ne connaît pas les règles applicables à cette date/),
    });
    expect((await call(mayor, 'POST', '/simulations', { ...ABLEIGES_SCHOOL, role: 'ADMIN' })).status).toBe(400);
  });

  it('lets only the installation’s admins keep the national schemes, which every département then reads', async () => {
    const detr = await schemeByCode(installationAdmin, 'DETR');
    expect(detr.editable).toBe(true);
    expect((await schemeByCode(admin, 'DETR')).editable).toBe(false);
    const rename = { version: detr.version, description: 'Circulaire préfectorale annuelle.' };
    expect((await call(admin, 'PATCH', `/aid-schemes/${detr.id}`, rename)).status).toBe(403);
    const renamed = await call<AidSchemeUpdateResult>(installationAdmin, 'PATCH', `/aid-schemes/${detr.id}`, rename);
    expect(renamed.status).toBe(200);
    expect((await schemeByCode(agent, 'DETR')).description).toBe('Circulaire préfectorale annuelle.');

    const current = (await call<AidSchemeDto>(installationAdmin, 'GET', `/aid-schemes/${detr.id}`)).body.versions[0];
    const scheme = { code: 'DSID', name: 'Dotation de soutien à l’investissement des départements', funder: 'ETAT', kind: 'GRANT', destination: 'INVESTMENT', national: true, firstVersion: { validFrom: '2025-01-01', validTo: null, rule: current.rule } };
    expect((await call(admin, 'POST', '/aid-schemes', scheme)).status).toBe(403);
    // A national code may not repeat a département's own (the Val-d'Oise's aid is « Val-d’Oise »).
    expect((await call(installationAdmin, 'POST', '/aid-schemes', { ...scheme, code: 'val-d’oise' })).status).toBe(409);
    const created = await call<AidSchemeDto>(installationAdmin, 'POST', '/aid-schemes', scheme);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ departementCode: null, code: 'DSID', editable: true });
    expect((await schemeByCode(admin, 'DSID')).departementCode).toBeNull();
    expect((await schemeByCode(loiretAgent, 'DSID')).editable).toBe(false);
  });

  it('adds chosen lines of a saved simulation to the fiche’s funding plan, « envisagé », for its members only', async () => {
    const [{ id: fiche }] = await t.db.query(
      `INSERT INTO project (commune_insee, title, theme, status, progress)
       VALUES ('95002', 'Cour de l’école', 'ECOLES_PETITE_ENFANCE', 'PLANNED', 0) RETURNING id`,
    );
    const saved = await call<SimulationResponse>(mayor, 'POST', `/projects/${fiche}/simulations`, withoutCommune());
    // Two aids the plan retains: the first joins the plan, the second is already obtained on the fiche.
    const [first, second] = saved.body.plan.retained.filter((r) => r.cents > 0);
    const schemeId = (code: string) => saved.body.lines.find((l) => l.schemeCode === code)?.schemeId;
    const obtained = { funder: 'ETAT', funderName: null, scheme: second.schemeCode, amountRequestedCents: 100, amountObtainedCents: 100, state: 'OBTAINED', requestedOn: null, decidedOn: null };
    await t.db.query(`UPDATE project SET funding_lines = $2::jsonb WHERE id = $1`, [fiche, JSON.stringify([obtained])]);
    const url = `/projects/${fiche}/simulations/${saved.body.id}/funding-lines`;
    const fiche1 = (await call<ProjectDto>(mayor, 'GET', `/projects/${fiche}`)).body;
    const body = { version: fiche1.version, schemeIds: [schemeId(first.schemeCode), schemeId(second.schemeCode)], scenario: 'MAXIMUM' };

    // Staff read the fiche but do not write it; another commune does not see it; a stale version is refused.
    expect((await call(agent, 'POST', url, body)).status).toBe(403);
    const stranger = await signIn(t.app, (await createTeam(t.db, otherCommune)).mayor);
    expect((await call(stranger, 'POST', url, body)).status).toBe(404);
    expect((await call(mayor, 'POST', url, { ...body, version: fiche1.version + 1 })).status).toBe(409);
    expect((await call(mayor, 'POST', `/projects/${projectId}/simulations/${saved.body.id}/funding-lines`, body)).status).toBe(404);
    const notRetained = saved.body.lines.find((l) => !saved.body.plan.retained.some((r) => r.schemeCode === l.schemeCode && r.cents > 0));
    expect(notRetained).toBeDefined();
    const refused = await call(mayor, 'POST', url, { ...body, schemeIds: [notRetained?.schemeId] });
    expect(refused).toMatchObject({ status: 400, body: { code: 'SIMULATION_LINE_NOT_ELIGIBLE' } });
    expect((await call(mayor, 'POST', url, { ...body, scenario: 'AVERAGE' })).status).toBe(400);

    const added = await call<ProjectDto>(mayor, 'POST', url, body);
    expect(added.status).toBe(200);
    // The first joins the plan as « envisagé » for the amount the plan retains; the obtained one is left as it was.
    expect(added.body.fundingLines).toEqual([
      obtained,
      {
        funder: saved.body.lines.find((l) => l.schemeCode === first.schemeCode)?.funder,
        funderName: null,
        scheme: first.schemeCode,
        amountRequestedCents: first.cents,
        amountObtainedCents: null,
        state: 'CONSIDERED',
        requestedOn: null,
        decidedOn: null,
      },
    ]);
    expect(added.body.version).toBe(fiche1.version + 1);
    // Added again, the « envisagé » line stays one line.
    const again = await call<ProjectDto>(mayor, 'POST', url, { ...body, version: added.body.version });
    expect(again.status).toBe(200);
    expect(again.body.fundingLines).toEqual(added.body.fundingLines);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM project_history WHERE project_id = $1 AND action = 'UPDATED'`, [fiche]);
    expect(count).toBe(1);
  });

  it('keeps a saved simulation as computed, and reports the test cases a new version of the rule changes', async () => {
    const scheme = await call<AidSchemeDto>(admin, 'GET', `/aid-schemes/${(await schemeByCode(admin, 'Val-d’Oise')).id}`);
    expect(scheme.body).toMatchObject({ editable: true, testCases: [] });
    const before = scheme.body.versions[0];

    const saved = await call<SimulationResponse>(mayor, 'POST', `/projects/${projectId}/simulations`, withoutCommune());
    expect(saved.status).toBe(201);
    expect(saved.body.id).toEqual(expect.any(String));
    const savedLine = saved.body.lines.find((l) => l.schemeCode === 'Val-d’Oise');
    expect(savedLine).toMatchObject({ versionId: before.id, eligible: true, maxCents: 5_000_000 });

    const june = await call<AidSchemeTestCaseDto>(admin, 'POST', `/aid-schemes/${scheme.body.id}/test-cases`, {
      ...ABLEIGES_SCHOOL,
      name: 'École d’Ableiges, juin',
    });
    expect(june.status).toBe(201);
    expect(june.body.expected).toMatchObject({ inForce: true, eligible: true, maxCents: 5_000_000 });
    const march = await call<AidSchemeTestCaseDto>(admin, 'POST', `/aid-schemes/${scheme.body.id}/test-cases`, {
      ...ABLEIGES_SCHOOL,
      date: '2025-03-14',
      name: 'École d’Ableiges, mars',
    });
    expect(march.status).toBe(201);
    expect((await call(agent, 'POST', `/aid-schemes/${scheme.body.id}/test-cases`, { ...ABLEIGES_SCHOOL, name: 'Agent' })).status).toBe(403);

    // From May, at most 20 % of the expense: 36,000 € instead of the 50,000 € ceiling.
    const mayRule = { version: scheme.body.version, newVersion: { validFrom: '2025-05-01', validTo: '2025-12-31', rule: { ...before.rule, rateMaxBp: 2000 } } };
    const tried = await call<AidSchemeTestRuleResult>(admin, 'POST', `/aid-schemes/${scheme.body.id}/test-rule`, mayRule);
    expect(tried.status).toBe(200);
    expect(tried.body.checks).toEqual([
      {
        testCaseId: june.body.id,
        name: 'École d’Ableiges, juin',
        expected: june.body.expected,
        actual: expect.objectContaining({ maxCents: 3_600_000 }),
        passed: false,
      },
      { testCaseId: march.body.id, name: 'École d’Ableiges, mars', expected: march.body.expected, actual: march.body.expected, passed: true },
    ]);
    expect((await call(agent, 'POST', `/aid-schemes/${scheme.body.id}/test-rule`, mayRule)).status).toBe(403);
    // Nothing was saved by the test: the scheme keeps its version and its single rule.
    const untouched = await call<AidSchemeDto>(admin, 'GET', `/aid-schemes/${scheme.body.id}`);
    expect(untouched.body.version).toBe(scheme.body.version);
    expect(untouched.body.versions).toHaveLength(1);

    const refused = await call<AidSchemeTestCasesChangedError>(admin, 'PATCH', `/aid-schemes/${scheme.body.id}`, mayRule);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'AID_SCHEME_TEST_CASES_CHANGED', changedTestCases: [expect.objectContaining({ testCaseId: june.body.id })] });
    expect((await call<AidSchemeDto>(admin, 'GET', `/aid-schemes/${scheme.body.id}`)).body.versions).toHaveLength(1);

    const edit = await call<AidSchemeUpdateResult>(admin, 'PATCH', `/aid-schemes/${scheme.body.id}`, { ...mayRule, acceptChangedTestCases: true });
    expect(edit.status).toBe(200);
    expect(edit.body.scheme.versions.map((v) => [v.validFrom, v.validTo])).toEqual([
      ['2025-05-01', '2025-12-31'],
      ['2025-01-01', '2025-04-30'],
    ]);
    expect(edit.body.changedTestCases).toEqual([
      {
        testCaseId: june.body.id,
        name: 'École d’Ableiges, juin',
        expected: june.body.expected,
        actual: expect.objectContaining({ inForce: true, eligible: true, maxCents: 3_600_000 }),
      },
    ]);
    // The accepted line is now what the case expects: the next edit compares with it.
    const accepted = await call<AidSchemeDto>(admin, 'GET', `/aid-schemes/${scheme.body.id}`);
    expect(accepted.body.testCases?.find((c) => c.id === june.body.id)?.expected).toMatchObject({ maxCents: 3_600_000 });
    const stale = await call(admin, 'PATCH', `/aid-schemes/${scheme.body.id}`, { version: scheme.body.version, name: 'Trop tard' });
    expect(stale.status).toBe(409);

    const history = await call<SavedSimulationDto[]>(mayor, 'GET', `/projects/${projectId}/simulations`);
    expect(history.status).toBe(200);
    expect(history.body).toHaveLength(1);
    expect(history.body[0].result).toEqual(withoutId(saved.body));
    expect(history.body[0].versionIds).toContain(before.id);

    const again = await call<SimulationResponse>(agent, 'POST', `/projects/${projectId}/simulations`, withoutCommune());
    expect(again.status).toBe(201);
    expect(again.body.lines.find((l) => l.schemeCode === 'Val-d’Oise')).toMatchObject({ maxCents: 3_600_000 });
    expect((await call<SavedSimulationDto[]>(mayor, 'GET', `/projects/${projectId}/simulations`)).body.map((s) => s.id)).toEqual([
      again.body.id,
      saved.body.id,
    ]);
  });
});

/** The project's route takes its commune from the project. */
function withoutCommune(): Omit<typeof ABLEIGES_SCHOOL, 'communeInsee'> {
  return Object.fromEntries(Object.entries(ABLEIGES_SCHOOL).filter(([key]) => key !== 'communeInsee')) as Omit<typeof ABLEIGES_SCHOOL, 'communeInsee'>;
}

/** The result as the simulation computed it, without the id of its saving. */
function withoutId(response: SimulationResponse): Omit<SimulationResponse, 'id'> {
  return Object.fromEntries(Object.entries(response).filter(([key]) => key !== 'id')) as Omit<SimulationResponse, 'id'>;
}

function loiretScheme() {
  return {
    code: 'Loiret',
    name: 'Aide du Loiret aux petites communes (exemple)',
    funder: 'DEPARTEMENT',
    kind: 'GRANT',
    destination: 'INVESTMENT',
    firstVersion: {
      validFrom: '2025-01-01',
      validTo: null,
      rule: {
        eligibility: { populationMax: 2000, themes: [] },
        base: 'HT',
        rateMaxBp: 3000,
        capGroup: null,
        lastFunder: false,
        priority: 40,
        noSpendingBeforeFiling: false,
        commissionAboveCents: null,
        deadline: null,
        illustrative: true,
        sources: [{ label: 'Département du Loiret (exemple)', url: 'https://www.loiret.fr/' }],
      },
    },
  };
}
