import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import {
  DEFAULT_PROGRESS,
  DEPT_PROJECT_LIMITS,
  type DeptProjectDto,
  type DeptProjectInput,
  type MilestoneDto,
  PROJECT_LIMITS,
  type ProjectStatus,
  type ProjectTheme,
} from '@passerelle/shared/dto';
import { fundingLineGroup, moneyValidator, toFundingLineDto } from '@passerelle/web/projects/ui-project';
import { formatMoneyInput, parseEuros } from '@passerelle/web/shared/util-format';

/*
 * The controls are named like the API's fields (`milestones.0.title`), so that a field error finds its control with
 * `form.get(key)`. Money controls hold the text typed; dates hold `YYYY-MM-DD` or `''`.
 */
const text = (max: number, required = false) =>
  new FormControl('', { nonNullable: true, validators: [Validators.maxLength(max), ...(required ? [Validators.required] : [])] });
const money = () => new FormControl('', { nonNullable: true, validators: [moneyValidator] });

export function milestoneGroup(milestone?: MilestoneDto) {
  return new FormGroup({
    date: new FormControl(milestone?.date ?? '', { nonNullable: true, validators: [Validators.required] }),
    title: new FormControl(milestone?.title ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(PROJECT_LIMITS.shortText)],
    }),
    done: new FormControl(milestone?.done ?? false, { nonNullable: true }),
  });
}

export function createDeptProjectForm() {
  return new FormGroup({
    title: text(PROJECT_LIMITS.title, true),
    summary: text(PROJECT_LIMITS.summary),
    description: text(PROJECT_LIMITS.longText),
    objectives: text(PROJECT_LIMITS.longText),
    resources: text(PROJECT_LIMITS.longText),
    partners: text(PROJECT_LIMITS.longText),
    theme: new FormControl<ProjectTheme | null>(null, { validators: [Validators.required] }),
    status: new FormControl<ProjectStatus>('PLANNED', { nonNullable: true, validators: [Validators.required] }),
    progress: new FormControl<number>(DEFAULT_PROGRESS.PLANNED, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(0), Validators.max(100)],
    }),
    startDate: new FormControl('', { nonNullable: true }),
    endDate: new FormControl('', { nonNullable: true }),
    location: new FormGroup({
      lat: new FormControl<number | null>(null),
      lng: new FormControl<number | null>(null),
      address: text(PROJECT_LIMITS.shortText),
    }),
    cantonCodes: new FormControl<string[]>([], {
      nonNullable: true,
      validators: [Validators.maxLength(DEPT_PROJECT_LIMITS.cantons)],
    }),
    axisId: new FormControl<string | null>(null),
    leadId: new FormControl<string | null>(null),
    forecastCostCents: money(),
    finalCostCents: money(),
    fundingLines: new FormArray<ReturnType<typeof fundingLineGroup>>([]),
    milestones: new FormArray<ReturnType<typeof milestoneGroup>>([]),
    evaluation: text(PROJECT_LIMITS.longText),
    lessons: new FormGroup({
      problems: text(PROJECT_LIMITS.longText),
      differently: text(PROJECT_LIMITS.longText),
      advice: text(PROJECT_LIMITS.longText),
    }),
  });
}

export type DeptProjectForm = ReturnType<typeof createDeptProjectForm>;

/** The fields the form edits, from a fiche. */
export function deptInputOf(project: DeptProjectDto): DeptProjectInput {
  return {
    title: project.title,
    summary: project.summary,
    description: project.description,
    objectives: project.objectives,
    resources: project.resources,
    partners: project.partners,
    theme: project.theme,
    status: project.status,
    progress: project.progress,
    startDate: project.startDate,
    endDate: project.endDate,
    location: project.location,
    cantonCodes: project.cantons.map((canton) => canton.code),
    axisId: project.axis?.id ?? null,
    leadId: project.lead?.id ?? null,
    forecastCostCents: project.forecastCostCents,
    finalCostCents: project.finalCostCents,
    fundingLines: project.fundingLines,
    milestones: project.milestones,
    evaluation: project.evaluation,
    lessons: project.lessons,
  };
}

