import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { PublicProjectsApi } from './public-projects-api';

describe('PublicProjectsApi', () => {
  let api: PublicProjectsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(PublicProjectsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends only the filters that are set, trimmed', () => {
    api.list({ q: '  école ', theme: undefined, canton: '', year: 2025, limit: 20 }).subscribe();
    const request = http.expectOne((r) => r.url === '/api/public/projects');
    expect(request.request.params.keys()).toEqual(['q', 'year', 'limit']);
    expect(request.request.params.get('q')).toBe('école');
    request.flush({ items: [], total: 0, limit: 20, offset: 0 });
  });

  it('escapes the slug and builds the open-data links with the same filters', () => {
    api.get('a/b').subscribe();
    http.expectOne('/api/public/projects/a%2Fb').flush({});
    expect(api.openDataUrls({ theme: 'ECOLE' }).csv).toBe('/api/public/projects.csv?theme=ECOLE');
    expect(api.openDataUrls().atom).toBe('/api/public/feed.atom');
  });
});
