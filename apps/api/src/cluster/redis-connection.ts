import { Logger, type OnApplicationShutdown, ServiceUnavailableException } from '@nestjs/common';
import Redis, { type RedisOptions } from 'ioredis';

/** Injection token of the instances' Redis: a `RedisConnection`, or `null` when `REDIS_URL` is not set. */
export const REDIS_CONNECTION = Symbol('REDIS_CONNECTION');

/** Waits between reconnection attempts: quick at first, then every 5 seconds for as long as Redis is away. */
export function reconnectDelay(attempt: number): number {
  return Math.min(100 * 2 ** Math.max(0, attempt - 1), 5_000);
}

/**
 * The Redis connections of this instance, opened on first use: one shared client for commands (limits, counters,
 * publishing) and one dedicated to subscriptions (a subscribed connection can run no other command). Both
 * reconnect by themselves, the subscriber resubscribing its channels; while Redis is away, a command waits a
 * short while in the offline queue, then fails (the caller answers an error) instead of hanging the request.
 * Errors are logged once per outage, never thrown at the process.
 */
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private commands: Redis | null = null;
  private subscriptions: Redis | null = null;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly overrides: RedisOptions = {},
  ) {}

  /** The shared command connection. */
  get client(): Redis {
    this.commands ??= this.open('commandes');
    return this.commands;
  }

  /** The connection reserved to SUBSCRIBE (created on the first subscription). */
  get subscriber(): Redis {
    this.subscriptions ??= this.open('abonnements');
    return this.subscriptions;
  }

  /**
   * Runs a command whose failure means Redis is out of reach: the request is answered 503 (try again shortly),
   * like an outage of PostgreSQL, rather than as a bug.
   */
  async command<T>(run: (client: Redis) => Promise<T>): Promise<T> {
    try {
      return await run(this.client);
    } catch (error) {
      throw new ServiceUnavailableException('Redis injoignable', { cause: error });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    await Promise.all([this.commands, this.subscriptions].map((connection) => (connection ? quit(connection) : undefined)));
  }

  private open(role: string): Redis {
    if (this.closed) {
      throw new Error('Connexion Redis fermée');
    }
    const connection = new Redis(this.url, {
      lazyConnect: false,
      connectionName: `passerelle-${role}`,
      connectTimeout: 5_000,
      // A request waits for at most two reconnection attempts (well under a second), then fails.
      maxRetriesPerRequest: 2,
      retryStrategy: reconnectDelay,
      ...this.overrides,
    });
    let down = false;
    connection.on('error', (error: Error) => {
      if (!down) {
        down = true;
        this.logger.error(`Redis injoignable (${role}) : ${error.message} ; nouvelles tentatives en cours`);
      }
    });
    connection.on('ready', () => {
      if (down) {
        down = false;
        this.logger.log(`Redis de nouveau joignable (${role})`);
      }
    });
    return connection;
  }
}

/** QUIT when connected (pending replies arrive first), a plain disconnect otherwise (no reconnection loop kept). */
async function quit(connection: Redis): Promise<void> {
  if (connection.status === 'ready') {
    try {
      await connection.quit();
      return;
    } catch {
      // Fall through: the socket is dropped below.
    }
  }
  connection.disconnect(false);
}
