import { computed, inject, type Signal, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { PublicMapDto, PublicMapFeature, PublicMapQuery } from '@passerelle/shared/dto';
import { PublicProjectsApi } from './public-projects-api';
import { catchError, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';

export interface ProjectMapLayer {
  /** The features of the last answer, kept while the next view loads so that the markers do not blink. */
  readonly features: Signal<readonly PublicMapFeature[]>;
  /** Located projects matching the filters in the whole département; `null` before the first answer. */
  readonly total: Signal<number | null>;
  readonly loading: Signal<boolean>;
  readonly failed: Signal<boolean>;
  retry(): void;
}

const NO_FEATURES: readonly PublicMapFeature[] = [];

/**
 * The clustered layer for the map's successive views: each new query (a move, a zoom, a filter) cancels the request
 * still running, so a slow answer for an old view can never replace the markers of the current one. `null` pauses
 * (no département yet, or the map is not shown). Call in an injection context.
 */
export function projectMapLayer(query: Signal<PublicMapQuery | null>): ProjectMapLayer {
  const api = inject(PublicProjectsApi);
  const attempt = signal(0);
  const last = signal<PublicMapDto | null>(null);
  const loading = signal(false);
  const failed = signal(false);
  const request = computed(() => ({ query: query(), attempt: attempt() }));

  toObservable(request)
    .pipe(
      distinctUntilChanged((a, b) => a.attempt === b.attempt && JSON.stringify(a.query) === JSON.stringify(b.query)),
      tap(({ query }) => loading.set(query !== null)),
      switchMap(({ query }) =>
        query === null
          ? of(null)
          : api.map(query).pipe(
              map((dto): PublicMapDto | 'failed' => dto),
              catchError(() => of('failed' as const)),
            ),
      ),
      takeUntilDestroyed(),
    )
    .subscribe((result) => {
      loading.set(false);
      if (result === 'failed') {
        failed.set(true);
      } else if (result) {
        failed.set(false);
        last.set(result);
      }
    });

  return {
    features: computed(() => last()?.features ?? NO_FEATURES),
    total: computed(() => last()?.total ?? null),
    loading: loading.asReadonly(),
    failed: failed.asReadonly(),
    retry: () => attempt.update((n) => n + 1),
  };
}
