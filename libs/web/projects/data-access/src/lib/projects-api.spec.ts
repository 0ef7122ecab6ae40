import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom, toArray } from 'rxjs';
import { DocumentUploads } from './document-uploads';
import { ProjectsApi } from './projects-api';

describe(ProjectsApi.name, () => {
  let sut: ProjectsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(ProjectsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends only the filters that are set', async () => {
    const done = firstValueFrom(
      sut.listDepartementProjects('95', { q: '  école ', commune: '95002', status: undefined, canton: '', limit: 20, offset: 40 }),
    );
    const request = http.expectOne((r) => r.url === '/api/departements/95/commune-projects');
    expect(request.request.params.keys().sort()).toEqual(['commune', 'limit', 'offset', 'q']);
    expect(request.request.params.get('q')).toBe('école');
    expect(request.request.params.get('offset')).toBe('40');
    request.flush({ items: [], total: 0, limit: 20, offset: 40 });
    await done;
  });

  it('sends the version with the changed fields', async () => {
    const done = firstValueFrom(sut.updateProject('p1', { title: 'Nouveau', version: 3 }));
    const request = http.expectOne({ method: 'PATCH', url: '/api/projects/p1' });
    expect(request.request.body).toEqual({ title: 'Nouveau', version: 3 });
    request.flush({});
    await done;
  });

  it('searches an address in one commune', async () => {
    const done = firstValueFrom(sut.geocode({ q: ' 8 rue de la mairie ', insee: '95002' }));
    const request = http.expectOne((r) => r.method === 'GET' && r.url === '/api/geocode');
    expect(request.request.params.get('q')).toBe('8 rue de la mairie');
    expect(request.request.params.get('insee')).toBe('95002');
    request.flush({ items: [{ label: '8 Rue de la Mairie 95450 Ableiges', lat: 49.09, lng: 1.98, score: 0.9, type: 'housenumber' }] });
    expect((await done).items).toHaveLength(1);
  });
});

describe(DocumentUploads.name, () => {
  let sut: DocumentUploads;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), DocumentUploads] });
    sut = TestBed.inject(DocumentUploads);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('uploads one "file" field and reports the progress, then the document', async () => {
    const file = new File(['%PDF-1.4'], 'devis.pdf', { type: 'application/pdf' });
    const states = firstValueFrom(sut.upload('p1', file).pipe(toArray()));
    const request = http.expectOne({ method: 'POST', url: '/api/projects/p1/documents' });
    expect(request.request.reportProgress).toBe(true);
    expect((request.request.body as FormData).get('file')).toBeInstanceOf(File);
    request.event({ type: 1, loaded: 50, total: 200 });
    request.flush({ id: 'd1' }, { status: 201, statusText: 'Created' });
    expect(await states).toEqual([
      { state: 'progress', percent: 25 },
      { state: 'done', result: { id: 'd1' } },
    ]);
  });
});
