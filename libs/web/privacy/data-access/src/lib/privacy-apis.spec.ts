import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import { AccountDeletionApi } from './account-deletion-api';
import { DataExportsApi } from './data-exports-api';
import { PrivacyNoticeApi } from './privacy-notice-api';
import { RetentionApi } from './retention-api';

describe('Privacy APIs', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: API_BASE_URL, useValue: '/api' }],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads the public notice and links the register', () => {
    const api = TestBed.inject(PrivacyNoticeApi);
    api.notice().subscribe();
    expect(http.expectOne('/api/public/privacy').request.method).toBe('GET');
    expect(api.registerUrl()).toBe('/api/public/privacy/register.csv');
  });

  it('lists, requests and downloads the user’s archives', () => {
    const api = TestBed.inject(DataExportsApi);
    api.list().subscribe();
    expect(http.expectOne('/api/me/data-exports').request.method).toBe('GET');
    api.request().subscribe();
    expect(http.expectOne((r) => r.method === 'POST' && r.url === '/api/me/data-exports').request.body).toBeNull();
    let blob: Blob | undefined;
    api.download({ id: 'e/1' }).subscribe((b) => (blob = b));
    const download = http.expectOne('/api/me/data-exports/e%2F1/download');
    expect(download.request.responseType).toBe('blob');
    download.flush(new Blob(['PK']));
    expect(blob).toBeInstanceOf(Blob);
  });

  it('asks for a deletion with the password, or for someone with the reason, and cancels it', () => {
    const api = TestBed.inject(AccountDeletionApi);
    api.requestOwn('mot de passe').subscribe();
    const own = http.expectOne('/api/me/deletion');
    expect([own.request.method, own.request.body]).toEqual(['POST', { password: 'mot de passe' }]);
    api.requestFor('u1', 'Demande écrite du 3 mars').subscribe();
    const admin = http.expectOne((r) => r.method === 'POST' && r.url === '/api/users/u1/deletion');
    expect(admin.request.body).toEqual({ reason: 'Demande écrite du 3 mars' });
    api.cancelFor('u1').subscribe();
    expect(http.expectOne((r) => r.method === 'DELETE' && r.url === '/api/users/u1/deletion')).toBeTruthy();
  });

  it('reads the retention periods and runs, and starts a dry or real run', () => {
    const api = TestBed.inject(RetentionApi);
    api.policies().subscribe();
    http.expectOne('/api/retention/policies');
    api.runs(10).subscribe();
    expect(http.expectOne((r) => r.url === '/api/retention/runs' && r.method === 'GET').request.params.get('limit')).toBe('10');
    api.run(true).subscribe();
    expect(http.expectOne((r) => r.url === '/api/retention/runs' && r.method === 'POST').request.body).toEqual({ dryRun: true });
  });
});
