import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type BusHandler, ClusterBus } from './cluster-bus';
import type { RedisConnection } from './redis-connection';

/** Channels of this application in a Redis that may be shared with others. */
const PREFIX = 'passerelle:bus:';

/**
 * The bus across instances through Redis pub/sub. Every instance, this one included, receives what is published:
 * Redis delivers to every subscribed connection, the publisher's own. A channel is subscribed in Redis while it
 * has a local handler; after a reconnection the subscriber connection subscribes its channels again by itself
 * (messages published meanwhile are lost, as the bus promises: at most once, no replay).
 */
export class RedisClusterBus extends ClusterBus implements OnApplicationBootstrap {
  private readonly logger = new Logger(RedisClusterBus.name);
  private readonly handlers = new Map<string, Set<BusHandler>>();
  private listening = false;

  constructor(private readonly redis: RedisConnection) {
    super();
  }

  async publish(channel: string, message: unknown): Promise<void> {
    await this.redis.client.publish(PREFIX + channel, JSON.stringify(message ?? null));
  }

  subscribe(channel: string, handler: BusHandler): () => void {
    this.listen();
    let handlers = this.handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.handlers.set(channel, handlers);
      this.redis.subscriber.subscribe(PREFIX + channel).catch((error: unknown) => this.failed(`abonnement au canal ${channel}`, error));
    }
    // A handler subscribed twice is two subscriptions, as with the in-process bus.
    const entry: BusHandler = (message) => handler(message);
    handlers.add(entry);
    return () => {
      const current = this.handlers.get(channel);
      if (!current?.delete(entry) || current.size > 0) {
        return;
      }
      this.handlers.delete(channel);
      this.redis.subscriber.unsubscribe(PREFIX + channel).catch((error: unknown) => this.failed(`désabonnement du canal ${channel}`, error));
    };
  }

  /** The subscriptions made while modules were built are confirmed before the instance takes requests. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.ready();
    } catch (error) {
      this.failed('abonnements au démarrage', error);
    }
  }

  /** Resolves once Redis has confirmed the subscriptions asked so far. */
  async ready(): Promise<void> {
    if (this.handlers.size > 0) {
      await this.redis.subscriber.subscribe(...[...this.handlers.keys()].map((channel) => PREFIX + channel));
    }
  }

  private listen(): void {
    if (this.listening) {
      return;
    }
    this.listening = true;
    this.redis.subscriber.on('message', (prefixed: string, payload: string) => this.deliver(prefixed, payload));
  }

  private deliver(prefixed: string, payload: string): void {
    if (!prefixed.startsWith(PREFIX)) {
      return;
    }
    const channel = prefixed.slice(PREFIX.length);
    let message: unknown;
    try {
      message = JSON.parse(payload);
    } catch {
      this.logger.error(`Message illisible sur le canal ${channel}`);
      return;
    }
    for (const handler of [...(this.handlers.get(channel) ?? [])]) {
      try {
        handler(message);
      } catch (error) {
        this.failed(`abonné du canal ${channel}`, error);
      }
    }
  }

  private failed(what: string, error: unknown): void {
    this.logger.error(`${what} en échec : ${error instanceof Error ? error.message : String(error)}`);
  }
}
