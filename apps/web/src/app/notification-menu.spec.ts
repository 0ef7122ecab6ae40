import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { NotificationDto, NotificationPageDto } from '@passerelle/shared/dto';
import { NotificationCenter, NotificationsApi } from '@passerelle/web/notifications/data-access';
import { of } from 'rxjs';
import { MENU_NOTIFICATION_COUNT, NotificationMenu } from './notification-menu';

@Component({ template: '<h1>Page</h1>' })
class Blank {}

describe(NotificationMenu.name, () => {
  let api: { list: jest.Mock };
  let center: { unread: ReturnType<typeof signal<number>>; open: jest.Mock; syncUnread: jest.Mock };

  function aNotification(id: string, readAt: string | null = null): NotificationDto {
    return {
      id,
      kind: 'AGENT_REPLY',
      title: `Le département a répondu (${id})`,
      excerpt: '',
      link: `/espace/questions/t-${id}?message=m1`,
      threadId: `t-${id}`,
      createdAt: '2026-03-02T10:00:00Z',
      readAt,
    };
  }

  function aPage(items: NotificationDto[]): NotificationPageDto {
    return { items, total: items.length, limit: MENU_NOTIFICATION_COUNT, offset: 0, unread: 1 };
  }

  async function render() {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: Blank }]),
        { provide: NotificationsApi, useValue: api },
        { provide: NotificationCenter, useValue: center },
      ],
    });
    const fixture = TestBed.createComponent(NotificationMenu);
    await fixture.whenStable();
    const bell = (fixture.nativeElement as HTMLElement).querySelector('button') as HTMLButtonElement;
    const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
    return { fixture, bell, overlay };
  }

  beforeEach(() => {
    const page = aPage([aNotification('a'), aNotification('b', '2026-03-02T11:00:00Z')]);
    api = { list: jest.fn().mockReturnValue(of(page)) };
    center = { unread: signal(1), open: jest.fn(), syncUnread: jest.fn() };
  });

  it('asks for nothing until the bell is pointed at, focused or opened', async () => {
    const { fixture, bell } = await render();
    expect(api.list).not.toHaveBeenCalled();
    bell.dispatchEvent(new Event('focus'));
    await fixture.whenStable();
    expect(api.list).toHaveBeenCalledWith({ limit: MENU_NOTIFICATION_COUNT });
  });

  it('shows the latest notifications, unread ones marked, and a link to all of them', async () => {
    const { fixture, bell, overlay } = await render();
    bell.click();
    await fixture.whenStable();
    const items = overlay().querySelectorAll<HTMLAnchorElement>('a.notification-menu-item');
    expect(items).toHaveLength(2);
    expect(items[0].classList).toContain('notification-menu-unread');
    expect(items[1].classList).not.toContain('notification-menu-unread');
    expect(items[0].getAttribute('href')).toBe('/espace/questions/t-a?message=m1');
    const all = overlay().querySelector('a.notification-menu-all');
    expect(all?.textContent?.trim()).toBe('Voir toutes les notifications');
    expect(all?.getAttribute('href')).toBe('/notifications');
    expect(overlay().querySelector('.notification-menu-count')?.textContent).toBe('1 non lue');
    expect(center.syncUnread).toHaveBeenCalledWith(1);
  });

  it('marks a notification read and follows its link', async () => {
    const { fixture, bell, overlay } = await render();
    bell.click();
    await fixture.whenStable();
    overlay().querySelector<HTMLAnchorElement>('a.notification-menu-item')?.click();
    await fixture.whenStable();
    expect(center.open).toHaveBeenCalledWith(expect.objectContaining({ id: 'a' }));
    expect(TestBed.inject(Router).url).toBe('/espace/questions/t-a?message=m1');
  });

  it('asks again each time the menu opens', async () => {
    const { fixture, bell } = await render();
    bell.click();
    await fixture.whenStable();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    (document.querySelector('.cdk-overlay-backdrop') as HTMLElement | null)?.click();
    await fixture.whenStable();
    bell.click();
    await fixture.whenStable();
    expect(api.list).toHaveBeenCalledTimes(2);
  });

  it('says when there is nothing yet', async () => {
    api.list.mockReturnValue(of(aPage([])));
    const { fixture, bell, overlay } = await render();
    bell.click();
    await fixture.whenStable();
    expect(overlay().textContent).toContain('Aucune notification pour le moment.');
  });
});
