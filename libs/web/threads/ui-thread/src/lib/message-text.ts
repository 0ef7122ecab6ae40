import type { FormControl } from '@angular/forms';

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
