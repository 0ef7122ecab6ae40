import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import {
  DEFAULT_PROGRESS,
  type MilestoneDto,
  PROJECT_LIMITS,
  type ProjectDto,
  type ProjectInput,
  type ProjectStatus,
  type ProjectTheme,
} from '@passerelle/shared/dto';
import { fundingLineGroup, moneyValidator, toFundingLineDto } from '@passerelle/web/projects/ui-project';
import { formatMoneyInput, parseEuros } from '@passerelle/web/shared/util-format';

/*
 * The controls are named like the API's fields, so that a field error keyed `fundingLines.0.amountRequestedCents`
 * finds its control with `form.get(key)`. Money controls hold the text typed (converted on submit); dates hold
 * `YYYY-MM-DD` or `''` (what `<input type="date">` gives).
 */

const text = (max: number, required = false) =>
  new FormControl('', { nonNullable: true, validators: [Validators.maxLength(max), ...(required ? [Validators.required] : [])] });
const money = () => new FormControl('', { nonNullable: true, validators: [moneyValidator] });
const day = (required = false) => new FormControl('', { nonNullable: true, validators: required ? [Validators.required] : [] });

export function milestoneGroup(milestone?: MilestoneDto) {
  return new FormGroup({
    date: day(true),
    title: new FormControl(milestone?.title ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(PROJECT_LIMITS.shortText)],
    }),
    done: new FormControl(milestone?.done ?? false, { nonNullable: true }),
  });
}

export function createProjectForm() {
  return new FormGroup({
    title: text(PROJECT_LIMITS.title, true),
    summary: text(PROJECT_LIMITS.summary),
    description: text(PROJECT_LIMITS.longText),
    objectives: text(PROJECT_LIMITS.longText),
    theme: new FormControl<ProjectTheme | null>(null, { validators: [Validators.required] }),
    status: new FormControl<ProjectStatus>('PLANNED', { nonNullable: true, validators: [Validators.required] }),
    progress: new FormControl<number>(DEFAULT_PROGRESS.PLANNED, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(0), Validators.max(100)],
    }),
    startDate: day(),
    endDate: day(),
    projectLead: text(PROJECT_LIMITS.shortText),
    partners: text(PROJECT_LIMITS.longText),
    location: new FormGroup({
      lat: new FormControl<number | null>(null),
      lng: new FormControl<number | null>(null),
      address: text(PROJECT_LIMITS.shortText),
    }),
    forecastCostCents: money(),
    finalCostCents: money(),
    fundingLines: new FormArray<ReturnType<typeof fundingLineGroup>>([]),
    milestones: new FormArray<ReturnType<typeof milestoneGroup>>([]),
    lessons: new FormGroup({
      problems: text(PROJECT_LIMITS.longText),
      differently: text(PROJECT_LIMITS.longText),
      advice: text(PROJECT_LIMITS.longText),
    }),
    evaluation: text(PROJECT_LIMITS.longText),
  });
}

export type ProjectForm = ReturnType<typeof createProjectForm>;

/**
 * The short form that creates a fiche: what the API requires (title, theme, status with its usual default); the rest
 * is filled in section by section afterwards.
 */
export function createNewProjectForm() {
  return new FormGroup({
    title: text(PROJECT_LIMITS.title, true),
    theme: new FormControl<ProjectTheme | null>(null, { validators: [Validators.required] }),
    status: new FormControl<ProjectStatus>('PLANNED', { nonNullable: true, validators: [Validators.required] }),
  });
}

export type NewProjectForm = ReturnType<typeof createNewProjectForm>;

/**
 * The sections of the fiche, each saved on its own with only its fields. A field's control has the field's name;
 * `id` makes the heading's id (`s-<id>`), the target of the table of contents.
 */
