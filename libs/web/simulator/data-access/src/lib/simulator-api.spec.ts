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
});
