import { HttpErrorResponse } from '@angular/common/http';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { NotificationDto, NotificationPageDto } from '@passerelle/shared/dto';
import { NotificationCenter, NotificationsApi } from '@passerelle/web/notifications/data-access';
import { of, throwError } from 'rxjs';
import { NotificationsPage } from './notifications-page';

@Component({ template: '<h1>Question</h1>' })
class ThreadPage {}

function aNotification(id: string, overrides: Partial<NotificationDto> = {}): NotificationDto {
  return {
    id,
    kind: 'AGENT_REPLY',
    title: `Le département a répondu (${id})`,
    excerpt: 'Bonjour',
    link: `/espace/questions/t-${id}`,
    threadId: `t-${id}`,
    createdAt: '2026-03-02T10:00:00Z',
    readAt: null,
    ...overrides,
  };
}

function aPage(items: NotificationDto[], overrides: Partial<NotificationPageDto> = {}): NotificationPageDto {
  return {
    items,
    total: items.length,
    limit: 20,
    offset: 0,
    unread: items.filter((n) => n.readAt === null).length,
    ...overrides,
  };
}

describe(NotificationsPage.name, () => {
  let api: { list: jest.Mock };
  let center: {
    unread: ReturnType<typeof signal<number>>;
    open: jest.Mock;
    syncUnread: jest.Mock;
    markAllRead: jest.Mock;
  };

  async function render(url = '/notifications') {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'notifications', component: NotificationsPage },
            { path: 'espace/questions/:id', component: ThreadPage },
          ],
          withComponentInputBinding(),
        ),
        { provide: NotificationsApi, useValue: api },
        { provide: NotificationCenter, useValue: center },
      ],
    });
    const harness = await RouterTestingHarness.create(url);
    const element = harness.routeNativeElement as HTMLElement;
    const button = (label: string) =>
      Array.from(element.querySelectorAll('button')).find((b) => b.textContent?.trim() === label) ?? null;
    return { harness, element, button, router: TestBed.inject(Router) };
  }

  beforeEach(() => {
    api = {
      list: jest
        .fn()
        .mockReturnValue(
          of(aPage([aNotification('a'), aNotification('b', { readAt: '2026-03-02T11:00:00Z' })], { total: 2 })),
        ),
    };
    center = {
      unread: signal(1),
      open: jest.fn(),
      syncUnread: jest.fn(),
      markAllRead: jest.fn().mockReturnValue(of(undefined)),
    };
  });

  it('lists the newest page, unread ones marked, and passes the unread count on to the bell', async () => {
    const { element } = await render();
    expect(api.list).toHaveBeenCalledWith({ unread: undefined, limit: 20, offset: 0 });
    const links = element.querySelectorAll('a.notification');
    expect(links).toHaveLength(2);
    expect(links[0].classList).toContain('unread');
    expect(links[1].classList).not.toContain('unread');
    expect(links[0].getAttribute('href')).toBe('/espace/questions/t-a');
    expect(element.querySelector('.count')?.textContent).toBe('2 notifications, dont 1 non lue');
    expect(center.syncUnread).toHaveBeenCalledWith(1);
  });

  it('reads the filter and the page from the address', async () => {
    await render('/notifications?filtre=non-lues&page=3');
    expect(api.list).toHaveBeenLastCalledWith({ unread: true, limit: 20, offset: 40 });
  });

  it('switches to the unread ones through the address, back to the first page', async () => {
    const { element, harness, router } = await render('/notifications?page=2');
    const unreadToggle = Array.from(element.querySelectorAll<HTMLButtonElement>('mat-button-toggle button')).find(
      (b) => b.textContent?.trim() === 'Non lues',
    );
    unreadToggle?.click();
    await harness.fixture.whenStable();
    expect(router.url).toBe('/notifications?filtre=non-lues');
    expect(api.list).toHaveBeenLastCalledWith({ unread: true, limit: 20, offset: 0 });
  });

  it('marks a notification read and follows its link when clicked', async () => {
    const { element, harness, router } = await render();
    element.querySelector<HTMLAnchorElement>('a.notification')?.click();
    await harness.fixture.whenStable();
    expect(center.open).toHaveBeenCalledWith(expect.objectContaining({ id: 'a' }));
    expect(router.url).toBe('/espace/questions/t-a');
  });

  it('marks everything read and reloads the list', async () => {
    const { element, harness, button } = await render();
    api.list.mockReturnValue(of(aPage([aNotification('a', { readAt: '2026-03-02T12:00:00Z' })], { unread: 0 })));
    button('Tout marquer comme lu')?.click();
    await harness.fixture.whenStable();
    expect(center.markAllRead).toHaveBeenCalled();
    expect(api.list).toHaveBeenCalledTimes(2);
    expect(element.querySelector('.notice')?.textContent).toBe('Toutes vos notifications sont marquées comme lues.');
  });

  it('keeps the list and explains when marking everything read fails', async () => {
    const { element, harness, button } = await render();
    center.markAllRead.mockReturnValue(throwError(() => new HttpErrorResponse({ status: 0 })));
    button('Tout marquer comme lu')?.click();
    await harness.fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Le serveur est injoignable');
    expect(element.querySelectorAll('a.notification')).toHaveLength(2);
  });

  it('offers to show newer notifications when the bell has counted more than the list', async () => {
    const { element, harness, button } = await render();
    expect(element.textContent).not.toContain('De nouvelles notifications sont arrivées.');
    center.unread.set(2);
    await harness.fixture.whenStable();
    expect(element.textContent).toContain('De nouvelles notifications sont arrivées.');
    button('Les afficher')?.click();
    await harness.fixture.whenStable();
    expect(api.list).toHaveBeenCalledTimes(2);
  });

  it('says when everything has been read', async () => {
    api.list.mockReturnValue(of(aPage([])));
    const { element, harness, button, router } = await render('/notifications?filtre=non-lues');
    expect(element.querySelector('.count')?.textContent).toBe('Aucune notification non lue.');
    expect(element.textContent).toContain('Vous êtes à jour');
    button('Voir toutes les notifications')?.click();
    await harness.fixture.whenStable();
    expect(router.url).toBe('/notifications');
  });

  it('shows a paginator only when there is more than one page', async () => {
    const { element } = await render();
    expect(element.querySelector('mat-paginator')).toBeNull();

    TestBed.resetTestingModule();
    api.list.mockReturnValue(of(aPage([aNotification('a')], { total: 45 })));
    const second = await render();
    expect(second.element.querySelector('mat-paginator')).not.toBeNull();
  });

  it('offers to try again when the list cannot be loaded', async () => {
    api.list.mockReturnValue(throwError(() => new HttpErrorResponse({ status: 500 })));
    const { element, button } = await render();
    expect(element.querySelector('[role="alert"]')?.textContent).toBe('Impossible de charger les notifications.');
    expect(button('Réessayer')).not.toBeNull();
  });
});
