import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { DeletionCancelledBanner } from './deletion-cancelled-banner';

describe(DeletionCancelledBanner.name, () => {
  it('says in a live region that the deletion is cancelled, until the user closes the message', async () => {
    const cancelled = signal(false);
    const session = { deletionCancelled: cancelled, dismissDeletionCancelled: jest.fn(() => cancelled.set(false)) };
    TestBed.configureTestingModule({ providers: [{ provide: AuthSession, useValue: session }] });
    const fixture = TestBed.createComponent(DeletionCancelledBanner);
    await fixture.whenStable();
    const region = fixture.nativeElement.querySelector('[role="status"]') as HTMLElement;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent?.trim()).toBe('');

    cancelled.set(true);
    await fixture.whenStable();
    expect(region.querySelector('p')?.textContent).toBe('La suppression de votre compte est annulée. Votre compte est de nouveau actif.');

    region.querySelector('button')?.click();
    await fixture.whenStable();
    expect(session.dismissDeletionCancelled).toHaveBeenCalled();
    expect(region.textContent?.trim()).toBe('');
  });
});
