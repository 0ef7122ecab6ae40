import { DestroyRef, DOCUMENT, effect, inject, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { FormControl } from '@angular/forms';

const KEY_PREFIX = 'passerelle.reply-draft.';

/**
 * Keeps the answer being written to a thread in this browser, per user and thread, so that leaving the page (a
 * phone call, another tab) loses nothing: it comes back in the box on return and goes when the box is emptied (sent
 * or erased). Create it in a component's field initialiser; `key` gives `<user id>.<thread id>` once both are known.
 * Storage may be full or refused (private browsing): the text then simply stays in the box only.
 */
export class ReplyDraft {
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage ?? null;

  constructor(
    private readonly control: FormControl<string>,
    private readonly key: () => string | null,
  ) {
    effect(() => {
      const key = this.key();
      if (key !== null) {
        untracked(() => this.restore(key));
      }
    });
    // Written at every change (a small synchronous write): a debounce could lose the clearing after a send when the
    // page is left at once, and bring back a message already sent.
    control.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((body) => {
      const current = this.key();
      if (current !== null) {
        this.write(current, body);
      }
    });
  }

  private restore(key: string): void {
    if (this.control.value.trim() !== '') {
      return;
    }
    try {
      const saved = this.storage?.getItem(KEY_PREFIX + key);
      if (saved) {
        this.control.setValue(saved, { emitEvent: false });
      }
    } catch {
      // Nothing kept, or storage refused.
    }
  }

  private write(key: string, body: string): void {
    try {
      if (body.trim() === '') {
        this.storage?.removeItem(KEY_PREFIX + key);
      } else {
        this.storage?.setItem(KEY_PREFIX + key, body);
      }
    } catch {
      // Full or refused storage: the box still holds the text.
    }
  }
}
