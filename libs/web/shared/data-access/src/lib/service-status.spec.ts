import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { OUTAGE_PROBE_INTERVAL_MS, OUTAGE_RETRY_DELAYS_MS, outageInterceptor, ServiceStatus } from './service-status';

const UNAVAILABLE = { status: 503, statusText: 'Service Unavailable' };
const OUTAGE_BODY = { code: 'DATABASE_UNAVAILABLE', message: 'Le service est momentanément indisponible.', requestId: 'r' };

describe('outageInterceptor', () => {
  let client: HttpClient;
  let http: HttpTestingController;
  let status: ServiceStatus;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideHttpClient(withInterceptors([outageInterceptor])), provideHttpClientTesting()] });
    client = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
    status = TestBed.inject(ServiceStatus);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('retries a read with growing delays while the service is down, and clears the outage when it answers', () => {
    let answer: unknown = null;
    client.get('/api/projects/1').subscribe((body) => (answer = body));
    http.expectOne('/api/projects/1').flush(OUTAGE_BODY, UNAVAILABLE);
    expect(status.unavailable()).toBe(true);

    jest.advanceTimersByTime(OUTAGE_RETRY_DELAYS_MS[0] - 1);
    http.expectNone('/api/projects/1');
    jest.advanceTimersByTime(1);
    http.expectOne('/api/projects/1').error(new ProgressEvent('error'));
    expect(status.unavailable()).toBe(true);

    jest.advanceTimersByTime(OUTAGE_RETRY_DELAYS_MS[1]);
    http.expectOne('/api/projects/1').flush({ id: 1 });
    expect(answer).toEqual({ id: 1 });
    expect(status.unavailable()).toBe(false);
  });

  it('gives up after the last delay with the outage error', () => {
    let failure: unknown = null;
    client.get('/api/projects/1').subscribe({ error: (error) => (failure = error) });
    http.expectOne('/api/projects/1').flush(OUTAGE_BODY, UNAVAILABLE);
    for (const delay of OUTAGE_RETRY_DELAYS_MS) {
      jest.advanceTimersByTime(delay);
      http.expectOne('/api/projects/1').flush(OUTAGE_BODY, UNAVAILABLE);
      // The health probe runs meanwhile, and meets the outage too.
      http.match('/api/health').forEach((probe) => probe.flush(OUTAGE_BODY, UNAVAILABLE));
    }
    expect(failure).toBeInstanceOf(HttpErrorResponse);
    expect((failure as HttpErrorResponse).status).toBe(503);
    // Still reported down: the health probe takes over.
    expect(status.unavailable()).toBe(true);
    jest.advanceTimersByTime(OUTAGE_PROBE_INTERVAL_MS);
    http.expectOne('/api/health').flush({ status: 'ok' });
    expect(status.unavailable()).toBe(false);
  });

  it('never repeats a write: the form gets the error at once (and keeps its content)', () => {
    let failure: unknown = null;
    client.post('/api/communes/95002/projects', { title: 'Lavoir' }).subscribe({ error: (error) => (failure = error) });
    http.expectOne('/api/communes/95002/projects').flush(OUTAGE_BODY, UNAVAILABLE);
    expect((failure as HttpErrorResponse).error).toEqual(OUTAGE_BODY);
    jest.advanceTimersByTime(60_000);
    http.expectNone('/api/communes/95002/projects');
    expect(status.unavailable()).toBe(true);
    http.match('/api/health').forEach((probe) => probe.flush({ status: 'ok' }));
  });

  it('leaves other errors and other hosts alone', () => {
    let failure: unknown = null;
    client.get('/api/projects/2').subscribe({ error: (error) => (failure = error) });
    http.expectOne('/api/projects/2').flush({ code: 'NOT_FOUND' }, { status: 404, statusText: 'Not Found' });
    expect((failure as HttpErrorResponse).status).toBe(404);
    expect(status.unavailable()).toBe(false);

    client.get('https://tiles.example.org/1/2/3.png').subscribe({ error: () => undefined });
    http.expectOne('https://tiles.example.org/1/2/3.png').flush('', UNAVAILABLE);
    expect(status.unavailable()).toBe(false);
    jest.advanceTimersByTime(60_000);
    http.expectNone('https://tiles.example.org/1/2/3.png');
  });
});
