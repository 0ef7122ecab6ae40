import { effect, type Signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { FormControl } from '@angular/forms';
import { debounceTime, filter, map } from 'rxjs';

/**
 * Keeps a search field and the address in step, for list pages whose filters live in the query string: the field
 * follows the address (back button, "Effacer les filtres") unless it already says the same, and a pause in typing
 * applies the trimmed text. `apply` should replace the history entry: "back" undoes a search, not a letter. Call it
 * in an injection context (a constructor).
 */
export function bindSearchField(field: FormControl<string>, current: Signal<string>, apply: (q: string) => void, debounceMs: number): void {
  effect(() => {
    const q = current();
    untracked(() => {
      if (field.value.trim() !== q) {
        field.setValue(q, { emitEvent: false });
      }
    });
  });
  field.valueChanges
    .pipe(
      debounceTime(debounceMs),
      map((value) => value.trim()),
      filter((q) => q !== untracked(current)),
      takeUntilDestroyed(),
    )
    .subscribe(apply);
}
