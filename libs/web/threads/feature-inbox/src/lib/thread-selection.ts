import { computed, signal } from '@angular/core';

/**
 * The threads ticked for a bulk action, on the page shown. A new page keeps only the ticks still on it, so that an
 * action never reaches a thread the agent can no longer see.
 */
export class ThreadSelection {
  private readonly ids = signal<ReadonlySet<string>>(new Set());

  readonly selected = this.ids.asReadonly();
  readonly count = computed(() => this.ids().size);

  has(id: string): boolean {
    return this.ids().has(id);
  }

  toggle(id: string): void {
    this.ids.update((current) => {
      const next = new Set(current);
      if (!next.delete(id)) {
        next.add(id);
      }
      return next;
    });
  }

  /** Every thread of the page is ticked (and there is at least one). */
  allOf(pageIds: readonly string[]): boolean {
    const ids = this.ids();
    return pageIds.length > 0 && pageIds.every((id) => ids.has(id));
  }

  /** Some but not all: the "select all" box shows a dash. */
  someOf(pageIds: readonly string[]): boolean {
    const ids = this.ids();
    return pageIds.some((id) => ids.has(id)) && !this.allOf(pageIds);
  }

  /** Ticks the whole page, or unticks it when it already was. */
  toggleAll(pageIds: readonly string[]): void {
    this.ids.set(this.allOf(pageIds) ? new Set() : new Set(pageIds));
  }

  keepOnly(pageIds: readonly string[]): void {
    const visible = new Set(pageIds);
    const kept = [...this.ids()].filter((id) => visible.has(id));
    if (kept.length !== this.ids().size) {
      this.ids.set(new Set(kept));
    }
  }

  clear(): void {
    if (this.ids().size > 0) {
      this.ids.set(new Set());
    }
  }
}
