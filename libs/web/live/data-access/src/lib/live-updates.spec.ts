import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { of, throwError } from 'rxjs';
import { LIVE_FETCH, LIVE_TIMING, type LiveChange, type LiveResponse, LiveUpdates } from './live-updates';

/** A response body the test writes to, chunk by chunk, and ends. */
class FakeBody {
  private readonly chunks: (Uint8Array | null)[] = [];
  private waiting: ((chunk: Uint8Array | null) => void) | null = null;
  cancelled = false;

  write(text: string): void {
    this.push(new TextEncoder().encode(text));
  }

  end(): void {
    this.push(null);
  }

  getReader() {
    return {
      read: () =>
        new Promise<{ done: boolean; value?: Uint8Array }>((resolve) => {
          const deliver = (chunk: Uint8Array | null) => resolve(chunk === null ? { done: true } : { done: false, value: chunk });
          const next = this.chunks.shift();
          if (next !== undefined) {
            deliver(next);
          } else {
            this.waiting = deliver;
          }
        }),
      cancel: async () => {
        this.cancelled = true;
        this.end();
      },
    };
  }

  private push(chunk: Uint8Array | null): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) {
      waiting(chunk);
    } else {
      this.chunks.push(chunk);
    }
  }
}

interface Call {
  url: string;
  init: RequestInit;
  body: FakeBody;
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  expect(condition()).toBe(true);
}

describe(LiveUpdates.name, () => {
  let calls: Call[];
  let answers: (() => Promise<LiveResponse>)[];
  let user: ReturnType<typeof signal<{ id: string } | null>>;
  let token: string | null;
  let refresh: jest.Mock;
  let received: LiveChange[];

  const stream = (body = new FakeBody()) => async () => ({ status: 200, ok: true, body }) as LiveResponse;

  function setUp(): LiveUpdates {
    calls = [];
    received = [];
    user = signal<{ id: string } | null>({ id: 'u1' });
    token = 'jeton-1';
    refresh = jest.fn(() => {
      token = 'jeton-2';
      return of('jeton-2');
    });
    TestBed.configureTestingModule({
      providers: [
        { provide: AuthSession, useValue: { user, accessToken: () => token, refresh } },
        { provide: LIVE_TIMING, useValue: { retryDelaysMs: [5, 10], resumeDelayMs: 5, silenceMs: 5_000 } },
        {
          provide: LIVE_FETCH,
          useValue: (url: string, init: RequestInit) => {
            const answer = answers.shift() ?? stream();
            return answer().then((response) => {
              calls.push({ url, init, body: response.body as unknown as FakeBody });
              return response;
            });
          },
        },
      ],
    });
    const live = TestBed.inject(LiveUpdates);
    live.changes.subscribe((change) => received.push(change));
    TestBed.tick();
    return live;
  }

  beforeEach(() => {
    answers = [];
  });

  it('connects once signed in, with the token in the Authorization header, and emits the events it reads', async () => {
    const body = new FakeBody();
    answers = [stream(body)];
    const live = setUp();
    await until(() => calls.length === 1);
    expect(calls[0].url).toBe('/api/events');
    expect(calls[0].init.headers).toEqual({ Authorization: 'Bearer jeton-1', Accept: 'text/event-stream' });
    expect(calls[0].url).not.toContain('jeton');
    expect(live.connected()).toBe(true);

    body.write(':\n\nid: 1\ndata: {"kind":"thread.message",');
    body.write('"threadId":"t1"}\n\nid: 2\ndata: {"kind":"notification.created"}\n\ndata: {"kind":"inconnu"}\n\n');
    await until(() => received.length === 2);
    expect(received).toEqual([{ kind: 'thread.message', threadId: 't1' }, { kind: 'notification.created' }]);
  });

  it('reconnects after the stream ends or the network fails, and says that events may have been missed', async () => {
    const first = new FakeBody();
    answers = [stream(first), () => Promise.reject(new TypeError('Failed to fetch')), () => Promise.resolve({ status: 503, ok: false, body: null })];
    const live = setUp();
    await until(() => calls.length === 1);
    first.end(); // The instance restarts.
    // Refused once by the network, once by the API (503): the third try gets a stream.
    await until(() => calls.length === 3 && live.connected());
    expect(received).toEqual([{ kind: 'live.resumed' }]);
  });

  it('gets a fresh token when the API refuses the expired one, and comes back with it', async () => {
    answers = [() => Promise.resolve({ status: 401, ok: false, body: null })];
    const live = setUp();
    await until(() => live.connected());
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(calls[calls.length - 1]?.init.headers).toEqual({ Authorization: 'Bearer jeton-2', Accept: 'text/event-stream' });
  });

  it('stops when the refresh is refused (the session is over)', async () => {
    answers = [() => Promise.resolve({ status: 401, ok: false, body: null })];
    setUp();
    refresh.mockImplementation(() => throwError(() => new HttpErrorResponse({ status: 401 })));
    await until(() => refresh.mock.calls.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toHaveLength(1);
  });

  it('closes the stream on sign-out and does not reconnect', async () => {
    const live = setUp();
    await until(() => calls.length === 1);
    user.set(null);
    TestBed.tick();
    await until(() => calls[0].body.cancelled && !live.connected());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toHaveLength(1);
  });
});
