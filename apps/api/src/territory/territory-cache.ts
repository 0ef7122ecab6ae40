import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ClusterBus } from '../cluster/cluster-bus';
import { TtlCache } from '../common/cache/ttl-cache';

/** Bus channel on which an instance that changed the territory tells every instance to drop its answers. */
export const TERRITORY_CHANGED = 'territory.changed';

/**
 * The territory changes only when a département is imported (or its threshold changes): its read answers are
 * kept in memory and dropped on every instance when it does (through the cluster bus; an import run by the CLI
 * reaches the instances the same way when they share Redis). They also expire within minutes, like the
 * `Cache-Control` the routes send, which bounds what a lost bus message could leave behind.
 */
@Injectable()
export class TerritoryCache extends TtlCache<unknown> implements OnModuleDestroy {
  private readonly logger = new Logger(TerritoryCache.name);
  private readonly unsubscribe: () => void;

  constructor(private readonly bus: ClusterBus) {
    super(5 * 60_000, 2_000);
    this.unsubscribe = bus.subscribe(TERRITORY_CHANGED, () => this.clear());
  }

  cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.getOrLoad(key, load) as Promise<T>;
  }

  /**
   * The territory changed: this instance forgets at once, the others when the bus reaches them. The change is
   * committed already, so a bus failure is logged, not thrown: the other instances' answers then expire by age.
   */
  async invalidate(): Promise<void> {
    this.clear();
    try {
      await this.bus.publish(TERRITORY_CHANGED, {});
    } catch (error) {
      this.logger.error(`Invalidation du territoire non diffusée : ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }
}
