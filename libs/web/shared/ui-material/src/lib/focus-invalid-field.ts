import { afterNextRender, ElementRef, inject, Injector } from '@angular/core';

/**
 * A field whose error shows: Material marks its form field (`errorState`), not always the input itself (an empty
 * required input has no `aria-invalid`).
 */
const INVALID_FIELD = [
  '.mat-form-field-invalid input',
  '.mat-form-field-invalid textarea',
  '.mat-form-field-invalid mat-select',
  '[aria-invalid="true"]',
].join(', ');

/**
 * For a short form without an error summary (one field: a reply, a code, a reason): after a failed submit, focus
 * moves to the first field in error of the component, once the view shows its message under it, so that a screen
 * reader reads the field with its error (Material links them by `aria-describedby`). Call it in an injection context;
 * `selector` names fields outside a Material form field, such as a radio group's first button.
 */
export function injectFocusInvalidField(selector = INVALID_FIELD): () => void {
  const host = inject<ElementRef<HTMLElement>>(ElementRef);
  const injector = inject(Injector);
  return () =>
    afterNextRender(
      () => {
        const field = host.nativeElement.querySelector<HTMLElement>(selector);
        field?.scrollIntoView?.({ block: 'center' });
        field?.focus();
      },
      { injector },
    );
}
