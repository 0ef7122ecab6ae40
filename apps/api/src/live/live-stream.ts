import type { ServerResponse } from 'node:http';
import type { LiveEventDto } from '@passerelle/shared/dto';
import type { LiveListener } from './live-audience';

/**
 * A client this slow to read (kilobytes of unread ids) has gone or is stuck: its stream is cut rather than letting
 * the instance buffer for it; the client reconnects and reloads.
 */
const MAX_BUFFERED_BYTES = 64 * 1024;

/** One open `text/event-stream` response: what it writes, and nothing about who receives what. */
export class LiveStream {
  private ended = false;

  constructor(
    readonly listener: LiveListener,
    private readonly response: ServerResponse,
  ) {}

  get open(): boolean {
    return !this.ended && !this.response.writableEnded && !this.response.destroyed;
  }

  send(id: string, event: LiveEventDto): void {
    this.write(`id: ${id}\ndata: ${JSON.stringify(event)}\n\n`);
  }

  /** A comment line: keeps proxies and idle timeouts from closing a quiet stream. */
  heartbeat(): void {
    this.write(':\n\n');
  }

  /** Ends the response cleanly (the client sees the end of the stream and reconnects). */
  close(): void {
    if (this.open) {
      this.ended = true;
      this.response.end();
    }
  }

  private write(text: string): void {
    if (!this.open) {
      return;
    }
    if (this.response.writableLength > MAX_BUFFERED_BYTES) {
      this.ended = true;
      this.response.destroy();
      return;
    }
    this.response.write(text);
  }
}
