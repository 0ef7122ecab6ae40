import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { PublicConfigDto } from '@passerelle/shared/dto';
import { firstValueFrom } from 'rxjs';
import { PublicConfig } from './public-config';

const config: PublicConfigDto = {
  defaultDepartementCode: '95',
  tileUrl: null,
  tileAttribution: '',
  demoMode: true,
  demoAccounts: [],
};

describe(PublicConfig.name, () => {
  let sut: PublicConfig;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    sut = TestBed.inject(PublicConfig);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('fetches the configuration once for every caller', async () => {
    const first = firstValueFrom(sut.load());
    const second = firstValueFrom(sut.load());
    http.expectOne('/api/config').flush(config);
    expect(await first).toEqual(config);
    expect(await second).toEqual(config);
    expect(await firstValueFrom(sut.load())).toEqual(config);
    http.expectNone('/api/config');
  });

  it('asks again after a failure instead of replaying the error', async () => {
    const failed = firstValueFrom(sut.load());
    http.expectOne('/api/config').flush(null, { status: 503, statusText: 'Unavailable' });
    await expect(failed).rejects.toMatchObject({ status: 503 });

    const retried = firstValueFrom(sut.load());
    http.expectOne('/api/config').flush(config);
    expect(await retried).toEqual(config);
  });
});
