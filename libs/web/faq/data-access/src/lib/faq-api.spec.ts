import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import { FaqApi } from './faq-api';

describe(FaqApi.name, () => {
  let api: FaqApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: API_BASE_URL, useValue: '/api' }],
    });
    api = TestBed.inject(FaqApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends only the filters that are set', () => {
    api.list({ q: 'DETR', theme: null, category: 'FUNDING', status: undefined, limit: 20 }).subscribe();
    const request = http.expectOne((r) => r.url === '/api/faq');
    expect(request.request.params.keys().sort()).toEqual(['category', 'limit', 'q']);
    expect(request.request.params.get('category')).toBe('FUNDING');
    request.flush({ items: [], total: 0, limit: 20, offset: 0 });
  });

  it('asks for suggestions without an empty body, and escapes a question id in the draft path', () => {
    api.suggest('Subvention pour le toit', '  ').subscribe();
    const suggest = http.expectOne((r) => r.url === '/api/faq/suggest');
    expect(suggest.request.params.get('title')).toBe('Subvention pour le toit');
    expect(suggest.request.params.has('body')).toBe(false);
    suggest.flush({ items: [] });

    api.draftFromThread('a/b').subscribe();
    http.expectOne('/api/threads/a%2Fb/faq-draft').flush({});
  });
});
