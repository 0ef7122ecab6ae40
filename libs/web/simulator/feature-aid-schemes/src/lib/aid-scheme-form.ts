import { type AbstractControl, FormArray, FormControl, FormGroup, type ValidationErrors, type ValidatorFn, Validators } from '@angular/forms';
import {
  type AidDestination,
  type AidKind,
  type AidSchemeDto,
  type AidSchemeLink,
  type AidSchemeRuleFields,
  type AidSchemeVersionDto,
  type AidSchemeVersionInput,
  type CapGroup,
  type CreateAidSchemeRequest,
  type Funder,
  type ProjectTheme,
  SIMULATION_MAX_CENTS,
  type TaxBase,
} from '@passerelle/shared/dto';
import { fieldErrorMessage, notBlank } from '@passerelle/web/shared/ui-material';
import { formatMoneyInput, formatPercentInput, parseEuros, parsePercentInput } from '@passerelle/web/shared/util-format';

/** The API's limits (apps/api simulator-requests.dto.ts), checked here first so that a typo is caught before sending. */
export const AID_SCHEME_LIMITS = {
  codeMax: 40,
  nameMax: 200,
  descriptionMax: 5000,
  audiencesMax: 10,
  audienceMax: 100,
  recurrenceMax: 200,
  linksMax: 10,
  sourcesMax: 10,
  labelMax: 300,
  urlMax: 2000,
  priorityMax: 1000,
  inhabitantsMax: 100_000_000,
} as const;

const HTTPS_URL = /^https:\/\/[^\s<>"]+$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

// --- French number fields ----------------------------------------------------------------------------------------

/** `3 500` or `3500` → 3500; empty → `null`. A whole number from 0 to `max`. */
export function parseWholeNumber(text: string, max: number): { value: number | null; error: string | null } {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') {
    return { value: null, error: null };
  }
  if (!/^\d{1,12}$/.test(compact) || Number(compact) > max) {
    return { value: null, error: `Indiquez un nombre entier de 0 à ${max.toLocaleString('fr-FR')}, sans virgule.` };
  }
  return { value: Number(compact), error: null };
}

export const moneyValidator: ValidatorFn = (control: AbstractControl<string>): ValidationErrors | null => {
  const { error } = parseEuros(control.value ?? '', SIMULATION_MAX_CENTS);
  return error === null ? null : { money: error };
};

const percentValidator: ValidatorFn = (control: AbstractControl<string>): ValidationErrors | null => {
  const { error } = parsePercentInput(control.value ?? '');
  return error === null ? null : { percent: error };
};

function wholeNumberValidator(max: number): ValidatorFn {
  return (control: AbstractControl<string>) => {
    const { error } = parseWholeNumber(control.value ?? '', max);
    return error === null ? null : { wholeNumber: error };
  };
}

export const dayValidator: ValidatorFn = (control: AbstractControl<string>) =>
  control.value && !ISO_DAY.test(control.value) ? { day: 'Indiquez une date valide.' } : null;

/** The publics, one per line: at most 10 lines of 100 characters. */
const audiencesValidator: ValidatorFn = (control: AbstractControl<string>) => {
  const lines = audiencesOf(control.value ?? '');
  if (lines.length > AID_SCHEME_LIMITS.audiencesMax) {
    return { audiences: `Indiquez au plus ${AID_SCHEME_LIMITS.audiencesMax} publics.` };
  }
  if (lines.some((line) => line.length > AID_SCHEME_LIMITS.audienceMax)) {
    return { audiences: `Un public ne peut pas dépasser ${AID_SCHEME_LIMITS.audienceMax} caractères.` };
  }
  return null;
};

function audiencesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

// --- The form ----------------------------------------------------------------------------------------------------

export type LinkForm = FormGroup<{ label: FormControl<string>; url: FormControl<string> }>;

/** A link of the scheme or a source of its rule: both need a label and an https address. */
export function linkForm(label = '', url = ''): LinkForm {
  return new FormGroup({
    label: new FormControl(label, {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.maxLength(AID_SCHEME_LIMITS.labelMax)],
    }),
    url: new FormControl(url, {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.maxLength(AID_SCHEME_LIMITS.urlMax), Validators.pattern(HTTPS_URL)],
    }),
  });
}

const money = () => new FormControl('', { nonNullable: true, validators: [moneyValidator] });
const rate = () => new FormControl('', { nonNullable: true, validators: [percentValidator] });
const inhabitants = () => new FormControl('', { nonNullable: true, validators: [wholeNumberValidator(AID_SCHEME_LIMITS.inhabitantsMax)] });

