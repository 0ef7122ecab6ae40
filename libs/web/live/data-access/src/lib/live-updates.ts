import { DestroyRef, effect, inject, Injectable, InjectionToken, signal, untracked } from '@angular/core';
import { LIVE_EVENT_KINDS, LIVE_HEARTBEAT_MS, type LiveEventDto } from '@passerelle/shared/dto';
import { AuthSession, isSessionRefused } from '@passerelle/web/auth/data-access';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import { createParser } from 'eventsource-parser';
import { auditTime, filter, firstValueFrom, map, type Observable, Subject } from 'rxjs';

/**
 * Said after a reconnection: events of the time without a stream were missed, so what a page shows may be stale.
 * Not an event of the API.
 */
export interface LiveResumed {
  kind: 'live.resumed';
}

export type LiveChange = LiveEventDto | LiveResumed;

/** The part of `fetch`'s answer the client reads (tests give a fake one). */
export interface LiveResponse {
  status: number;
  ok: boolean;
  body: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } } | null;
}

export type LiveFetch = (url: string, init: RequestInit) => Promise<LiveResponse>;

/** `fetch`, or `null` where there is none (server-side rendering, unit tests of pages): no stream then. */
export const LIVE_FETCH = new InjectionToken<LiveFetch | null>('LIVE_FETCH', {
  providedIn: 'root',
  factory: () => (typeof fetch === 'function' ? (url, init) => fetch(url, init) : null),
});

/** Lists (the commune's questions, the agents' inbox) reload at most this often, whatever the burst of events. */
export const LIST_RELOAD_AUDIT_MS = 500;

export interface LiveTiming {
  /** Waits before the tries after a failure: 1, 2, 5, 10, then 30 s, each shortened by up to half at random. */
  retryDelaysMs: readonly number[];
  /** After a stream ended cleanly (token expired, instance restarting): back soon, spread over this. */
  resumeDelayMs: number;
  /** Nothing heard for this long (not even the heartbeat): the connection is taken for lost. */
  silenceMs: number;
}

export const LIVE_TIMING = new InjectionToken<LiveTiming>('LIVE_TIMING', {
  providedIn: 'root',
  factory: () => ({ retryDelaysMs: [1_000, 2_000, 5_000, 10_000, 30_000], resumeDelayMs: 1_000, silenceMs: 2 * LIVE_HEARTBEAT_MS + 5_000 }),
});

type Outcome = 'ended' | 'unauthorized' | 'failed';

/**
 * The signed-in user's live events (`GET /api/events`), as an observable. Read with `fetch` rather than
 * `EventSource`, which cannot send the `Authorization` header: the access token never goes in an address.
 * Connected while a user is signed in; reconnects with growing, jittered delays after a failure (a whole instance's
 * clients coming back at the same second would be a stampede), at once with a refreshed token after a 401, and stops
 * on sign-out. Events say what changed (a kind, an id); pages read it again through their usual requests.
 */
@Injectable({ providedIn: 'root' })
export class LiveUpdates {
  private readonly session = inject(AuthSession);
  private readonly fetch = inject(LIVE_FETCH);
  private readonly baseUrl = inject(API_BASE_URL);
  private readonly timing = inject(LIVE_TIMING);

  private readonly stream = new Subject<LiveChange>();
  private readonly open = signal(false);
  /** Each sign-in starts a new run; a run ends when the generation moves on. */
  private generation = 0;
  private userId: string | null = null;
  private abort: AbortController | null = null;
  private wake: (() => void) | null = null;

  /** Every event of the stream, and `live.resumed` after each reconnection. */
  readonly changes: Observable<LiveChange> = this.stream.asObservable();
  /** Whether a stream is open now. */
  readonly connected = this.open.asReadonly();
  /** When a list of threads may have changed: any thread event, or a reconnection; one signal per burst. */
  readonly threadLists: Observable<void> = this.changes.pipe(
    filter((change) => change.kind !== 'notification.created'),
    auditTime(LIST_RELOAD_AUDIT_MS),
    map(() => undefined),
  );
  /** When the user may have a new notification (or missed one while disconnected). */
  readonly notifications: Observable<void> = this.changes.pipe(
    filter((change) => change.kind === 'notification.created' || change.kind === 'live.resumed'),
    map(() => undefined),
  );

