import type { ApiError, CantonDto, CommuneDto, CommuneFeatureCollection, CommuneSummaryDto, DepartementDetailDto, Page } from '@passerelle/shared/dto';
import { TerritoryImportService } from '../src/territory/import/territory-import.service';
import { type TestApp, startTestApp } from './test-app';

describe('Territory (import and API)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('empty');
    await t.app.get(TerritoryImportService).importDepartement('95');
  });
  afterAll(() => t.close());

  const get = async <T>(url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json<T>(), headers: res.headers };
  };

  describe('import', () => {
    it('loads the 183 current communes of Val-d’Oise, 126 of them under 5,000 inhabitants, with cantons and outlines', async () => {
      const [row] = await t.db.query(
        `SELECT count(*)::int AS communes, count(*) FILTER (WHERE eligible)::int AS eligible,
                count(*) FILTER (WHERE outline IS NOT NULL)::int AS outlines,
                count(*) FILTER (WHERE canton_code IS NOT NULL)::int AS with_canton,
                count(*) FILTER (WHERE epci_siren IS NOT NULL)::int AS with_epci,
                count(DISTINCT canton_code)::int AS cantons
           FROM commune WHERE departement_code = '95'`,
      );
      expect(row).toEqual({ communes: 183, eligible: 126, outlines: 183, with_canton: 183, with_epci: 183, cantons: 21 });
    });

    it('gives the facts of the source for a known commune (Ableiges)', async () => {
      const { status, body } = await get<CommuneDto>('/api/communes/95002');
      expect(status).toBe(200);
      expect(body).toMatchObject({
        insee: '95002',
        name: 'Ableiges',
        postcodes: ['95450'],
        siren: '219500022',
        eligible: true,
        departement: { code: '95', name: 'Val-d’Oise'.replace('’', "'") },
      });
      expect(body.population).toBeGreaterThan(500);
      expect(body.canton).not.toBeNull();
      expect(body.epci?.name).toBeTruthy();
      expect(body.outline?.type).toMatch(/Polygon/);
      expect(body.center?.lat).toBeGreaterThan(48.9);
      expect(body.center?.lng).toBeGreaterThan(1.6);
    });

    it('changes nothing when run a second time', async () => {
      const snapshot = () => t.db.query(`SELECT * FROM commune ORDER BY insee`);
      const before = await snapshot();
      const report = await t.app.get(TerritoryImportService).importDepartement('95');
      expect(report).toMatchObject({ communes: 183, eligible: 126, inserted: 0, updated: 0 });
      expect(await snapshot()).toEqual(before);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM commune`);
      expect(count).toBe(183);
    });

    it('refuses a code that is not a département', async () => {
      await expect(t.app.get(TerritoryImportService).importDepartement('99')).rejects.toMatchObject({
        code: 'DEPARTEMENT_UNKNOWN_IN_SOURCE',
      });
    });
  });

  describe('GET /api/departements/:code/communes', () => {
    it('finds "Écouen" when searching "ecouen", without accents', async () => {
      const { status, body } = await get<Page<CommuneSummaryDto>>('/api/departements/95/communes?q=ecouen');
      expect(status).toBe(200);
      expect(body.items.map((c) => c.name)).toEqual(['Écouen']);
      expect(body.total).toBe(1);
    });

    it('finds the "Saint-…" communes when searching "SAINT", whatever the case', async () => {
      const { body } = await get<Page<CommuneSummaryDto>>('/api/departements/95/communes?q=SAINT&limit=100');
      const [{ expected }] = await t.db.query(
        `SELECT count(*)::int AS expected FROM commune WHERE departement_code = '95' AND name ~* '(^|[- ])saint'`,
      );
      expect(expected).toBeGreaterThanOrEqual(10);
      expect(body.total).toBe(expected);
      for (const commune of body.items) {
        expect(commune.name).toMatch(/Saint/i);
      }
      expect(body.items.map((c) => c.name)).toContain('Saint-Ouen-l’Aumône'.replace('’', "'"));
    });

    it('matches hyphens and apostrophes loosely ("st ouen l aumone" is not required, "saint ouen l aumone" is)', async () => {
      const { body } = await get<Page<CommuneSummaryDto>>('/api/departements/95/communes?q=saint%20ouen%20l%20aumone');
      expect(body.items.map((c) => c.insee)).toEqual(['95572']);
    });

    it('finds a commune by postcode', async () => {
      const { body } = await get<Page<CommuneSummaryDto>>('/api/departements/95/communes?q=95450');
      expect(body.items.map((c) => c.insee)).toContain('95002');
    });

    it('filters by eligibility and by canton, and paginates with a stable total', async () => {
      const eligible = await get<Page<CommuneSummaryDto>>('/api/departements/95/communes?eligible=true&limit=100');
      expect(eligible.body.total).toBe(126);
      expect(eligible.body.items.every((c) => c.eligible && c.population < 5000)).toBe(true);
      const large = await get<Page<CommuneSummaryDto>>('/api/departements/95/communes?eligible=false&limit=100');
      expect(large.body.total).toBe(57);

      const pontoise = await get<Page<CommuneSummaryDto>>('/api/departements/95/communes?canton=95016&limit=100');
      expect(pontoise.body.total).toBeGreaterThan(0);
      expect(pontoise.body.items.every((c) => c.canton?.code === '95016')).toBe(true);

      const first = await get<Page<CommuneSummaryDto>>('/api/departements/95/communes?limit=100&offset=0');
      const second = await get<Page<CommuneSummaryDto>>('/api/departements/95/communes?limit=100&offset=100');
      expect(first.body.items).toHaveLength(100);
      expect(second.body.items).toHaveLength(83);
      expect(new Set([...first.body.items, ...second.body.items].map((c) => c.insee)).size).toBe(183);
      const beyond = await get<Page<CommuneSummaryDto>>('/api/departements/95/communes?limit=10&offset=500');
      expect(beyond.body).toEqual({ items: [], total: 183, limit: 10, offset: 500 });
    });

    it('refuses limit=1000 with a French field error', async () => {
      const { status, body } = await get<ApiError>('/api/departements/95/communes?limit=1000');
      expect(status).toBe(400);
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.errors?.['limit']).toMatch(/ne peut pas dépasser 100/);
      expect(body.requestId).toBeTruthy();
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['offset=-1', 'offset'],
      ['eligible=peut-etre', 'eligible'],
      ['canton=abc', 'canton'],
      [`q=${'a'.repeat(101)}`, 'q'],
      ['unknown=1', 'unknown'],
    ])('answers 400 for %s, naming the field', async (query, field) => {
      const { status, body } = await get<ApiError>(`/api/departements/95/communes?${query}`);
      expect(status).toBe(400);
      expect(Object.keys(body.errors ?? {})).toEqual([field]);
    });

    it('answers 404 in French for a département that is not imported', async () => {
      const { status, body } = await get<ApiError>('/api/departements/13/communes');
      expect(status).toBe(404);
      expect(body).toMatchObject({ code: 'DEPARTEMENT_NOT_FOUND' });
      expect(body.message).toMatch(/n’est pas géré/);
    });
  });

  describe('other territory routes', () => {
    it('lists the département with its counts, and details it with its outline', async () => {
      const list = await get<Page<DepartementDetailDto>>('/api/departements');
      expect(list.body.items).toEqual([
        expect.objectContaining({ code: '95', communeCount: 183, eligibleCommuneCount: 126, cantonCount: 21, eligibilityThreshold: 5000 }),
      ]);
      const one = await get<DepartementDetailDto>('/api/departements/95');
      expect(one.body.outline?.type).toBe('Polygon');
      expect((await get<ApiError>('/api/departements/9x')).status).toBe(400);
    });

    it('lists the 21 cantons, which hold all 183 communes', async () => {
      const { body } = await get<Page<CantonDto>>('/api/departements/95/cantons?limit=100');
      expect(body.total).toBe(21);
      expect(body.items.reduce((sum, c) => sum + c.communeCount, 0)).toBe(183);
      expect(body.items.map((c) => c.name)).toContain('Pontoise');
    });

    it('serves the outlines as GeoJSON', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/departements/95/communes.geojson' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/application\/geo\+json/);
      const collection = res.json<CommuneFeatureCollection>();
      expect(collection.type).toBe('FeatureCollection');
      expect(collection.features).toHaveLength(183);
      expect(collection.features.filter((f) => f.properties.eligible)).toHaveLength(126);
      const cantons = await get<{ features: unknown[] }>('/api/departements/95/cantons.geojson');
      expect(cantons.body.features).toHaveLength(21);
    });

    it('answers 404 in French for an unknown INSEE code, 400 for a malformed one', async () => {
      const unknown = await get<ApiError>('/api/communes/95999');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({
        code: 'COMMUNE_NOT_FOUND',
        message: expect.stringMatching(/^Aucune commune ne porte le code INSEE « 95999 »/),
        requestId: expect.any(String),
      });
      const malformed = await get<ApiError>('/api/communes/12');
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors).toHaveProperty('insee');
    });
  });
});
