import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import { IndicatorsApi } from './indicators-api';

describe(IndicatorsApi.name, () => {
  let api: IndicatorsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: API_BASE_URL, useValue: '/api' }],
    });
    api = TestBed.inject(IndicatorsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for the dashboard of a period and a breakdown, and leaves out what is not set', () => {
    api.dashboard('95', { from: '2026-03-01', to: '2026-03-31', groupBy: 'agent' }).subscribe();
    const full = http.expectOne((r) => r.url === '/api/departements/95/indicators');
    expect(full.request.params.toString()).toBe('from=2026-03-01&to=2026-03-31&groupBy=agent');
    full.flush({});

    api.dashboard('2A').subscribe();
    const defaults = http.expectOne((r) => r.url === '/api/departements/2A/indicators');
    expect(defaults.request.params.keys()).toEqual([]);
    defaults.flush({});
  });

  it('lists the questions behind a figure of the period', () => {
    let rows: unknown;
    api.threads('95', 'late', { from: '2026-03-01', to: '2026-03-15' }).subscribe((r) => (rows = r));
    const request = http.expectOne((r) => r.url === '/api/departements/95/indicators/threads');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.toString()).toBe('from=2026-03-01&to=2026-03-15&figure=late');
    request.flush([{ threadId: 't1' }]);
    expect(rows).toEqual([{ threadId: 't1' }]);
  });

  it('fetches a CSV export as a file, with the names only when asked', () => {
    let file: Blob | undefined;
    api.csv('95', { from: '2026-03-01', to: '2026-03-31', level: 'agent', names: true }).subscribe((blob) => (file = blob));
    const named = http.expectOne((r) => r.url === '/api/departements/95/indicators.csv');
    expect(named.request.responseType).toBe('blob');
    expect(named.request.params.toString()).toBe('from=2026-03-01&to=2026-03-31&level=agent&names=true');
    named.flush(new Blob(['\ufeff# Indicateurs'], { type: 'text/csv' }));
    expect(file).toBeInstanceOf(Blob);

    api.csv('95', { level: 'week', names: false }).subscribe();
    const plain = http.expectOne((r) => r.url === '/api/departements/95/indicators.csv');
    expect(plain.request.params.toString()).toBe('level=week');
    plain.flush(new Blob([]));
  });

  it('reads the public figures and their CSV without a token, for the installation’s département or another', () => {
    api.publicFigures().subscribe();
    const own = http.expectOne((r) => r.url === '/api/public/indicators');
    expect(own.request.params.keys()).toEqual([]);
    own.flush({});

    api.publicCsv('95').subscribe();
    const csv = http.expectOne((r) => r.url === '/api/public/indicators.csv');
    expect(csv.request.params.get('departement')).toBe('95');
    expect(csv.request.responseType).toBe('blob');
    csv.flush(new Blob([]));
  });

  it('gives the open data’s addresses for plain links', () => {
    expect(api.publicUrls()).toEqual({ json: '/api/public/indicators', csv: '/api/public/indicators.csv' });
    expect(api.publicUrls('2A').csv).toBe('/api/public/indicators.csv?departement=2A');
  });
});