  constructor() {
    effect(() => {
      const userId = this.session.user()?.id ?? null;
      untracked(() => this.follow(userId));
    });
    inject(DestroyRef).onDestroy(() => this.follow(null));
  }

  /** The events about one thread (and `live.resumed`). */
  thread(threadId: () => string | null | undefined): Observable<LiveChange> {
    return this.changes.pipe(filter((change) => change.kind === 'live.resumed' || ('threadId' in change && change.threadId === threadId())));
  }

  private follow(userId: string | null): void {
    if (userId === this.userId) {
      return;
    }
    this.userId = userId;
    this.generation++;
    this.abort?.abort();
    this.wake?.();
    if (userId !== null && this.fetch !== null) {
      void this.run(this.generation, this.fetch);
    }
  }

  private async run(generation: number, fetch: LiveFetch): Promise<void> {
    let failures = 0;
    let refusals = 0;
    let opened = false;
    while (generation === this.generation) {
      const outcome = await this.connect(generation, fetch, () => {
        if (opened) {
          this.stream.next({ kind: 'live.resumed' });
        }
        opened = true;
        failures = 0;
        refusals = 0;
      });
      if (generation !== this.generation) {
        return;
      }
      if (outcome === 'unauthorized' && refusals++ === 0) {
        // The access token expired (the API ends a stream when its token does): one refresh, then straight back.
        try {
          await firstValueFrom(this.session.refresh());
          continue;
        } catch (error: unknown) {
          if (isSessionRefused(error)) {
            return; // Signed out: the session is cleared, and `follow(null)` ends this run.
          }
        }
      }
      const delay =
        outcome === 'ended'
          ? this.timing.resumeDelayMs
          : this.timing.retryDelaysMs[Math.min(failures++, this.timing.retryDelaysMs.length - 1)];
      await this.sleep(delay * (0.5 + Math.random() / 2));
    }
  }

  /** One stream, from the request to its end; `opened` runs once the API accepted it. */
  private async connect(generation: number, fetch: LiveFetch, opened: () => void): Promise<Outcome> {
    const token = this.session.accessToken();
    if (token === null) {
      return 'unauthorized';
    }
    const abort = new AbortController();
    this.abort = abort;
    try {
      const response = await fetch(`${this.baseUrl}/events`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
        cache: 'no-store',
        signal: abort.signal,
      });
      if (response.status === 401) {
        return 'unauthorized';
      }
      if (!response.ok || response.body === null || generation !== this.generation) {
        return 'failed';
      }
      this.open.set(true);
      opened();
      await this.read(response.body, abort);
      return 'ended';
    } catch {
      return 'failed';
    } finally {
      this.open.set(false);
      abort.abort();
    }
  }

  private async read(body: NonNullable<LiveResponse['body']>, abort: AbortController): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = createParser({ onEvent: (message) => this.receive(message.data) });
    let silence = setTimeout(() => abort.abort(), this.timing.silenceMs);
    abort.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined));
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || abort.signal.aborted) {
          return;
        }
        clearTimeout(silence);
        silence = setTimeout(() => abort.abort(), this.timing.silenceMs);
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } finally {
      clearTimeout(silence);
    }
  }

  private receive(data: string): void {
    let event: unknown;
    try {
      event = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof event === 'object' && event !== null && LIVE_EVENT_KINDS.includes((event as LiveEventDto).kind)) {
      this.stream.next(event as LiveEventDto);
    }
  }

  /** Waits, unless the user signs out (or in as someone else) meanwhile. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
