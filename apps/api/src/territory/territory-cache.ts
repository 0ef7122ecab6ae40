import { Injectable } from '@nestjs/common';
import { TtlCache } from '../common/cache/ttl-cache';

/**
 * The territory changes only when a département is imported (or its threshold changes): its read answers are
 * kept in memory, cleared by the import in this process and expiring within minutes for imports run elsewhere
 * (the CLI), like the `Cache-Control` the routes send.
 */
@Injectable()
export class TerritoryCache extends TtlCache<unknown> {
  constructor() {
    super(5 * 60_000, 2_000);
  }

  cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.getOrLoad(key, load) as Promise<T>;
  }
}