function ruleForm() {
  return new FormGroup({
    populationMin: inhabitants(),
    populationMax: inhabitants(),
    epciPopulationMax: inhabitants(),
    themes: new FormControl<ProjectTheme[]>([], { nonNullable: true }),
    base: new FormControl<TaxBase>('HT', { nonNullable: true }),
    expenseFloor: money(),
    expenseCeiling: money(),
    rateMin: rate(),
    rateMax: rate(),
    grantFloor: money(),
    grantCeiling: money(),
    capGroup: new FormControl<CapGroup | null>(null),
    lastFunder: new FormControl(false, { nonNullable: true }),
    priority: new FormControl('50', {
      nonNullable: true,
      validators: [Validators.required, wholeNumberValidator(AID_SCHEME_LIMITS.priorityMax)],
    }),
    noSpendingBeforeFiling: new FormControl(true, { nonNullable: true }),
    commissionAbove: money(),
    deadline: new FormControl('', { nonNullable: true, validators: [dayValidator] }),
    illustrative: new FormControl(false, { nonNullable: true }),
    sources: new FormArray<LinkForm>([]),
  });
}

/**
 * The scheme's fields and one dated version of its rule. Amounts are held as typed (`12 345,67`), rates as
 * percentages (`12,5`), populations as whole numbers: they become cents, basis points and integers on submit.
 */
export function aidSchemeForm() {
  return new FormGroup({
    code: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.maxLength(AID_SCHEME_LIMITS.codeMax)],
    }),
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.maxLength(AID_SCHEME_LIMITS.nameMax)],
    }),
    funder: new FormControl<Funder | null>(null, { validators: [Validators.required] }),
    kind: new FormControl<AidKind>('GRANT', { nonNullable: true }),
    destination: new FormControl<AidDestination>('INVESTMENT', { nonNullable: true }),
    description: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(AID_SCHEME_LIMITS.descriptionMax)] }),
    audiences: new FormControl('', { nonNullable: true, validators: [audiencesValidator] }),
    recurrence: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(AID_SCHEME_LIMITS.recurrenceMax)] }),
    callForProjects: new FormControl(false, { nonNullable: true }),
    links: new FormArray<LinkForm>([]),
    validFrom: new FormControl('', { nonNullable: true, validators: [Validators.required, dayValidator] }),
    validTo: new FormControl('', { nonNullable: true, validators: [dayValidator] }),
    rule: ruleForm(),
  });
}
export type AidSchemeForm = ReturnType<typeof aidSchemeForm>;
export type AidSchemeFormValue = ReturnType<AidSchemeForm['getRawValue']>;

/** The version an edit starts from: the one in force, or else the latest (versions are newest first). */
export function startingVersion(scheme: AidSchemeDto): AidSchemeVersionDto | null {
  return scheme.current ?? scheme.versions[0] ?? null;
}

/** `2026-01-31` + 1 day, on the calendar (no time zone involved). */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The first day a new version may start: today, unless the latest version starts today or later (the API wants a new
 * version to start after the latest one).
 */
export function newVersionStart(scheme: AidSchemeDto | null, today: string): string {
  const latest = scheme?.versions[0]?.validFrom;
  return latest && latest >= today ? nextDay(latest) : today;
}

/** The scheme read from the API, its rule taken from `version`, the new version starting on `validFrom`; left pristine. */
export function fillAidSchemeForm(form: AidSchemeForm, scheme: AidSchemeDto, version: AidSchemeVersionDto | null, validFrom: string): void {
  const rule = version?.rule;
  form.controls.links.clear({ emitEvent: false });
  for (const link of scheme.links) {
    form.controls.links.push(linkForm(link.label, link.url), { emitEvent: false });
  }
  const sources = form.controls.rule.controls.sources;
  sources.clear({ emitEvent: false });
  for (const source of rule?.sources ?? []) {
    sources.push(linkForm(source.label, source.url), { emitEvent: false });
  }
  form.reset({
    code: scheme.code,
    name: scheme.name,
    funder: scheme.funder,
    kind: scheme.kind,
    destination: scheme.destination,
    description: scheme.description,
    audiences: scheme.audiences.join('\n'),
    recurrence: scheme.recurrence,
    callForProjects: scheme.callForProjects,
    validFrom,
    // The version in force may end on a set day (a programme's last year): the new one keeps that end by default,
    // unless that day is already before the new start.
    validTo: version?.validTo && version.validTo >= validFrom ? version.validTo : '',
    rule: rule ? ruleFormValue(rule) : {},
  });
}

