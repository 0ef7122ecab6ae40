import type { LiveEventDto } from '@passerelle/shared/dto';

/** How long a stream is watched for an event that must come (the bus delivers within milliseconds). */
const WAIT_MS = 5_000;

/** An open `GET /api/events`, read as a browser's fetch reads it. */
export class EventStream {
  private readonly events: LiveEventDto[] = [];
  private readonly waiters: ((event: LiveEventDto) => void)[] = [];
  readonly ids: string[] = [];
  readonly ended: Promise<void>;

  constructor(
    readonly response: Response,
    private readonly controller: AbortController,
  ) {
    this.ended = this.read();
  }

  /** The next event of the stream, in order; fails when none comes in time. */
  next(): Promise<LiveEventDto> {
    const event = this.events.shift();
    if (event) {
      return Promise.resolve(event);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no event came')), WAIT_MS);
      this.waiters.push((e) => {
        clearTimeout(timer);
        resolve(e);
      });
    });
  }

  /** The next event that is not about the bell. */
  async nextThreadEvent(): Promise<LiveEventDto> {
    for (;;) {
      const event = await this.next();
      if (event.kind !== 'notification.created') {
        return event;
      }
    }
  }

  close(): void {
    this.controller.abort();
  }

  private async read(): Promise<void> {
    const reader = (this.response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          return;
        }
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          const id = block.split('\n').find((line) => line.startsWith('id: '));
          if (data) {
            this.ids.push(id?.slice(4) ?? '');
            const event = JSON.parse(data.slice(6)) as LiveEventDto;
            const waiter = this.waiters.shift();
            if (waiter) {
              waiter(event);
            } else {
              this.events.push(event);
            }
          }
        }
      }
    } catch {
      // Aborted by the test.
    }
  }
}
