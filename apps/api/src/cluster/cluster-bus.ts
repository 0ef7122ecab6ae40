import { EventEmitter } from 'node:events';
import { Injectable, Logger } from '@nestjs/common';

/** What a subscriber receives: the message as published (JSON-serialisable: it may have crossed a network). */
export type BusHandler = (message: unknown) => void;

/**
 * Messages between the API's instances: a cache to drop, a live event to fan out. Every subscriber of a channel on
 * every instance receives what is published on it, the publishing instance included, at most once and without
 * replay (a subscriber that was not there misses it: durable work goes through jobs, not through the bus).
 * In one process without `REDIS_URL`; through Redis pub/sub with it.
 */
export abstract class ClusterBus {
  abstract publish(channel: string, message: unknown): Promise<void>;
  /** Calls `handler` for each message of `channel` from now on; the returned function stops it. */
  abstract subscribe(channel: string, handler: BusHandler): () => void;
}

/** The bus of a single instance: an in-process emitter. Messages are copied through JSON, as Redis would. */
@Injectable()
export class LocalClusterBus extends ClusterBus {
  private readonly logger = new Logger(LocalClusterBus.name);
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(channel: string, message: unknown): Promise<void> {
    const copy: unknown = JSON.parse(JSON.stringify(message ?? null));
    // Delivered after the publisher's statement, like a network round trip: a handler never runs inside it.
    queueMicrotask(() => this.emitter.emit(channel, copy));
  }

  subscribe(channel: string, handler: BusHandler): () => void {
    const safe = (message: unknown) => {
      try {
        handler(message);
      } catch (error) {
        this.logger.error(`Abonné du canal ${channel} en échec : ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    this.emitter.on(channel, safe);
    return () => this.emitter.off(channel, safe);
  }
}