function wholeNumberInput(value: number | undefined): string {
  return value == null ? '' : String(value);
}

function ruleFormValue(rule: AidSchemeRuleFields) {
  return {
    populationMin: wholeNumberInput(rule.eligibility.populationMin),
    populationMax: wholeNumberInput(rule.eligibility.populationMax),
    epciPopulationMax: wholeNumberInput(rule.eligibility.epciPopulationMax),
    themes: [...rule.eligibility.themes],
    base: rule.base,
    expenseFloor: formatMoneyInput(rule.expenseFloorCents),
    expenseCeiling: formatMoneyInput(rule.expenseCeilingCents),
    rateMin: formatPercentInput(rule.rateMinBp),
    rateMax: formatPercentInput(rule.rateMaxBp),
    grantFloor: formatMoneyInput(rule.grantFloorCents),
    grantCeiling: formatMoneyInput(rule.grantCeilingCents),
    capGroup: rule.capGroup,
    lastFunder: rule.lastFunder,
    priority: String(rule.priority),
    noSpendingBeforeFiling: rule.noSpendingBeforeFiling,
    commissionAbove: formatMoneyInput(rule.commissionAboveCents),
    deadline: rule.deadline ?? '',
    illustrative: rule.illustrative,
  };
}

// --- From the form to the request ----------------------------------------------------------------------------------

function cents(text: string): number | undefined {
  return parseEuros(text, SIMULATION_MAX_CENTS).cents ?? undefined;
}

function basisPoints(text: string): number | undefined {
  return parsePercentInput(text).bp ?? undefined;
}

function wholeNumber(text: string): number | undefined {
  return parseWholeNumber(text, Number.MAX_SAFE_INTEGER).value ?? undefined;
}

/** Only the values that are set: the API reads an absent bound as no bound. */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function linksOf(links: { label: string; url: string }[]): AidSchemeLink[] {
  return links.map((link) => ({ label: link.label.trim(), url: link.url.trim() }));
}

/** The scheme's own fields, trimmed; only called on a valid form. */
export function aidSchemeFieldsOf(value: AidSchemeFormValue): Omit<CreateAidSchemeRequest, 'firstVersion'> {
  return {
    code: value.code.trim(),
    name: value.name.trim(),
    funder: value.funder as Funder,
    kind: value.kind,
    destination: value.destination,
    description: value.description.trim(),
    audiences: audiencesOf(value.audiences),
    recurrence: value.recurrence.trim(),
    callForProjects: value.callForProjects,
    links: linksOf(value.links),
  };
}

/** The dated version of the rule: euros to cents, percentages to basis points; only called on a valid form. */
export function versionInputOf(value: AidSchemeFormValue): AidSchemeVersionInput {
  const rule = value.rule;
  return {
    validFrom: value.validFrom,
    validTo: value.validTo || null,
    rule: {
      eligibility: {
        ...defined({
          populationMin: wholeNumber(rule.populationMin),
          populationMax: wholeNumber(rule.populationMax),
          epciPopulationMax: wholeNumber(rule.epciPopulationMax),
        }),
        themes: [...rule.themes],
      },
      base: rule.base,
      ...defined({
        expenseFloorCents: cents(rule.expenseFloor),
        expenseCeilingCents: cents(rule.expenseCeiling),
        rateMinBp: basisPoints(rule.rateMin),
        rateMaxBp: basisPoints(rule.rateMax),
        grantFloorCents: cents(rule.grantFloor),
        grantCeilingCents: cents(rule.grantCeiling),
      }),
      capGroup: rule.capGroup,
      lastFunder: rule.lastFunder,
      priority: wholeNumber(rule.priority) ?? 0,
      noSpendingBeforeFiling: rule.noSpendingBeforeFiling,
      commissionAboveCents: cents(rule.commissionAbove) ?? null,
      deadline: rule.deadline || null,
      illustrative: rule.illustrative,
      sources: linksOf(rule.sources),
    },
  };
}

/** What decides whether an edit adds a version: the rule's fields and its dates, as typed. */
export function versionKey(value: AidSchemeFormValue): string {
  return JSON.stringify([value.validFrom, value.validTo, value.rule]);
}

// --- Errors ------------------------------------------------------------------------------------------------------

