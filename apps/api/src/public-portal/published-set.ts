import { Injectable } from '@nestjs/common';
import { PublicPortalRepository } from './public-portal.repository';

/**
 * The version of the published set: `public_portal_state.generation`, which a trigger moves on every change of
 * `project_publication` (a publication, a new review, a withdrawal, a deleted project), whatever instance or
 * statement made it. Public answers depend on nothing else, so they can be kept until it moves.
 *
 * Every public request reads it, so that no instance serves a page older than the latest commit. Reads are shared:
 * a request that arrives while one runs waits for the next, which starts when the running one ends and serves every
 * request that arrived meanwhile. Each request still sees a value read after it arrived (never a page older than a
 * change committed before it), and under load one read serves dozens of requests instead of one each — the read
 * was half of what a kept public page cost.
 */
@Injectable()
export class PublishedSet {
  private running: Promise<string> | null = null;
  private next: Promise<string> | null = null;

  constructor(private readonly repository: PublicPortalRepository) {}

  generation(): Promise<string> {
    if (!this.running) {
      return this.read();
    }
    // The running read may have started before this request arrived: it waits for the next one.
    this.next ??= this.running.then(ignore, ignore).then(() => {
      this.next = null;
      return this.read();
    });
    return this.next;
  }

  private read(): Promise<string> {
    const read: Promise<string> = this.repository.generation().finally(() => {
      if (this.running === read) {
        this.running = null;
      }
    });
    this.running = read;
    return read;
  }
}

function ignore(): void {
  // Only the end of the running read matters here; its callers get its outcome.
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
