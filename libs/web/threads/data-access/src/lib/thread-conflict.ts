import type { WritableSignal } from '@angular/core';
import { apiErrorCode, apiErrorMessage } from '@passerelle/web/shared/util-format';

/** Said when a thread changed under the user (409): the page reloads it, and what they typed stays in the field. */
export const THREAD_CONFLICT_MESSAGE =
  'Quelqu’un a modifié cette question entre-temps\u00a0: elle vient d’être rechargée. Votre texte est conservé\u00a0; vérifiez puis recommencez.';

/** A failed request that answered 409: the thread is no longer as the page shows it. */
function isConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 409;
}

/**
 * Says in `target` why a request on the page's thread failed. A 409 means the thread moved on: it is reloaded.
 * When someone changed it (`THREAD_VERSION_CONFLICT`) the page says so; for the other refusals (closed meanwhile,
 * edit window over…) it gives the server's own explanation. The typed text stays where it is.
 */
export function showThreadError(
  thread: { reload(): unknown },
  error: unknown,
  target: WritableSignal<string>,
  fallback: string,
): void {
  if (isConflict(error)) {
    thread.reload();
    target.set(apiErrorCode(error) === 'THREAD_VERSION_CONFLICT' ? THREAD_CONFLICT_MESSAGE : apiErrorMessage(error, THREAD_CONFLICT_MESSAGE));
    return;
  }
  target.set(apiErrorMessage(error, fallback));
}
