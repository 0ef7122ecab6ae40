import { inject, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { CommuneSummaryDto } from '@passerelle/shared/dto';
import { debounceTime, distinctUntilChanged, filter, map, type Observable, of, switchMap } from 'rxjs';
import { TerritoryApi } from './territory-api';

/** At most this many communes are suggested. */
const SUGGESTIONS = 10;

/**
 * The communes of a département whose name matches what is typed in a commune field: from two letters, once typing
 * pauses (`debounceMs`), the latest answer only. A value that is no longer text (a commune chosen in the list) asks
 * nothing. Call it in an injection context (a field initialiser).
 */
export function communeSuggestions(
  typed: Observable<unknown>,
  departementCode: () => string | null | undefined,
  debounceMs = 250,
): Signal<CommuneSummaryDto[]> {
  const territory = inject(TerritoryApi);
  return toSignal(
    typed.pipe(
      filter((value): value is string => typeof value === 'string'),
      debounceTime(debounceMs),
      map((value) => value.trim()),
      distinctUntilChanged(),
      switchMap((q) => {
        const code = departementCode();
        return q.length < 2 || !code ? of([]) : territory.listCommunes(code, { q, limit: SUGGESTIONS }).pipe(map((page) => page.items));
      }),
    ),
    { initialValue: [] as CommuneSummaryDto[] },
  );
}