/** The API's names of a rule's fields, and the form's. */
const RULE_CONTROLS: Record<string, string> = {
  'eligibility.populationMin': 'populationMin',
  'eligibility.populationMax': 'populationMax',
  'eligibility.epciPopulationMax': 'epciPopulationMax',
  'eligibility.themes': 'themes',
  expenseFloorCents: 'expenseFloor',
  expenseCeilingCents: 'expenseCeiling',
  rateMinBp: 'rateMin',
  rateMaxBp: 'rateMax',
  grantFloorCents: 'grantFloor',
  grantCeilingCents: 'grantCeiling',
  commissionAboveCents: 'commissionAbove',
};

/**
 * The form's path of a field the API refused: `newVersion.rule.rateMaxBp` → `rule.rateMax`,
 * `firstVersion.validFrom` → `validFrom`, `links.0.url` as is; `audiences.3` → `audiences` (one text area).
 * `null` when no field of the form holds it.
 */
export function controlOf(form: AidSchemeForm, apiPath: string): AbstractControl | null {
  const version = /^(?:firstVersion|newVersion)\.(.+)$/.exec(apiPath);
  let path = apiPath;
  if (version) {
    const rule = /^rule\.(.+)$/.exec(version[1]);
    path = rule ? `rule.${RULE_CONTROLS[rule[1]] ?? rule[1]}` : version[1];
  }
  const segments = path.split('.');
  while (segments.length > 0) {
    const control = form.get(segments.join('.'));
    if (control) {
      return control instanceof FormControl ? control : null;
    }
    segments.pop();
  }
  return null;
}

const LABELS: Record<string, string> = {
  code: 'Code court',
  name: 'Nom du dispositif',
  funder: 'Financeur',
  kind: 'Nature de l’aide',
  destination: 'Destination',
  description: 'Description',
  audiences: 'Publics visés',
  recurrence: 'Récurrence',
  validFrom: 'Nouvelle version à partir du',
  validTo: 'Fin de validité',
  'rule.populationMin': 'Population minimale',
  'rule.populationMax': 'Population maximale',
  'rule.epciPopulationMax': 'Population maximale de l’intercommunalité',
  'rule.themes': 'Thématiques éligibles',
  'rule.base': 'Assiette',
  'rule.expenseFloor': 'Plancher de dépense éligible',
  'rule.expenseCeiling': 'Plafond de dépense éligible',
  'rule.rateMin': 'Taux minimal',
  'rule.rateMax': 'Taux maximal',
  'rule.grantFloor': 'Plancher de subvention',
  'rule.grantCeiling': 'Plafond de subvention',
  'rule.capGroup': 'Plafond commun',
  'rule.priority': 'Priorité',
  'rule.commissionAbove': 'Avis de la commission au-delà de',
  'rule.deadline': 'Date limite de dépôt',
};

/**
 * Drops the errors the API gave on the last save: a cross-field one (« le taux maximal ne peut pas être inférieur au
 * taux minimal ») may have been fixed in another field, and the API checks again on the next save.
 */
export function clearServerErrors(control: AbstractControl): void {
  if (control instanceof FormGroup || control instanceof FormArray) {
    for (const child of Object.values(control.controls as Record<string, AbstractControl>)) {
      clearServerErrors(child);
    }
  } else if (control.hasError('server')) {
    control.updateValueAndValidity({ emitEvent: false });
  }
}

/** The French name of a field in the error summary. */
export function aidSchemeFieldLabel(path: string): string | undefined {
  const link = /^(links|rule\.sources)\.(\d+)\.(label|url)$/.exec(path);
  if (link) {
    const what = link[1] === 'links' ? 'Lien' : 'Source';
    return `${what} n°\u00a0${Number(link[2]) + 1} (${link[3] === 'label' ? 'libellé' : 'adresse'})`;
  }
  return LABELS[path];
}

/**
 * The French message under a field: the API's first, then the message carried by this form's own checks (money,
 * percentage, whole number, date…), then the shared messages of Angular's validators.
 */
export function aidSchemeFieldError(control: AbstractControl): string {
  const errors: ValidationErrors = control.errors ?? {};
  if (typeof errors['server'] === 'string') {
    return errors['server'];
  }
  const own = Object.values(errors).find((value): value is string => typeof value === 'string');
  if (own) {
    return own;
  }
  if (errors['pattern']) {
    return 'L’adresse doit commencer par https://';
  }
  return fieldErrorMessage(control);
}
