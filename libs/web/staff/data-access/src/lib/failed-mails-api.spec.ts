import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { FailedMailsApi } from './failed-mails-api';

describe(FailedMailsApi.name, () => {
  let sut: FailedMailsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(FailedMailsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists the failed mails and sends one again', async () => {
    const listed = firstValueFrom(sut.listFailedMails());
    http.expectOne({ method: 'GET', url: '/api/admin/mails/failed?limit=100&offset=0' }).flush({ items: [], total: 0, limit: 100, offset: 0 });
    await listed;

    const resent = firstValueFrom(sut.resendMail('6f1c2b9e-0000-4000-8000-000000000001'), { defaultValue: undefined });
    http.expectOne({ method: 'POST', url: '/api/admin/mails/6f1c2b9e-0000-4000-8000-000000000001/resend' }).flush(null, { status: 204, statusText: 'No Content' });
    await resent;
  });
});
