import { type AbstractControl, FormControl, FormGroup, type ValidationErrors, Validators } from '@angular/forms';
import {
  type CommuneSummaryDto,
  type CreateAidSchemeTestCaseRequest,
  type Derogation,
  type ProjectTheme,
  SIMULATION_MAX_CENTS,
} from '@passerelle/shared/dto';
import { notBlank } from '@passerelle/web/shared/ui-material';
import { parseEuros, todayInParis } from '@passerelle/web/shared/util-format';
import { aidSchemeFieldError, dayValidator, moneyValidator } from './aid-scheme-form';

const NAME_MAX = 200;

/** The commune must be one of the suggestions (a typed name alone is no INSEE code). */
function communeChosen(control: AbstractControl<string | CommuneSummaryDto>): ValidationErrors | null {
  return typeof control.value === 'object' && control.value !== null
    ? null
    : { commune: 'Choisissez la commune dans la liste proposée (tapez au moins deux lettres de son nom).' };
}

/** An eligible expense is needed, and more than nothing. */
function positiveAmount(control: AbstractControl<string>): ValidationErrors | null {
  const { cents, error } = parseEuros(control.value ?? '', SIMULATION_MAX_CENTS);
  return error === null && !cents ? { positive: 'Indiquez la dépense éligible hors taxes, par exemple 180 000.' } : null;
}

/** « Ajouter un cas de test »: a simulation whose line for this scheme is saved as the expected one. */
export function testCaseForm() {
  return new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required, notBlank, Validators.maxLength(NAME_MAX)] }),
    commune: new FormControl<string | CommuneSummaryDto>('', { nonNullable: true, validators: [communeChosen] }),
    theme: new FormControl<ProjectTheme | null>(null, { validators: [Validators.required] }),
    expenseHt: new FormControl('', { nonNullable: true, validators: [moneyValidator, positiveAmount] }),
    expenseTtc: new FormControl('', { nonNullable: true, validators: [moneyValidator] }),
    privateFunding: new FormControl('', { nonNullable: true, validators: [moneyValidator] }),
    date: new FormControl(todayInParis(), { nonNullable: true, validators: [dayValidator] }),
    derogation: new FormControl<Derogation | null>(null),
  });
}
export type TestCaseForm = ReturnType<typeof testCaseForm>;

/** The API's names of the case's fields, mapped onto the form's. */
export const TEST_CASE_API_FIELDS: Record<string, string> = {
  communeInsee: 'commune',
  eligibleExpenseHtCents: 'expenseHt',
  expenseTtcCents: 'expenseTtc',
  privateFundingCents: 'privateFunding',
};

const LABELS: Record<string, string> = {
  name: 'Nom du cas',
  commune: 'Commune',
  theme: 'Thématique',
  expenseHt: 'Dépense éligible HT',
  expenseTtc: 'Coût TTC',
  privateFunding: 'Financements privés',
  date: 'Date de la simulation',
  derogation: 'Dérogation',
};

export function testCaseFieldLabel(path: string): string | undefined {
  return LABELS[path];
}

export const testCaseFieldError = aidSchemeFieldError;

/** The request of a valid form: amounts in cents, the optional ones left out when empty. */
export function testCaseRequestOf(form: TestCaseForm): CreateAidSchemeTestCaseRequest {
  const value = form.getRawValue();
  const amount = (text: string) => parseEuros(text, SIMULATION_MAX_CENTS).cents;
  const request: CreateAidSchemeTestCaseRequest = {
    name: value.name.trim(),
    communeInsee: (value.commune as CommuneSummaryDto).insee,
    theme: value.theme as ProjectTheme,
    eligibleExpenseHtCents: amount(value.expenseHt) ?? 0,
    derogation: value.derogation,
  };
  const ttc = amount(value.expenseTtc);
  if (ttc !== null) {
    request.expenseTtcCents = ttc;
  }
  const privateFunding = amount(value.privateFunding);
  if (privateFunding) {
    request.privateFundingCents = privateFunding;
  }
  if (value.date) {
    request.date = value.date;
  }
  return request;
}
