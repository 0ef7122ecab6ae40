import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatMenu, MatMenuItem } from '@angular/material/menu';
import { NotificationBell } from './notification-bell';

@Component({
  imports: [NotificationBell, MatMenu, MatMenuItem],
  template: `
    <pas-notification-bell
      [unread]="unread()"
      [menu]="menu"
      (opened)="opened = opened + 1"
      (approached)="approached = approached + 1"
    />
    <mat-menu #menu="matMenu"><button mat-menu-item type="button">Une notification</button></mat-menu>
  `,
})
class Host {
  readonly unread = signal(0);
  opened = 0;
  approached = 0;
}

describe(NotificationBell.name, () => {
  async function render(unread: number) {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.unread.set(unread);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const set = async (value: number) => {
      fixture.componentInstance.unread.set(value);
      await fixture.whenStable();
    };
    return {
      fixture,
      set,
      button: () => element.querySelector('button') as HTMLButtonElement,
      badge: () => element.querySelector('.badge')?.textContent?.trim() ?? null,
      announced: () => element.querySelector('[aria-live="polite"]')?.textContent?.trim() ?? null,
    };
  }

  it.each([
    [0, 'Notifications, aucune non lue', null],
    [1, 'Notifications, 1 non lue', '1'],
    [3, 'Notifications, 3 non lues', '3'],
    [120, 'Notifications, 120 non lues', '99+'],
  ])('with %i unread reads "%s" and shows the badge %s', async (unread, label, badge) => {
    const bell = await render(unread);
    expect(bell.button().getAttribute('aria-label')).toBe(label);
    expect(bell.badge()).toBe(badge);
  });

  it('hides the badge from screen readers, which hear the label', async () => {
    const { fixture } = await render(3);
    expect((fixture.nativeElement as HTMLElement).querySelector('.badge')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('announces the count when it rises, not when it stays or goes down', async () => {
    const bell = await render(0);
    expect(bell.announced()).toBe('');

    await bell.set(2);
    expect(bell.announced()).toBe('Vous avez 2 notifications non lues.');

    await bell.set(1);
    expect(bell.announced()).toBe('');

    await bell.set(2);
    expect(bell.announced()).toBe('Vous avez 2 notifications non lues.');
  });

  it('tells when it is focused or pointed at, before any opening', async () => {
    const bell = await render(1);
    bell.button().dispatchEvent(new Event('focus'));
    bell.button().dispatchEvent(new Event('pointerenter'));
    expect(bell.fixture.componentInstance.approached).toBe(2);
    expect(bell.fixture.componentInstance.opened).toBe(0);
  });

  it('opens its menu and says so', async () => {
    const bell = await render(1);
    bell.button().click();
    await bell.fixture.whenStable();
    expect(bell.fixture.componentInstance.opened).toBe(1);
    expect(bell.button().getAttribute('aria-expanded')).toBe('true');
    expect(document.querySelector('.cdk-overlay-container')?.textContent).toContain('Une notification');
  });
});
