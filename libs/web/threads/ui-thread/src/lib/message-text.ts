import type { FormControl } from '@angular/forms';
import { apiFieldErrors } from '@passerelle/web/shared/util-format';

/**
 * Checked when the user sends, not while typing: a text of spaces only is flagged as required, any other error of
 * the field (too long) is shown under it. Whether the text may go.
 */
export function checkMessageText(control: FormControl<string>): boolean {
  if (control.value.trim() === '') {
    control.setErrors({ required: true });
    control.markAsTouched();
    return false;
  }
  if (control.invalid) {
    control.markAsTouched();
    return false;
  }
  return true;
}

/**
 * The API's refusal of the text itself (400 with `errors.body`) shown under the field like a check of the page.
 * Whether there was one: the caller then moves focus to the field instead of showing a message elsewhere.
 */
export function showMessageTextError(control: FormControl<string>, error: unknown): boolean {
  const message = apiFieldErrors(error)['body'];
  if (!message) {
    return false;
  }
  control.setErrors({ ...control.errors, server: message });
  control.markAsTouched();
  return true;
}
