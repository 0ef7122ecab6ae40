import { Injectable } from '@nestjs/common';
import { PublicPortalRepository } from './public-portal.repository';

/**
 * The version of the published set: `public_portal_state.generation`, which a trigger moves on every change of
 * `project_publication` (a publication, a new review, a withdrawal, a deleted project), whatever instance or
 * statement made it. Public answers depend on nothing else, so they can be kept until it moves.
 */
@Injectable()
export class PublishedSet {
  constructor(private readonly repository: PublicPortalRepository) {}

  generation(): Promise<string> {
    return this.repository.generation();
  }
}

/**
 * Answers kept per key for one generation of the published set: a request for another generation loads again.
 * Concurrent misses share one load, a failed load is not kept, and the least recently used entries go beyond
 * `maxEntries`.
 */
export class GenerationCache<V> {
  private readonly entries = new Map<string, { generation: string; value: Promise<V> }>();

  constructor(private readonly maxEntries: number) {}

  get(key: string, generation: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.generation === generation) {
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = load();
    this.entries.set(key, { generation, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) {
        this.entries.delete(key);
      }
    });
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return value;
  }
}
