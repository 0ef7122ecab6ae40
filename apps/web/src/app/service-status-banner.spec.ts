import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { outageInterceptor } from '@passerelle/web/shared/data-access';
import { ServiceStatusBanner } from './service-status-banner';

describe(ServiceStatusBanner.name, () => {
  it('shows the outage in a live region while calls fail with 503, and hides it once a call succeeds', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withInterceptors([outageInterceptor])), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(ServiceStatusBanner);
    const http = TestBed.inject(HttpTestingController);
    const client = TestBed.inject(HttpClient);
    await fixture.whenStable();
    const region = fixture.nativeElement.querySelector('[role="status"]') as HTMLElement;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent?.trim()).toBe('');

    client.post('/api/threads/1/messages', {}).subscribe({ error: () => undefined });
    http
      .expectOne('/api/threads/1/messages')
      .flush({ code: 'DATABASE_UNAVAILABLE', message: 'Indisponible.', requestId: 'r' }, { status: 503, statusText: 'Service Unavailable' });
    await fixture.whenStable();
    expect(region.textContent?.trim()).toBe('Service momentanément indisponible. Nous réessayons automatiquement…');

    client.get('/api/notifications/unread-count').subscribe();
    http.expectOne('/api/notifications/unread-count').flush({ count: 0 });
    await fixture.whenStable();
    expect(region.textContent?.trim()).toBe('');
    http.verify();
  });
});
