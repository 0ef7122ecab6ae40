import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { RedisConnection } from './redis-connection';

/**
 * The throttler's counts in Redis (`@nest-lab/throttler-storage-redis`: one Lua script per hit), so that a route's
 * limit holds across instances. While Redis is out of reach, a limited request answers 503 instead of 500.
 */
export function redisThrottlerStorage(redis: RedisConnection): ThrottlerStorage {
  const storage = new ThrottlerStorageRedisService(redis.client);
  return {
    increment: (key, ttl, limit, blockDuration, throttlerName) => redis.command(() => storage.increment(key, ttl, limit, blockDuration, throttlerName)),
  };
}
