import {
  AID_GRANT_IMPORT_MAX_BYTES,
  type AidGrantImportDto,
  type AidSchemeSummaryDto,
  type ApiError,
  type SimulationResponse,
} from '@passerelle/shared/dto';
import { DemoSeeder } from '../src/demo/demo-seeder';
import { type Session, createTeam, createUser, openWorkspace, signIn } from './factories';
import { type TestApp, startTestApp } from './test-app';

const BOUNDARY = '----passerelle-grant-import';
const HEADER = 'Projet;Bénéficiaire;Département;Coût total HT;Subvention accordée;Année';

/** Ableiges (95002): its school, 180,000 € HT, as the simulator's own tests simulate it. */
const ABLEIGES_SCHOOL = {
  communeInsee: '95002',
  theme: 'ECOLES_PETITE_ENFANCE',
  eligibleExpenseHtCents: 18_000_000,
  expenseTtcCents: 21_600_000,
  date: '2025-06-02',
};

/** Windows-1252, as a spreadsheet saves « CSV (séparateur : point-virgule) »: Latin-1 plus € and ’ in 0x80–0x9f. */
function windows1252(lines: string[]): Buffer {
  return Buffer.from(lines.join('\r\n').replace(/€/g, '\u0080').replace(/’/g, '\u0092'), 'latin1');
}

