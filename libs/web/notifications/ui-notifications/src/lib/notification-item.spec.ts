import { TestBed } from '@angular/core/testing';
import type { NotificationDto } from '@passerelle/shared/dto';
import { NotificationItem } from './notification-item';

describe(NotificationItem.name, () => {
  function render(overrides: Partial<NotificationDto>) {
    const fixture = TestBed.createComponent(NotificationItem);
    fixture.componentRef.setInput('notification', {
      id: 'n1',
      kind: 'AGENT_REPLY',
      title: 'Le département a répondu : « Subvention DETR »',
      excerpt: 'Bonjour, le dossier est complet.',
      link: '/espace/questions/t1',
      threadId: 't1',
      createdAt: '2026-07-14T10:00:00Z',
      readAt: null,
      ...overrides,
    } satisfies NotificationDto);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('tells screen readers an unread one is unread, and dates it in Paris time', () => {
    const element = render({});
    expect(element.classList).toContain('unread');
    expect(element.querySelector('.title')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Non lue : Le département a répondu : « Subvention DETR »',
    );
    expect(element.querySelector('time')?.textContent).toBe('14/07/2026 à 12:00');
    expect(element.querySelector('time')?.getAttribute('datetime')).toBe('2026-07-14T10:00:00Z');
  });

  it('shows a read one plainly, without an empty excerpt', () => {
    const element = render({ readAt: '2026-07-14T11:00:00Z', excerpt: '' });
    expect(element.classList).not.toContain('unread');
    expect(element.textContent).not.toContain('Non lue');
    expect(element.querySelector('.excerpt')).toBeNull();
  });
});
