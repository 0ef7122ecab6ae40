import { type AbstractControl, FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import {
  FAQ_LIMITS,
  type FaqEntryDto,
  type FaqEntryInput,
  type FaqScope,
  type FaqVisibility,
  type ProjectTheme,
  type ThreadCategory,
} from '@passerelle/shared/dto';
import { fieldErrorMessage, notBlank } from '@passerelle/web/shared/ui-material';

/** The API refuses other addresses: Légifrance and the official sites all answer in https. */
const HTTPS_URL = /^https:\/\/[^\s<>"]+$/;
const REFERENCE_LABEL_MIN = 3;

export type ReferenceForm = FormGroup<{ label: FormControl<string>; url: FormControl<string> }>;

export function referenceForm(label = '', url = ''): ReferenceForm {
  return new FormGroup({
    label: new FormControl(label, {
      nonNullable: true,
      validators: [
        Validators.required,
        notBlank,
        Validators.minLength(REFERENCE_LABEL_MIN),
        Validators.maxLength(FAQ_LIMITS.referenceLabelMax),
      ],
    }),
    url: new FormControl(url, {
      nonNullable: true,
      validators: [Validators.maxLength(FAQ_LIMITS.referenceUrlMax), Validators.pattern(HTTPS_URL)],
    }),
  });
}

export function faqEntryForm() {
  return new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.minLength(FAQ_LIMITS.titleMin), Validators.maxLength(FAQ_LIMITS.titleMax)],
    }),
    answer: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.maxLength(FAQ_LIMITS.answerMax)],
    }),
    theme: new FormControl<ProjectTheme | null>(null, { validators: [Validators.required] }),
    category: new FormControl<ThreadCategory | null>(null, { validators: [Validators.required] }),
    scope: new FormControl<FaqScope>('DEPARTEMENT', { nonNullable: true }),
    visibility: new FormControl<FaqVisibility>('COMMUNES', { nonNullable: true }),
    legalReferences: new FormArray<ReferenceForm>([], { validators: [Validators.maxLength(FAQ_LIMITS.referencesMax)] }),
    validUntil: new FormControl('', { nonNullable: true }),
  });
}
export type FaqEntryForm = ReturnType<typeof faqEntryForm>;

/** The entry read from the API, in the form (its references included), left pristine. */
export function fillFaqEntryForm(form: FaqEntryForm, entry: FaqEntryDto): void {
  form.controls.legalReferences.clear({ emitEvent: false });
  for (const reference of entry.legalReferences) {
    form.controls.legalReferences.push(referenceForm(reference.label, reference.url ?? ''), { emitEvent: false });
  }
  form.reset({
    title: entry.title,
    answer: entry.answer,
    theme: entry.theme,
    category: entry.category,
    scope: entry.scope,
    visibility: entry.visibility,
    validUntil: entry.validUntil ?? '',
  });
}

/** What the API is sent, trimmed; only called on a valid form. */
export function faqEntryInputOf(form: FaqEntryForm): FaqEntryInput {
  const value = form.getRawValue();
  return {
    title: value.title.trim(),
    answer: value.answer.trim(),
    theme: value.theme as ProjectTheme,
    category: value.category as ThreadCategory,
    scope: value.scope,
    visibility: value.visibility,
    legalReferences: value.legalReferences.map((reference) => ({
      label: reference.label.trim(),
      url: reference.url.trim() || null,
    })),
    validUntil: value.validUntil || null,
  };
}

/** The French message under a field of the editor, more precise than the generic one where it helps. */
export function faqFieldError(control: AbstractControl, field: 'title' | 'answer' | 'label' | 'url' | 'other'): string {
  const errors = control.errors ?? {};
  if (typeof errors['server'] === 'string') {
    return errors['server'];
  }
  switch (field) {
    case 'title':
      if (errors['required']) {
        return 'Écrivez la question telle qu’une commune la poserait.';
      }
      if (errors['minlength']) {
        return `La question doit compter au moins ${FAQ_LIMITS.titleMin} caractères.`;
      }
      if (errors['maxlength']) {
        return `La question ne peut pas dépasser ${FAQ_LIMITS.titleMax} caractères.`;
      }
      break;
    case 'answer':
      if (errors['required']) {
        return 'Rédigez la réponse.';
      }
      if (errors['maxlength']) {
        return `La réponse ne peut pas dépasser ${FAQ_LIMITS.answerMax.toLocaleString('fr-FR')} caractères.`;
      }
      break;
    case 'label':
      if (errors['required'] || errors['minlength']) {
        return 'Indiquez l’article ou le texte cité, par exemple «\u00a0Article R2334-27 du CGCT\u00a0».';
      }
      break;
    case 'url':
      if (errors['pattern']) {
        return 'Le lien doit être une adresse commençant par https://';
      }
      break;
    case 'other':
      if (errors['required']) {
        return 'Choisissez une valeur.';
      }
      break;
  }
  return fieldErrorMessage(control);
}
