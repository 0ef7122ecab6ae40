import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { TerritoryApi } from './territory-api';

describe(TerritoryApi.name, () => {
  let sut: TerritoryApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(TerritoryApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends every filter of the commune list', () => {
    void firstValueFrom(
      sut.listCommunes('95', { q: ' cergy ', eligible: false, canton: '95005', limit: 50, offset: 100 }),
    );
    const request = http.expectOne((r) => r.url === '/api/departements/95/communes');
    expect(request.request.params.toString()).toBe('q=cergy&eligible=false&canton=95005&limit=50&offset=100');
    request.flush({ items: [], total: 0, limit: 50, offset: 100 });
  });

  it('leaves out empty filters so the API does not filter on them', () => {
    void firstValueFrom(sut.listCommunes('95', { q: '   ', canton: '', limit: 20, offset: 0 }));
    const request = http.expectOne((r) => r.url === '/api/departements/95/communes');
    expect(request.request.params.keys()).toEqual(['limit', 'offset']);
    request.flush({ items: [], total: 0, limit: 20, offset: 0 });
  });

  it('fetches a commune by its INSEE code', async () => {
    const commune = firstValueFrom(sut.getCommune('2A004'));
    http.expectOne('/api/communes/2A004').flush({ insee: '2A004', name: 'Ajaccio' });
    expect(await commune).toMatchObject({ name: 'Ajaccio' });
  });
});
