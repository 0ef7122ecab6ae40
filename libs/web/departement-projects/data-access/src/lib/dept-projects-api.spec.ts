import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom, toArray } from 'rxjs';
import { DeptProjectsApi } from './dept-projects-api';

describe(DeptProjectsApi.name, () => {
  let sut: DeptProjectsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(DeptProjectsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists the département’s own projects with only the filters that are set', async () => {
    const done = firstValueFrom(
      sut.listProjects('95', { q: '  collège ', status: 'IN_PROGRESS', axis: 'a1', canton: '', lead: 'me', limit: 20, offset: 40 }),
    );
    const request = http.expectOne((r) => r.method === 'GET' && r.url === '/api/departements/95/projects');
    expect(request.request.params.keys().sort()).toEqual(['axis', 'lead', 'limit', 'offset', 'q', 'status']);
    expect(request.request.params.get('q')).toBe('collège');
    expect(request.request.params.get('lead')).toBe('me');
    request.flush({ items: [], total: 0, limit: 20, offset: 40 });
    await done;
  });

  it('creates, reads, changes and deletes a fiche at its own addresses', async () => {
    const created = firstValueFrom(sut.createProject('95', { title: 'Collège', theme: 'ECOLES_PETITE_ENFANCE', status: 'PLANNED' }));
    http.expectOne({ method: 'POST', url: '/api/departements/95/projects' }).flush({ id: 'd1' });
    await created;
    const read = firstValueFrom(sut.getProject('d1'));
    http.expectOne({ method: 'GET', url: '/api/dept-projects/d1' }).flush({ id: 'd1' });
    await read;
    const changed = firstValueFrom(sut.updateProject('d1', { title: 'Collège Pissarro', version: 4 }));
    const patch = http.expectOne({ method: 'PATCH', url: '/api/dept-projects/d1' });
    expect(patch.request.body).toEqual({ title: 'Collège Pissarro', version: 4 });
    patch.flush({ id: 'd1' });
    await changed;
    const deleted = firstValueFrom(sut.deleteProject('d1'));
    http.expectOne({ method: 'DELETE', url: '/api/dept-projects/d1' }).flush(null);
    await deleted;
  });

  it('manages the programme axes, sorted by position', async () => {
    const listed = firstValueFrom(sut.listAxes('95'));
    http.expectOne({ method: 'GET', url: '/api/departements/95/axes' }).flush([
      { id: 'b', label: 'B', description: '', position: 2, projectCount: 0 },
      { id: 'a', label: 'A', description: '', position: 1, projectCount: 3 },
    ]);
    expect((await listed).map((axis) => axis.id)).toEqual(['a', 'b']);
    const created = firstValueFrom(sut.createAxis('95', { label: 'Mobilités', description: '' }));
    http.expectOne({ method: 'POST', url: '/api/departements/95/axes' }).flush({});
    await created;
    const moved = firstValueFrom(sut.updateAxis('a', { position: 2 }));
    const move = http.expectOne({ method: 'PATCH', url: '/api/axes/a' });
    expect(move.request.body).toEqual({ position: 2 });
    move.flush({});
    await moved;
    const deleted = firstValueFrom(sut.deleteAxis('a'));
    http.expectOne({ method: 'DELETE', url: '/api/axes/a' }).flush(null);
    await deleted;
  });

  it('writes, submits and reviews reports', async () => {
    const listed = firstValueFrom(sut.listReports('d1'));
    http.expectOne((r) => r.method === 'GET' && r.url === '/api/dept-projects/d1/reports').flush({
      items: [{ id: 'r1' }],
      total: 1,
      limit: 100,
      offset: 0,
    });
    expect((await listed).map((report) => report.id)).toEqual(['r1']);

    const created = firstValueFrom(
      sut.createReport('d1', {
        reportedOn: '2026-03-01',
        done: 'Fondations',
        difficulties: '',
        nextSteps: '',
        progress: 30,
        milestonesReached: [],
        videos: [],
        submit: true,
      }),
    );
    const post = http.expectOne({ method: 'POST', url: '/api/dept-projects/d1/reports' });
    expect(post.request.body.submit).toBe(true);
    post.flush({ id: 'r2' });
    await created;

    const updated = firstValueFrom(sut.updateReport('r2', { done: 'Murs', version: 1 }));
    http.expectOne({ method: 'PATCH', url: '/api/dept-reports/r2' }).flush({});
    await updated;

    const reviewed = firstValueFrom(sut.reviewReport('r2', { action: 'reject', reason: 'Photo floue', version: 2 }));
    const review = http.expectOne({ method: 'POST', url: '/api/dept-reports/r2/review' });
    expect(review.request.body).toEqual({ action: 'reject', reason: 'Photo floue', version: 2 });
    review.flush({});
    await reviewed;

    const removed = firstValueFrom(sut.deleteReport('r2'));
    http.expectOne({ method: 'DELETE', url: '/api/dept-reports/r2' }).flush(null);
    await removed;
  });

  it('reads the review queue of the reports', async () => {
    const queue = firstValueFrom(sut.queue(50));
    const request = http.expectOne((r) => r.url === '/api/dept-reports/queue');
    expect(request.request.params.get('limit')).toBe('50');
    request.flush([{ reportId: 'r1' }]);
    expect((await queue).total).toBe(1);
  });

  it('uploads a photo as the multipart field "file", then names and deletes it', async () => {
    const events = firstValueFrom(sut.uploadPhoto('r1', new File(['x'], 'chantier.jpg', { type: 'image/jpeg' })).pipe(toArray()));
    const upload = http.expectOne({ method: 'POST', url: '/api/dept-reports/r1/photos' });
    expect((upload.request.body as FormData).get('file')).toBeInstanceOf(File);
    upload.flush({ id: 'ph1' });
    expect((await events).some((event) => event.type === HttpEventType.Response)).toBe(true);

    const named = firstValueFrom(sut.updatePhoto('ph1', { alt: 'Le chantier en mars' }));
    const name = http.expectOne({ method: 'PATCH', url: '/api/dept-photos/ph1' });
    expect(name.request.body).toEqual({ alt: 'Le chantier en mars' });
    name.flush({});
    await named;
    const deleted = firstValueFrom(sut.deletePhoto('ph1'));
    http.expectOne({ method: 'DELETE', url: '/api/dept-photos/ph1' }).flush(null);
    await deleted;
  });
});
