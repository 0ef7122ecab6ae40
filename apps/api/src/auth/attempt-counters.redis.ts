import type { EntityManager } from 'typeorm';
import type { RedisConnection } from '../cluster/redis-connection';
import { AttemptCounters, type CounterState, type PostgresAttemptCounters, digest } from './attempt-counters';

const PREFIX = 'passerelle:attempts:';

/*
 * A counter is a hash { hits, locked } whose expiry is the end of its window: a window that has ended is simply
 * gone, and a lock (which ends the window with it) is `locked = 1` with the expiry moved to the lock's end. Each
 * operation is one Lua script, so concurrent attempts on any instance get distinct, increasing counts. Replies are
 * { hits, locked, milliseconds left }.
 */
const HIT = `
local ttl = redis.call('PTTL', KEYS[1])
if ttl <= 0 then
  redis.call('DEL', KEYS[1])
  redis.call('HSET', KEYS[1], 'hits', 1, 'locked', 0)
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  return { 1, 0, tonumber(ARGV[1]) }
end
local hits = redis.call('HINCRBY', KEYS[1], 'hits', 1)
return { hits, tonumber(redis.call('HGET', KEYS[1], 'locked') or '0'), ttl }`;

const PEEK = `
local ttl = redis.call('PTTL', KEYS[1])
if ttl <= 0 then
  return { 0, 0, 0 }
end
local state = redis.call('HMGET', KEYS[1], 'hits', 'locked')
return { tonumber(state[1] or '0'), tonumber(state[2] or '0'), ttl }`;

const REFUND = `
if tonumber(redis.call('HGET', KEYS[1], 'hits') or '0') > 0 then
  redis.call('HINCRBY', KEYS[1], 'hits', -1)
end
return 0`;

const LOCK = `
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HGET', KEYS[1], 'locked') == '1' then
  return 0
end
redis.call('HSET', KEYS[1], 'locked', 1)
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1`;

/**
 * The counters in Redis (`REDIS_URL`): same windows, limits and answers as in PostgreSQL, without a row written
 * per failed sign-in. A count made inside a caller's transaction stays in PostgreSQL, which can roll it back
 * with the rest (Redis cannot), and clearing inside a transaction clears both stores.
 */
export class RedisAttemptCounters extends AttemptCounters {
  constructor(
    private readonly redis: RedisConnection,
    private readonly postgres: PostgresAttemptCounters,
  ) {
    super();
  }

  async hit(key: string, windowSeconds: number, manager?: EntityManager): Promise<CounterState> {
    if (manager) {
      return this.postgres.hit(key, windowSeconds, manager);
    }
    return toState(await this.run(HIT, key, windowSeconds * 1000), false);
  }

  async peek(key: string): Promise<CounterState> {
    return toState(await this.run(PEEK, key), true);
  }

  async refund(key: string): Promise<void> {
    await this.run(REFUND, key);
  }

  async clear(key: string, manager?: EntityManager): Promise<void> {
    await Promise.all([this.redis.command((client) => client.del(PREFIX + digest(key))), manager ? this.postgres.clear(key, manager) : undefined]);
  }

  async lock(key: string, seconds: number): Promise<boolean> {
    return (await this.run(LOCK, key, seconds * 1000)) === 1;
  }

  private run(script: string, key: string, ...args: number[]): Promise<unknown> {
    return this.redis.command((client) => client.eval(script, 1, PREFIX + digest(key), ...args));
  }
}

/** Whole seconds, rounded up like PostgreSQL's answers; an ended window reads as all zeros. */
function toState(reply: unknown, peek: boolean): CounterState {
  const [hits, locked, left] = (reply as number[]).map(Number);
  if (peek && hits === 0 && left === 0) {
    return { hits: 0, lockedForSeconds: 0, resetsInSeconds: 0 };
  }
  const seconds = Math.ceil(left / 1000);
  return { hits, lockedForSeconds: locked === 1 ? seconds : 0, resetsInSeconds: Math.max(1, seconds) };
}