export const PROJECT_SECTIONS = [
  { id: 'summary', title: 'En bref', fields: ['title', 'summary', 'theme', 'status'] },
  { id: 'description', title: 'Description et objectifs', fields: ['description', 'objectives'] },
  { id: 'lead', title: 'Porteur et partenaires', fields: ['projectLead', 'partners'] },
  { id: 'dates', title: 'Dates et avancement', fields: ['startDate', 'endDate', 'progress'] },
  { id: 'location', title: 'Emplacement', fields: ['location'] },
  { id: 'costs', title: 'Coûts HT', fields: ['forecastCostCents', 'finalCostCents'] },
  { id: 'funding', title: 'Financements', fields: ['fundingLines'] },
  { id: 'milestones', title: 'Étapes', fields: ['milestones'] },
  { id: 'lessons', title: 'Retour d’expérience', fields: ['lessons'] },
  { id: 'evaluation', title: 'Évaluation', fields: ['evaluation'] },
] as const satisfies readonly { id: string; title: string; fields: readonly (keyof ProjectInput)[] }[];

export type ProjectSection = (typeof PROJECT_SECTIONS)[number];
export type ProjectSectionId = ProjectSection['id'];

export function sectionById(id: ProjectSectionId): ProjectSection {
  return PROJECT_SECTIONS.find((section) => section.id === id) as ProjectSection;
}

/** The section a field belongs to (`fundingLines.0.scheme` → Financements). */
export function sectionOfPath(path: string): ProjectSection | undefined {
  const field = path.split('.')[0];
  return PROJECT_SECTIONS.find((section) => (section.fields as readonly string[]).includes(field));
}

/** Whether the user changed a field of the section since it was loaded or last saved. */
export function sectionDirty(form: ProjectForm, section: ProjectSection): boolean {
  return section.fields.some((field) => form.controls[field].dirty);
}

/** The section's fields among `changes`, for its own PATCH. */
export function pickSection(changes: Partial<ProjectInput>, section: ProjectSection): Partial<ProjectInput> {
  const picked: Partial<ProjectInput> = {};
  for (const field of section.fields) {
    if (field in changes) {
      (picked as Record<string, unknown>)[field] = changes[field];
    }
  }
  return picked;
}

/** Fills the form with a fiche (or a merged input), rebuilding the rows of the two lists. */
export function fillProjectForm(form: ProjectForm, project: ProjectInput): void {
  form.controls.fundingLines.clear({ emitEvent: false });
  for (const line of project.fundingLines) {
    form.controls.fundingLines.push(fundingLineGroup(line), { emitEvent: false });
  }
  form.controls.milestones.clear({ emitEvent: false });
  for (const milestone of project.milestones) {
    const group = milestoneGroup(milestone);
    group.controls.date.setValue(milestone.date);
    form.controls.milestones.push(group, { emitEvent: false });
  }
  // Without events: a status change here is no user's choice and must not reset the progress.
  form.patchValue(
    {
      title: project.title,
      summary: project.summary,
      description: project.description,
      objectives: project.objectives,
      theme: project.theme,
      status: project.status,
      progress: project.progress ?? DEFAULT_PROGRESS[project.status],
      startDate: project.startDate ?? '',
      endDate: project.endDate ?? '',
      projectLead: project.projectLead,
      partners: project.partners,
      location: {
        lat: project.location?.lat ?? null,
        lng: project.location?.lng ?? null,
        address: project.location?.address ?? '',
      },
      forecastCostCents: formatMoneyInput(project.forecastCostCents),
      finalCostCents: formatMoneyInput(project.finalCostCents),
      lessons: { ...project.lessons },
      evaluation: project.evaluation,
    },
    { emitEvent: false },
  );
  // The map follows the location's changes: this one it must see.
  form.controls.location.updateValueAndValidity();
}

/** The fields of a fiche that a form edits, in the order of `ProjectInput`. */
export function inputOf(project: ProjectDto): ProjectInput {
  return {
    title: project.title,
    summary: project.summary,
    description: project.description,
    objectives: project.objectives,
    theme: project.theme,
    status: project.status,
    progress: project.progress,
    startDate: project.startDate,
    endDate: project.endDate,
    projectLead: project.projectLead,
    partners: project.partners,
    location: project.location,
    forecastCostCents: project.forecastCostCents,
    finalCostCents: project.finalCostCents,
    fundingLines: project.fundingLines,
    milestones: project.milestones,
    lessons: project.lessons,
    evaluation: project.evaluation,
  };
}

