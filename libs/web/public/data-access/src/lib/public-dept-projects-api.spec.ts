import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { PublicDeptProjectsApi } from './public-dept-projects-api';

describe(PublicDeptProjectsApi.name, () => {
  let api: PublicDeptProjectsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(PublicDeptProjectsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists the département’s projects with only the filters that are set', () => {
    let total: number | undefined;
    api.list({ departement: '95', q: ' collège ', axis: 'a1', canton: '', status: 'IN_PROGRESS', limit: 12, offset: 12 }).subscribe((page) => (total = page.total));
    const request = http.expectOne((r) => r.url === '/api/public/dept-projects');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.keys()).toEqual(['departement', 'q', 'axis', 'status', 'limit', 'offset']);
    expect(request.request.params.get('q')).toBe('collège');
    request.flush({ items: [], total: 3, limit: 12, offset: 12 });
    expect(total).toBe(3);
  });

  it('reads one project by its escaped slug and counts its view with a POST', () => {
    api.get('route/d14').subscribe();
    http.expectOne({ method: 'GET', url: '/api/public/dept-projects/route%2Fd14' }).flush({});
    api.recordView('route-d14').subscribe();
    const view = http.expectOne('/api/public/dept-projects/route-d14/views');
    expect(view.request.method).toBe('POST');
    view.flush(null, { status: 204, statusText: 'No Content' });
  });

  it('loads the axes of the département', () => {
    let labels: string[] = [];
    api.axes('95').subscribe((axes) => (labels = axes.map((a) => a.label)));
    http.expectOne({ method: 'GET', url: '/api/public/departements/95/axes' }).flush([
      { id: 'a1', label: 'Mobilités', description: '', publishedCount: 2 },
    ]);
    expect(labels).toEqual(['Mobilités']);
  });
});
