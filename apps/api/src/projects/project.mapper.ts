import type {
  DocumentDto,
  FundingLineDto,
  LessonsDto,
  MilestoneDto,
  ProjectChangeDto,
  ProjectDto,
  ProjectHistoryEntryDto,
  ProjectInput,
  ProjectStatus,
  ProjectSummaryDto,
  ProjectTheme,
} from '@passerelle/shared/dto';

export interface ProjectRow {
  id: string;
  commune_insee: string;
  commune_name: string;
  title: string;
  summary: string;
  description: string;
  objectives: string;
  theme: ProjectTheme;
  status: ProjectStatus;
  progress: number;
  start_date: string | null;
  end_date: string | null;
  project_lead: string;
  partners: string;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  forecast_cost_cents: string | null;
  final_cost_cents: string | null;
  funding_lines: FundingLineDto[];
  milestones: MilestoneDto[];
  lessons: LessonsDto;
  evaluation: string;
  version: number;
  created_at: Date;
  created_by_name: string | null;
  updated_at: Date;
  updated_by_name: string | null;
  cover_id: string | null;
}

/** Dates as calendar days (no time zone shift), amounts as numbers (bigint comes back as a string). */
export const PROJECT_SELECT = `
  SELECT p.id, p.commune_insee, c.name AS commune_name, p.title, p.summary, p.description, p.objectives, p.theme,
         p.status, p.progress, to_char(p.start_date, 'YYYY-MM-DD') AS start_date, to_char(p.end_date, 'YYYY-MM-DD') AS end_date,
         p.project_lead, p.partners, p.latitude, p.longitude, p.address, p.forecast_cost_cents, p.final_cost_cents,
         p.funding_lines, p.milestones, p.lessons, p.evaluation, p.version, p.created_at, creator.display_name AS created_by_name,
         p.updated_at, editor.display_name AS updated_by_name,
         (SELECT d.id FROM document d WHERE d.project_id = p.id AND d.kind = 'PHOTO' AND d.deleted_at IS NULL
           ORDER BY d.uploaded_at LIMIT 1) AS cover_id
    FROM project p
    JOIN commune c ON c.insee = p.commune_insee
    LEFT JOIN app_user creator ON creator.id = p.created_by
    LEFT JOIN app_user editor ON editor.id = p.updated_by`;

function amount(value: string | null): number | null {
  return value === null ? null : Number(value);
}

export function nextMilestone(milestones: MilestoneDto[]): MilestoneDto | null {
  return [...milestones].filter((m) => !m.done).sort((a, b) => a.date.localeCompare(b.date))[0] ?? null;
}

export function mapProjectSummary(row: ProjectRow): ProjectSummaryDto {
  return {
    id: row.id,
    commune: { insee: row.commune_insee, name: row.commune_name },
    title: row.title,
    summary: row.summary,
    theme: row.theme,
    status: row.status,
    progress: row.progress,
    startDate: row.start_date,
    endDate: row.end_date,
    nextMilestone: nextMilestone(row.milestones),
    coverUrl: row.cover_id ? `/api/documents/${row.cover_id}/thumbnail` : null,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function mapProject(row: ProjectRow, documents: DocumentDto[], permissions: ProjectDto['permissions']): ProjectDto {
  return {
    ...mapProjectSummary(row),
    ...projectInputOf(row),
    documents,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    updatedBy: row.updated_by_name,
    permissions,
  };
}

/** The editable content of a row, in the shape of the form: what a change is compared with. */
export function projectInputOf(row: ProjectRow): Required<ProjectInput> {
  return {
    title: row.title,
    summary: row.summary,
    description: row.description,
    objectives: row.objectives,
    theme: row.theme,
    status: row.status,
    progress: row.progress,
    startDate: row.start_date,
    endDate: row.end_date,
    projectLead: row.project_lead,
    partners: row.partners,
    location: row.latitude !== null && row.longitude !== null ? { lat: row.latitude, lng: row.longitude, address: row.address } : null,
    forecastCostCents: amount(row.forecast_cost_cents),
    finalCostCents: amount(row.final_cost_cents),
    fundingLines: row.funding_lines,
    milestones: row.milestones,
    lessons: row.lessons,
    evaluation: row.evaluation,
  };
}

/** French names of the fields, for the history. */
/** A line of `project_history` with its actor's name (the repository's `history`). */
export interface ProjectHistoryRow {
  id: string;
  at: Date;
  actor: string | null;
  action: ProjectHistoryEntryDto['action'];
  changes: ProjectChangeDto[];
  total: string;
}

export function mapHistoryEntry(r: ProjectHistoryRow): ProjectHistoryEntryDto {
  return { id: String(r.id), at: r.at.toISOString(), actor: r.actor, action: r.action, changes: r.changes };
}

export const FIELD_LABELS: Record<keyof ProjectInput, string> = {
  title: 'Titre',
  summary: 'Résumé',
  description: 'Description',
  objectives: 'Objectifs',
  theme: 'Thème',
  status: 'État',
  progress: 'Avancement',
  startDate: 'Date de début',
  endDate: 'Date de fin',
  projectLead: 'Porteur du projet',
  partners: 'Partenaires',
  location: 'Emplacement',
  forecastCostCents: 'Coût prévisionnel HT',
  finalCostCents: 'Coût final HT',
  fundingLines: 'Plan de financement',
  milestones: 'Étapes',
  lessons: 'Enseignements',
  evaluation: 'Évaluation',
};
