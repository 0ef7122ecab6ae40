import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { NewsletterSubscribeRequest } from '@passerelle/shared/dto';
import { NewsletterApi } from './newsletter-api';

describe(NewsletterApi.name, () => {
  let api: NewsletterApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(NewsletterApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('posts the subscription and completes on 202 whatever the body', () => {
    const body: NewsletterSubscribeRequest = {
      departement: '95',
      email: 'partenaire@exemple.fr',
      scope: { kind: 'CANTON', cantonCode: '9510' },
      frequency: 'MONTHLY',
    };
    const done = jest.fn();
    api.subscribe(body).subscribe({ complete: done });
    const request = http.expectOne('/api/public/newsletter/subscriptions');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
    request.flush('', { status: 202, statusText: 'Accepted' });
    expect(done).toHaveBeenCalled();
  });

  it('confirms with a GET and unsubscribes with a POST, the token escaped', () => {
    api.confirm('a/b').subscribe();
    http.expectOne({ method: 'GET', url: '/api/public/newsletter/confirm/a%2Fb' }).flush({});
    api.unsubscribe('tok').subscribe();
    const request = http.expectOne('/api/public/newsletter/unsubscribe/tok');
    expect(request.request.method).toBe('POST');
    request.flush(null, { status: 204, statusText: 'No Content' });
  });
});