/** Fills the form with a fiche (or a merged input), rebuilding the rows of the two lists. */
export function fillDeptProjectForm(form: DeptProjectForm, input: DeptProjectInput): void {
  form.controls.fundingLines.clear({ emitEvent: false });
  for (const line of input.fundingLines) {
    form.controls.fundingLines.push(fundingLineGroup(line), { emitEvent: false });
  }
  form.controls.milestones.clear({ emitEvent: false });
  for (const milestone of input.milestones) {
    form.controls.milestones.push(milestoneGroup(milestone), { emitEvent: false });
  }
  form.patchValue(
    {
      title: input.title,
      summary: input.summary,
      description: input.description,
      objectives: input.objectives,
      resources: input.resources,
      partners: input.partners,
      theme: input.theme,
      status: input.status,
      progress: input.progress ?? DEFAULT_PROGRESS[input.status],
      startDate: input.startDate ?? '',
      endDate: input.endDate ?? '',
      location: { lat: input.location?.lat ?? null, lng: input.location?.lng ?? null, address: input.location?.address ?? '' },
      cantonCodes: [...input.cantonCodes],
      axisId: input.axisId,
      leadId: input.leadId,
      forecastCostCents: formatMoneyInput(input.forecastCostCents),
      finalCostCents: formatMoneyInput(input.finalCostCents),
      evaluation: input.evaluation,
      lessons: { ...input.lessons },
    },
    { emitEvent: false },
  );
  form.controls.location.updateValueAndValidity();
}

const orNull = (value: string | null) => (value === null || value.trim() === '' ? null : value.trim());

/** What the form sends, once valid: amounts in cents, blank optional texts and dates as `null`. */
export function toDeptProjectInput(form: DeptProjectForm): DeptProjectInput {
  const value = form.getRawValue();
  const { lat, lng, address } = value.location;
  return {
    title: value.title.trim(),
    summary: value.summary.trim(),
    description: value.description.trim(),
    objectives: value.objectives.trim(),
    resources: value.resources.trim(),
    partners: value.partners.trim(),
    theme: value.theme as ProjectTheme,
    status: value.status,
    progress: value.progress,
    startDate: orNull(value.startDate),
    endDate: orNull(value.endDate),
    location: lat !== null && lng !== null ? { lat, lng, address: orNull(address) } : null,
    cantonCodes: [...value.cantonCodes],
    axisId: value.axisId || null,
    leadId: value.leadId || null,
    forecastCostCents: parseEuros(value.forecastCostCents).cents,
    finalCostCents: parseEuros(value.finalCostCents).cents,
    fundingLines: value.fundingLines.map(toFundingLineDto),
    milestones: value.milestones.map((milestone) => ({ date: milestone.date, title: milestone.title.trim(), done: milestone.done })),
    evaluation: value.evaluation.trim(),
    lessons: {
      problems: value.lessons.problems.trim(),
      differently: value.lessons.differently.trim(),
      advice: value.lessons.advice.trim(),
    },
  };
}

/** JSON with sorted object keys: jsonb gives `lessons` and funding lines back in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

const FIELDS: (keyof DeptProjectInput)[] = [
  'title', 'summary', 'description', 'objectives', 'resources', 'partners', 'theme', 'status', 'progress', 'startDate',
  'endDate', 'location', 'cantonCodes', 'axisId', 'leadId', 'forecastCostCents', 'finalCostCents', 'fundingLines',
  'milestones', 'evaluation', 'lessons',
];

export function changedDeptFields(before: DeptProjectInput, after: DeptProjectInput): (keyof DeptProjectInput)[] {
  return FIELDS.filter((field) => canonical(before[field]) !== canonical(after[field]));
}

/** Only what changed since `base`, for a PATCH (an agent's PATCH never carries `leadId` unless it changed). */
export function deptChangesSince(base: DeptProjectInput, input: DeptProjectInput): Partial<DeptProjectInput> {
  const changes: Partial<DeptProjectInput> = {};
  for (const field of changedDeptFields(base, input)) {
    (changes as Record<string, unknown>)[field] = input[field];
  }
  return changes;
}

/** After a conflict: the user's changes since `base` laid over the fiche as it is now. */
export function mergeDeptOnto(base: DeptProjectInput, mine: DeptProjectInput, current: DeptProjectInput): DeptProjectInput {
  const merged: DeptProjectInput = { ...current };
  for (const field of changedDeptFields(base, mine)) {
    (merged as unknown as Record<string, unknown>)[field] = mine[field];
  }
  return merged;
}

export const DEPT_PROJECT_FIELD_LABELS: Record<keyof DeptProjectInput, string> = {
  title: 'Titre',
  summary: 'Résumé',
  description: 'Description',
  objectives: 'Objectifs',
  resources: 'Moyens',
  partners: 'Acteurs et partenaires',
  theme: 'Thème',
  status: 'Statut',
  progress: 'Avancement',
  startDate: 'Date de début',
  endDate: 'Date de fin',
  location: 'Emplacement',
  cantonCodes: 'Cantons',
  axisId: 'Axe du programme',
  leadId: 'Chef de projet',
  forecastCostCents: 'Coût prévisionnel',
  finalCostCents: 'Coût final',
  fundingLines: 'Financements',
  milestones: 'Étapes',
  evaluation: 'Évaluation',
  lessons: 'Retour d’expérience',
};
