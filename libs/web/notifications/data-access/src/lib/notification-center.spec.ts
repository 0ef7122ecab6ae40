import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { MeDto, NotificationDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { LiveUpdates } from '@passerelle/web/live/data-access';
import { firstValueFrom, Subject } from 'rxjs';
import { NotificationCenter, UNREAD_POLL_INTERVAL_MS } from './notification-center';

const COUNT_URL = '/api/notifications/unread-count';

describe(NotificationCenter.name, () => {
  let sut: NotificationCenter;
  let http: HttpTestingController;
  let user: ReturnType<typeof signal<Partial<MeDto> | null>>;
  let visibility: DocumentVisibilityState;
  let liveNotifications: Subject<void>;

  function setVisibility(state: DocumentVisibilityState): void {
    visibility = state;
    document.dispatchEvent(new Event('visibilitychange'));
  }

  function signIn(id = 'u1'): void {
    user.set({ id });
    TestBed.tick();
  }

  function signOut(): void {
    user.set(null);
    TestBed.tick();
  }

  function countRequests(): TestRequest[] {
    return http.match(COUNT_URL);
  }

  function answerCount(unread: number): void {
    http.expectOne(COUNT_URL).flush({ unread });
  }

  function answerNoContent(url: string): void {
    http.expectOne({ method: 'POST', url }).flush(null, { status: 204, statusText: 'No Content' });
  }

  function notification(overrides: Partial<NotificationDto> = {}): NotificationDto {
    return {
      id: 'n1',
      kind: 'AGENT_REPLY',
      title: 'Le département a répondu',
      excerpt: '',
      link: '/espace/questions/t1',
      threadId: 't1',
      createdAt: '2026-03-02T10:00:00Z',
      readAt: null,
      ...overrides,
    };
  }

  beforeEach(() => {
    jest.useFakeTimers();
    visibility = 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    user = signal<Partial<MeDto> | null>(null);
    liveNotifications = new Subject<void>();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthSession, useValue: { user } },
        { provide: LiveUpdates, useValue: { notifications: liveNotifications } },
      ],
    });
    sut = TestBed.inject(NotificationCenter);
    http = TestBed.inject(HttpTestingController);
    TestBed.tick();
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  it('asks nothing of a visitor', () => {
    jest.advanceTimersByTime(5 * UNREAD_POLL_INTERVAL_MS);
    expect(countRequests()).toHaveLength(0);
    expect(sut.unread()).toBe(0);
  });

  it('asks for the count when the user signs in, then every minute', () => {
    signIn();
    jest.advanceTimersByTime(0);
    answerCount(3);
    expect(sut.unread()).toBe(3);

    jest.advanceTimersByTime(UNREAD_POLL_INTERVAL_MS - 1);
    expect(countRequests()).toHaveLength(0);
    jest.advanceTimersByTime(1);
    answerCount(4);
    expect(sut.unread()).toBe(4);
  });

  it('asks at once when the live stream says a notification arrived, not a minute later', () => {
    signIn();
    jest.advanceTimersByTime(0);
    answerCount(1);

    liveNotifications.next();
    answerCount(2);
    expect(sut.unread()).toBe(2);
  });

  it('does not poll while the tab is hidden, and catches up when the user comes back', () => {
    signIn();
    jest.advanceTimersByTime(0);
    answerCount(1);

    setVisibility('hidden');
    jest.advanceTimersByTime(10 * UNREAD_POLL_INTERVAL_MS);
    expect(countRequests()).toHaveLength(0);

    setVisibility('visible');
    jest.advanceTimersByTime(0);
    answerCount(2);
    expect(sut.unread()).toBe(2);
  });

  it('keeps a minute between two polls when the tab is hidden and shown again quickly', () => {
    signIn();
    jest.advanceTimersByTime(0);
    answerCount(1);

    jest.advanceTimersByTime(20_000);
    setVisibility('hidden');
    setVisibility('visible');
    jest.advanceTimersByTime(UNREAD_POLL_INTERVAL_MS - 20_000 - 1);
    expect(countRequests()).toHaveLength(0);
    jest.advanceTimersByTime(1);
    answerCount(1);
  });

  it('looks once when signed in from a background tab', () => {
    visibility = 'hidden';
    signIn();
    jest.advanceTimersByTime(0);
    answerCount(5);
    jest.advanceTimersByTime(3 * UNREAD_POLL_INTERVAL_MS);
    expect(countRequests()).toHaveLength(0);
    expect(sut.unread()).toBe(5);
  });

  it('stops and forgets the count when the user signs out', () => {
    signIn();
    jest.advanceTimersByTime(0);
    answerCount(3);
    jest.advanceTimersByTime(UNREAD_POLL_INTERVAL_MS);
    const pending = http.expectOne(COUNT_URL);

    signOut();
    expect(pending.cancelled).toBe(true);
    expect(sut.unread()).toBe(0);
    jest.advanceTimersByTime(5 * UNREAD_POLL_INTERVAL_MS);
    sut.refresh();
    expect(countRequests()).toHaveLength(0);
  });

  it('starts again for the next user who signs in', () => {
    signIn('u1');
    jest.advanceTimersByTime(0);
    answerCount(3);
    signOut();

    signIn('u2');
    jest.advanceTimersByTime(0);
    answerCount(7);
    expect(sut.unread()).toBe(7);
  });

  it('keeps the last count when a poll fails, and tries again a minute later', () => {
    signIn();
    jest.advanceTimersByTime(0);
    answerCount(3);
    jest.advanceTimersByTime(UNREAD_POLL_INTERVAL_MS);
    http.expectOne(COUNT_URL).flush(null, { status: 0, statusText: 'Unknown Error' });
    expect(sut.unread()).toBe(3);
    jest.advanceTimersByTime(UNREAD_POLL_INTERVAL_MS);
    answerCount(2);
    expect(sut.unread()).toBe(2);
  });

  it('lowers the count at once when one is marked read, then asks the server', async () => {
    signIn();
    jest.advanceTimersByTime(0);
    answerCount(3);

    const done = firstValueFrom(sut.markRead('n1'), { defaultValue: undefined });
    answerNoContent('/api/notifications/n1/read');
    await done;
    expect(sut.unread()).toBe(2);
    answerCount(2);
  });

  it('marks all read', async () => {
    signIn();
    jest.advanceTimersByTime(0);
    answerCount(3);

    const done = firstValueFrom(sut.markAllRead(), { defaultValue: undefined });
    answerNoContent('/api/notifications/read-all');
    await done;
    expect(sut.unread()).toBe(0);
    answerCount(0);
  });

  it('marks a notification read when it is opened, only if it was unread', () => {
    signIn();
    jest.advanceTimersByTime(0);
    answerCount(1);

    sut.open(notification({ readAt: '2026-03-02T11:00:00Z' }));
    expect(http.match({ method: 'POST' })).toHaveLength(0);

    sut.open(notification());
    answerNoContent('/api/notifications/n1/read');
    answerCount(0);
    expect(sut.unread()).toBe(0);
  });

  it('takes the count that came with a list', () => {
    signIn();
    jest.advanceTimersByTime(0);
    answerCount(1);
    sut.syncUnread(4);
    expect(sut.unread()).toBe(4);
  });
});
