import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ClusterBus, LocalClusterBus } from './cluster-bus';
import { RedisClusterBus } from './redis-cluster-bus';
import { REDIS_CONNECTION, RedisConnection } from './redis-connection';

/**
 * What the instances share besides PostgreSQL: the bus between them and, with `REDIS_URL`, the Redis connection
 * behind it (`REDIS_CONNECTION`, `null` without it: limits and counters then stay in PostgreSQL or in memory).
 * Global: features inject `ClusterBus` without importing this module.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CONNECTION,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): RedisConnection | null => (config.redisUrl ? new RedisConnection(config.redisUrl) : null),
    },
    {
      provide: ClusterBus,
      inject: [REDIS_CONNECTION],
      useFactory: (redis: RedisConnection | null): ClusterBus => (redis ? new RedisClusterBus(redis) : new LocalClusterBus()),
    },
  ],
  exports: [REDIS_CONNECTION, ClusterBus],
})
export class ClusterModule {}