/** A `multipart/form-data` body: the text fields, then one file. */
function form(fields: Record<string, string>, file: { name: string; content: Buffer } | null) {
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  if (file) {
    parts.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

describe('Imports of the State’s DETR / DSIL grants (typical rates from the open data)', () => {
  let t: TestApp;
  let admin: Session;
  let adminName: string;
  let agent: Session;
  let mayor: Session;
  let loiretAdmin: Session;
  let departementName: string;
  let detrId: string;

  beforeAll(async () => {
    t = await startTestApp('valDOise');
    await t.app.get(DemoSeeder)['seedAidSchemes']();
    await t.db.query(`INSERT INTO departement (code, name) VALUES ('45', 'Loiret') ON CONFLICT DO NOTHING`);
    await t.db.query(`INSERT INTO commune (insee, name, departement_code, population, eligible) VALUES ('45001', 'Adon', '45', 220, true)`);
    await openWorkspace(t.db, '45001');
    const adminUser = await createUser(t.db, { role: 'ADMIN', totpExempt: true });
    admin = await signIn(t.app, adminUser);
    [{ display_name: adminName }] = await t.db.query(`SELECT display_name FROM app_user WHERE id = $1`, [adminUser.id]);
    agent = await signIn(t.app, await createUser(t.db, { role: 'AGENT', totpExempt: true }));
    mayor = await signIn(t.app, (await createTeam(t.db, '95002')).mayor);
    loiretAdmin = await signIn(t.app, await createUser(t.db, { role: 'ADMIN', departementCode: '45', totpExempt: true }));
    [{ name: departementName }] = await t.db.query(`SELECT name FROM departement WHERE code = '95'`);
    const schemes = await t.app.inject({ method: 'GET', url: '/api/aid-schemes', headers: admin.headers });
    detrId = schemes.json<AidSchemeSummaryDto[]>().find((s) => s.code === 'DETR')?.id ?? '';
  });
  afterAll(() => t.close());

  const upload = (session: Session | null, fields: Record<string, string>, file: { name: string; content: Buffer } | null) => {
    const body = form(fields, file);
    return t.app.inject({
      method: 'POST',
      url: '/api/aid-schemes/grant-imports',
      headers: { ...(session?.headers ?? {}), ...body.headers },
      payload: body.payload,
    });
  };
  const list = async (session: Session) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/aid-schemes/grant-imports', headers: session.headers });
    expect(res.statusCode).toBe(200);
    return res.json<AidGrantImportDto[]>();
  };
  const records = (): Promise<{ scheme: string; year: number; theme: string | null; cost_ht_cents: string; grant_cents: string }[]> =>
    t.db.query(`SELECT scheme, year, theme, cost_ht_cents, grant_cents FROM aid_grant_record WHERE departement_code = '95' ORDER BY id`);
  const detrLine = async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/simulations', headers: mayor.headers, payload: ABLEIGES_SCHOOL });
    expect(res.statusCode).toBe(200);
    return res.json<SimulationResponse>().lines.find((line) => line.schemeCode === 'DETR');
  };

  let firstImport: AidGrantImportDto;

  it('keeps the département’s lines of a Windows-1252 file with French amounts, counts the others and says why lines were rejected', async () => {
    const file = windows1252([
      HEADER,
      'Rénovation énergétique de l’école;Ableiges;95;"100 000,00 €";20 000,00 €;2024',
      'Construction d’un groupe scolaire;Vigny;095;200000;100000;2024',
      `Réfection de la voirie communale;Us;${departementName};80\u00a0000,50;20\u00a0000;2024`,
      'Extension du cimetière;Théméricourt;95 - Val-d’Oise;40 000;10 000;2024',
      'Aménagement du bourg;Gidy;45 - Loiret;50 000;10 000;2024',
      'Salle polyvalente;Houdan;78;300 000;90 000;2024',
      'Toiture de la mairie;Seraincourt;95;10 000;12 000;2024',
      'Cour d’école;Avernes;95;;5 000;2024',
    ]);
    const res = await upload(admin, { scheme: 'DETR' }, { name: 'detr-2024.csv', content: file });
    expect(res.statusCode).toBe(201);
    firstImport = res.json<AidGrantImportDto>();
    expect(firstImport).toEqual({
      id: expect.any(String),
      scheme: 'DETR',
      fileName: 'detr-2024.csv',
      years: [2024],
      keptCount: 4,
      otherDepartementCount: 2,
      rejectedCount: 2,
      rejected: [
        { line: 8, reason: 'Subvention accordée (12\u202f000,00\u00a0€) supérieure au coût total HT (10\u202f000,00\u00a0€).' },
        { line: 9, reason: 'Coût total HT manquant.' },
      ],
      importedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      importedByName: adminName,
    });
    expect(await records()).toEqual([
      { scheme: 'DETR', year: 2024, theme: 'ECOLES_PETITE_ENFANCE', cost_ht_cents: '10000000', grant_cents: '2000000' },
      { scheme: 'DETR', year: 2024, theme: 'ECOLES_PETITE_ENFANCE', cost_ht_cents: '20000000', grant_cents: '10000000' },
      { scheme: 'DETR', year: 2024, theme: 'VOIRIE', cost_ht_cents: '8000050', grant_cents: '2000000' },
      // No theme recognised: kept, counted for no theme.
      { scheme: 'DETR', year: 2024, theme: null, cost_ht_cents: '4000000', grant_cents: '1000000' },
    ]);
    const [audit] = await t.db.query(`SELECT actor_id, departement_code, details FROM audit_event WHERE action = 'AID_GRANTS_IMPORTED' AND target_id = $1`, [
      firstImport.id,
    ]);
    expect(audit).toMatchObject({ departement_code: '95', details: { scheme: 'DETR', keptCount: 4, years: [2024] } });
  });

  it('lists the imports at their own path, not taken for a scheme’s id', async () => {
    expect(await list(admin)).toEqual([firstImport]);
    const agentList = await t.app.inject({ method: 'GET', url: '/api/aid-schemes/grant-imports', headers: agent.headers });
    // The catalogue's `GET /aid-schemes/:id` is open to agents: a 403 shows the import route answered.
    expect(agentList.statusCode).toBe(403);
  });

  it('shows no typical rate drawn from fewer than 5 grants', async () => {
    expect(await detrLine()).toMatchObject({ typicalRate: null, typicalCents: null });
  });

  it('replaces the lines of the same dotation and year on a new import; a dotation column decides per line', async () => {
    // Rates 20, 25, 30, 35, 40 and 50 %: quartiles 26.25 %, 32.5 % and 38.75 % (percentile_cont, interpolated).
    const schools = [20_000, 25_000, 30_000, 35_000, 40_000, 50_000].map((grant, i) => `École ${i + 1}\tCommune ${i + 1}\t95\t100000\t${grant}\t2024\tDETR`);
    const file = Buffer.from(
      [
        'projet\tbeneficiaire\tcode_departement\tcout_total_ht\tmontant_subvention_accordee\tannee\tdotation',
        ...schools,
        'Groupe scolaire\tVigny\t95\t100000\t80000\t2024\tDSIL',
      ].join('\n'),
      'utf8',
    );
    const res = await upload(admin, { scheme: 'DETR' }, { name: 'DETR 2024 (corrigé).tsv', content: file });
    expect(res.statusCode).toBe(201);
    const second = res.json<AidGrantImportDto>();
    expect(second).toMatchObject({ keptCount: 7, otherDepartementCount: 0, rejectedCount: 0, years: [2024] });
    const kept = await records();
    expect(kept).toHaveLength(7);
    expect(kept.filter((r) => r.scheme === 'DSIL')).toHaveLength(1);
    // Every line of the first import was replaced: it goes from the list.
    expect((await list(admin)).map((i) => i.id)).toEqual([second.id]);

    // A DSIL file of 2024 leaves the DETR lines alone.
    const dsil = await upload(admin, { scheme: 'DSIL' }, { name: 'dsil.csv', content: windows1252([HEADER, 'Classe numérique;Us;95;1 000;500;2024']) });
    expect(dsil.statusCode).toBe(201);
    expect((await records()).filter((r) => r.scheme === 'DETR')).toHaveLength(6);
    expect((await list(admin)).map((i) => i.id)).toEqual([dsil.json<AidGrantImportDto>().id, second.id]);
  });

  it('counts the imported grants in the typical rate of the simulation', async () => {
    const line = await detrLine();
    expect(line?.typicalRate).toEqual({ schemeId: detrId, count: 6, p25Bp: 2625, p50Bp: 3250, p75Bp: 3875 });
    // 32.5 % of 180,000 €.
    expect(line?.typicalCents).toBe(5_850_000);
    const roads = await t.app.inject({ method: 'POST', url: '/api/simulations', headers: mayor.headers, payload: { ...ABLEIGES_SCHOOL, theme: 'VOIRIE' } });
    expect(roads.json<SimulationResponse>().lines.find((l) => l.schemeCode === 'DETR')?.typicalRate).toBeNull();
  });

  it('is for admins: agents and mayors are refused, anonymous callers asked to sign in', async () => {
    const file = { name: 'x.csv', content: windows1252([HEADER, 'École;A;95;1000;100;2024']) };
    for (const session of [agent, mayor]) {
      expect((await upload(session, { scheme: 'DETR' }, file)).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/api/aid-schemes/grant-imports', headers: session.headers })).statusCode).toBe(403);
      const [current] = await list(admin);
      expect((await t.app.inject({ method: 'DELETE', url: `/api/aid-schemes/grant-imports/${current.id}`, headers: session.headers })).statusCode).toBe(403);
    }
    expect((await upload(null, { scheme: 'DETR' }, file)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/aid-schemes/grant-imports' })).statusCode).toBe(401);
    expect(await records()).toHaveLength(7);
  });

  it('keeps each département to its own imports', async () => {
    const file = windows1252([HEADER, 'Aménagement du bourg;Gidy;45 - Loiret;50 000;10 000;2024', 'École;Us;95;100 000;30 000;2024']);
    const loiret = await upload(loiretAdmin, { scheme: 'DETR' }, { name: 'detr.csv', content: file });
    expect(loiret.statusCode).toBe(201);
    expect(loiret.json<AidGrantImportDto>()).toMatchObject({ keptCount: 1, otherDepartementCount: 1 });
    const loiretId = loiret.json<AidGrantImportDto>().id;
    expect((await list(admin)).map((i) => i.id)).not.toContain(loiretId);
    expect((await list(loiretAdmin)).map((i) => i.id)).toEqual([loiretId]);
    const [ours] = await list(admin);
    const stolen = await t.app.inject({ method: 'DELETE', url: `/api/aid-schemes/grant-imports/${ours.id}`, headers: loiretAdmin.headers });
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json<ApiError>().code).toBe('AID_GRANT_IMPORT_NOT_FOUND');
    // The Loiret's school counts for the Loiret only.
    expect((await detrLine())?.typicalRate).toMatchObject({ count: 6 });
  });

  it('refuses what is no grants file, with French messages', async () => {
    const spreadsheet = await upload(admin, { scheme: 'DETR' }, { name: 'detr.xlsx', content: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200)]) });
    expect(spreadsheet.statusCode).toBe(415);
    expect(spreadsheet.json<ApiError>().code).toBe('AID_GRANT_FILE_NOT_TEXT');

    const noHeader = await upload(admin, { scheme: 'DETR' }, { name: 'x.csv', content: Buffer.from('projet;département;montant\nÉcole;95;1000\n') });
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json<ApiError>()).toMatchObject({
      code: 'AID_GRANT_FILE_NO_HEADER',
      message: expect.stringContaining('Colonnes attendues : projet, département, coût total HT, subvention accordée, année'),
    });

    const file = { name: 'x.csv', content: windows1252([HEADER, 'École;A;95;1000;100;2024']) };
    const noScheme = await upload(admin, {}, file);
    expect(noScheme.statusCode).toBe(400);
    expect(noScheme.json<ApiError>().errors).toEqual({ scheme: 'Choisissez la dotation du fichier : DETR ou DSIL.' });
    expect((await upload(admin, { scheme: 'FNADT' }, file)).statusCode).toBe(400);
    expect((await upload(admin, { scheme: 'DETR', departementCode: '45' }, file)).statusCode).toBe(400);

    const noFile = await upload(admin, { scheme: 'DETR' }, null);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json<ApiError>().code).toBe('AID_GRANT_FILE_MISSING');
    const json = await t.app.inject({ method: 'POST', url: '/api/aid-schemes/grant-imports', headers: admin.headers, payload: { scheme: 'DETR' } });
    expect(json.statusCode).toBe(400);

    const huge = await upload(admin, { scheme: 'DETR' }, { name: 'x.csv', content: Buffer.alloc(AID_GRANT_IMPORT_MAX_BYTES + 1, 'a') });
    expect(huge.statusCode).toBe(413);
    expect(huge.json<ApiError>()).toMatchObject({ code: 'AID_GRANT_FILE_TOO_LARGE', message: expect.stringMatching(/^Ce fichier dépasse 20 Mo/) });

    expect(await records()).toHaveLength(7);
  });

  it('deletes an import with its lines, which then count no more', async () => {
    const imports = await list(admin);
    const detr = imports.find((i) => i.scheme === 'DETR');
    if (!detr) {
      throw new Error('no DETR import');
    }
    const res = await t.app.inject({ method: 'DELETE', url: `/api/aid-schemes/grant-imports/${detr.id}`, headers: admin.headers });
    expect(res.statusCode).toBe(204);
    expect((await list(admin)).map((i) => i.id)).not.toContain(detr.id);
    expect(await records()).toEqual([expect.objectContaining({ scheme: 'DSIL' })]);
    expect((await detrLine())?.typicalRate).toBeNull();
    const [audit] = await t.db.query(`SELECT actor_id FROM audit_event WHERE action = 'AID_GRANT_IMPORT_DELETED' AND target_id = $1`, [detr.id]);
    expect(audit).toBeDefined();

    const again = await t.app.inject({ method: 'DELETE', url: `/api/aid-schemes/grant-imports/${detr.id}`, headers: admin.headers });
    expect(again.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/aid-schemes/grant-imports/pas-un-id', headers: admin.headers })).statusCode).toBe(404);
  });
});
