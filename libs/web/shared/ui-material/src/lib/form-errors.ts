import type { AbstractControl, FormGroup, ValidatorFn } from '@angular/forms';
import { apiFieldErrors } from '@passerelle/web/shared/util-format';

/** The French message to show under a field, from its first error. */
export function fieldErrorMessage(control: AbstractControl): string {
  const errors = control.errors;
  if (!errors) {
    return '';
  }
  if (typeof errors['server'] === 'string') {
    return errors['server'];
  }
  // Before `required`: typed text that is no day leaves the field empty, and "obligatoire" would puzzle.
  if (errors['matDatepickerParse']) {
    return 'Saisissez une date au format jj/mm/aaaa, par exemple 04/12/2026.';
  }
  if (errors['required']) {
    return 'Ce champ est obligatoire.';
  }
  if (errors['email']) {
    return 'Saisissez une adresse électronique valide, par exemple prenom.nom@mairie.fr.';
  }
  if (errors['minlength']) {
    return `Saisissez au moins ${(errors['minlength'] as { requiredLength: number }).requiredLength} caractères.`;
  }
  if (errors['maxlength']) {
    return `Saisissez au plus ${(errors['maxlength'] as { requiredLength: number }).requiredLength} caractères.`;
  }
  if (errors['pattern']) {
    return 'Le format saisi n’est pas valide.';
  }
  if (errors['mismatch']) {
    return 'Les deux mots de passe ne sont pas identiques.';
  }
  return 'Valeur incorrecte.';
}

/**
 * Shows the API's field errors (`errors: { password: "…" }`) under the matching fields; they go away as soon as the
 * user edits the field. `fields` maps API names to control names when they differ. Returns whether any was shown.
 */
export function showServerErrors(form: FormGroup, error: unknown, fields: Record<string, string> = {}): boolean {
  let shown = false;
  for (const [name, message] of Object.entries(apiFieldErrors(error))) {
    const control = form.get(fields[name] ?? name);
    if (control) {
      control.setErrors({ ...control.errors, server: message });
      control.markAsTouched();
      shown = true;
    }
  }
  return shown;
}

/** For a confirmation field: the same value as its sibling `other` (re-checked on submit). */
export function sameAs(other: string): ValidatorFn {
  return (control) => {
    const sibling = control.parent?.get(other);
    return sibling && control.value !== sibling.value ? { mismatch: true } : null;
  };
}

/** `required` that also refuses spaces only, reported as `required` so that the usual French message shows. */
export const notBlank: ValidatorFn = (control) =>
  typeof control.value === 'string' && control.value.trim() === '' ? { required: true } : null;
