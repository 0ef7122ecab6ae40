import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import { SimulatorApi } from './simulator-api';

describe(SimulatorApi.name, () => {
  let api: SimulatorApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: API_BASE_URL, useValue: '/api' }],
    });
    api = TestBed.inject(SimulatorApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends only the catalogue filters that are set', () => {
    api.listSchemes({ theme: 'VOIRIE', insee: null }).subscribe();
    const request = http.expectOne((r) => r.url === '/api/aid-schemes');
    expect(request.request.params.keys()).toEqual(['theme']);
    request.flush([]);
  });

  it('posts a simulation, and saves one under the escaped project id', () => {
    api.simulate({ communeInsee: '95002', theme: 'VOIRIE', eligibleExpenseHtCents: 100 }).subscribe();
    const simulate = http.expectOne('/api/simulations');
    expect(simulate.request.method).toBe('POST');
    expect(simulate.request.body).toEqual({ communeInsee: '95002', theme: 'VOIRIE', eligibleExpenseHtCents: 100 });
    simulate.flush({});

    api.saveProjectSimulation('a/b', { theme: 'VOIRIE', eligibleExpenseHtCents: 100 }).subscribe();
    const save = http.expectOne('/api/projects/a%2Fb/simulations');
    expect(save.request.method).toBe('POST');
    save.flush({});

    api.listProjectSimulations('p1').subscribe();
    http.expectOne((r) => r.method === 'GET' && r.url === '/api/projects/p1/simulations').flush([]);
  });

  describe('the catalogue, for the département’s admins', () => {
    const version = {
      validFrom: '2026-01-01',
      validTo: null,
      rule: {
        eligibility: { themes: [] },
        base: 'HT' as const,
        rateMaxBp: 5000,
        capGroup: null,
        lastFunder: false,
        priority: 10,
        noSpendingBeforeFiling: true,
        commissionAboveCents: null,
        deadline: null,
        illustrative: false,
        sources: [],
      },
    };

    it('creates a scheme with its first version', () => {
      const request = {
        code: 'AMC',
        name: 'Aide aux communes',
        funder: 'DEPARTEMENT' as const,
        kind: 'GRANT' as const,
        destination: 'INVESTMENT' as const,
        firstVersion: version,
      };
      api.createScheme(request).subscribe();
      const create = http.expectOne('/api/aid-schemes');
      expect(create.request.method).toBe('POST');
      expect(create.request.body).toEqual(request);
      create.flush({});
    });

    it('patches a scheme, and tests the same edit without saving it, under the escaped id', () => {
      api.updateScheme('s/1', { version: 3, newVersion: version, acceptChangedTestCases: true }).subscribe();
      const update = http.expectOne('/api/aid-schemes/s%2F1');
      expect(update.request.method).toBe('PATCH');
      expect(update.request.body).toEqual({ version: 3, newVersion: version, acceptChangedTestCases: true });
      update.flush({ scheme: {}, changedTestCases: [] });

      api.testRule('s/1', { version: 3, newVersion: version }).subscribe();
      const test = http.expectOne('/api/aid-schemes/s%2F1/test-rule');
      expect(test.request.method).toBe('POST');
      expect(test.request.body).toEqual({ version: 3, newVersion: version });
      test.flush({ checks: [] });
    });

    it('adds a test case to a scheme', () => {
      const request = { name: 'Petite commune', communeInsee: '95002', theme: 'VOIRIE' as const, eligibleExpenseHtCents: 10_000_000 };
      api.addTestCase('s1', request).subscribe();
      const add = http.expectOne('/api/aid-schemes/s1/test-cases');
      expect(add.request.method).toBe('POST');
      expect(add.request.body).toEqual(request);
      add.flush({});
    });

    it('lists, imports as multipart form data, and deletes the open-data grant files', () => {
      api.listGrantImports().subscribe();
      http.expectOne((r) => r.method === 'GET' && r.url === '/api/aid-schemes/grant-imports').flush([]);

      const file = new File(['projet;bénéficiaire\n'], 'detr-2025.csv', { type: 'text/csv' });
      api.importGrants('DSIL', file).subscribe();
      const upload = http.expectOne((r) => r.method === 'POST' && r.url === '/api/aid-schemes/grant-imports');
      const body = upload.request.body as FormData;
      expect(body).toBeInstanceOf(FormData);
      expect(Array.from(body.keys())).toEqual(['scheme', 'file']);
      expect(body.get('scheme')).toBe('DSIL');
      expect((body.get('file') as File).name).toBe('detr-2025.csv');
      upload.flush({});

      api.deleteGrantImport('i/1').subscribe();
      const remove = http.expectOne('/api/aid-schemes/grant-imports/i%2F1');
      expect(remove.request.method).toBe('DELETE');
      remove.flush(null);
    });
  });
});