const cents = (value: string) => parseEuros(value).cents;
// A cleared or mistyped date field holds `null` (Material's datepicker), not `''`.
const orNull = (value: string | null) => (value === null || value.trim() === '' ? null : value.trim());

/**
 * What the form sends, once valid. Amounts in cents, blank optional texts and dates as `null`, the location only
 * when a point was placed. `progress` is left out unless the user set it: the API then gives the status's default,
 * as the form showed.
 */
export function toProjectInput(form: ProjectForm, progressSetByUser: boolean): ProjectInput {
  const value = form.getRawValue();
  const { lat, lng, address } = value.location;
  const input: ProjectInput = {
    title: value.title.trim(),
    summary: value.summary.trim(),
    description: value.description.trim(),
    objectives: value.objectives.trim(),
    theme: value.theme as ProjectTheme,
    status: value.status,
    startDate: orNull(value.startDate),
    endDate: orNull(value.endDate),
    projectLead: value.projectLead.trim(),
    partners: value.partners.trim(),
    location: lat !== null && lng !== null ? { lat, lng, address: orNull(address) } : null,
    forecastCostCents: cents(value.forecastCostCents),
    finalCostCents: cents(value.finalCostCents),
    fundingLines: value.fundingLines.map(toFundingLineDto),
    milestones: value.milestones.map((milestone) => ({
      date: milestone.date,
      title: milestone.title.trim(),
      done: milestone.done,
    })),
    lessons: {
      problems: value.lessons.problems.trim(),
      differently: value.lessons.differently.trim(),
      advice: value.lessons.advice.trim(),
    },
    evaluation: value.evaluation.trim(),
  };
  if (progressSetByUser) {
    input.progress = value.progress;
  }
  return input;
}

/** French names of the fields, for the conflict notice. */
export const PROJECT_FIELD_LABELS: Record<keyof ProjectInput, string> = {
  title: 'Titre',
  summary: 'Résumé',
  description: 'Description',
  objectives: 'Objectifs',
  theme: 'Thème',
  status: 'Statut',
  progress: 'Avancement',
  startDate: 'Date de début',
  endDate: 'Date de fin',
  projectLead: 'Porteur du projet',
  partners: 'Partenaires',
  location: 'Emplacement',
  forecastCostCents: 'Coût prévisionnel HT',
  finalCostCents: 'Coût final HT',
  fundingLines: 'Financements',
  milestones: 'Étapes',
  lessons: 'Retour d’expérience',
  evaluation: 'Évaluation',
};

const FIELDS = Object.keys(PROJECT_FIELD_LABELS) as (keyof ProjectInput)[];

/** JSON with the keys of objects sorted: PostgreSQL's jsonb gives `lessons` and funding lines back in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** The fields whose value differs between two versions of a fiche (a missing `progress` counts as unchanged). */
export function changedFields(before: ProjectInput, after: ProjectInput): (keyof ProjectInput)[] {
  return FIELDS.filter((field) => {
    if (field === 'progress' && (before.progress === undefined || after.progress === undefined)) {
      return false;
    }
    return !same(before[field], after[field]);
  });
}

/** Only what changed since `base`, for a PATCH. */
export function changesSince(base: ProjectInput, input: ProjectInput): Partial<ProjectInput> {
  const changes: Partial<ProjectInput> = {};
  for (const field of changedFields(base, input)) {
    (changes as Record<string, unknown>)[field] = input[field];
  }
  return changes;
}

/**
 * After a conflict: the user's own changes (what differs from the version they started from) laid over the fiche as
 * it is now. Fields they did not touch take the other person's values, so saving again does not undo them.
 */
export function mergeOnto(base: ProjectInput, mine: ProjectInput, current: ProjectInput): ProjectInput {
  const merged: ProjectInput = { ...current };
  for (const field of changedFields(base, mine)) {
    (merged as unknown as Record<string, unknown>)[field] = mine[field];
  }
  return merged;
}
