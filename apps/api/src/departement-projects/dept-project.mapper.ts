import type {
  CantonRefDto,
  DeptProjectDto,
  DeptProjectPersonDto,
  DeptProjectSummaryDto,
  FundingLineDto,
  LessonsDto,
  MilestoneDto,
  ProjectStatus,
  ProjectTheme,
  PublicationViewsDto,
} from '@passerelle/shared/dto';

export interface DeptProjectRow {
  id: string;
  departement_code: string;
  title: string;
  summary: string;
  description: string;
  objectives: string;
  resources: string;
  partners: string;
  theme: ProjectTheme;
  status: ProjectStatus;
  progress: number;
  start_date: string | null;
  end_date: string | null;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  map_latitude: number | null;
  map_longitude: number | null;
  axis_id: string | null;
  axis_label: string | null;
  lead_id: string | null;
  /** `null` once the lead's account was deleted (the row stays, emptied). */
  lead_name: string | null;
  forecast_cost_cents: string | null;
  final_cost_cents: string | null;
  funding_lines: FundingLineDto[];
  milestones: MilestoneDto[];
  evaluation: string;
  lessons: LessonsDto;
  slug: string | null;
  published_at: Date | null;
  created_at: Date;
  created_by_name: string | null;
  updated_at: Date;
  updated_by_name: string | null;
  version: number;
  cantons: CantonRefDto[];
  last_report_on: string | null;
  reports_awaiting: number;
  cover_photo_id: string | null;
}

/** The name of a former agent whose account was deleted. */
export const FORMER_AGENT = 'Ancien agent du département';

/** One query per list: cantons, last published report, waiting reports and cover come with the project. */
export const DEPT_PROJECT_SELECT = `
  SELECT p.id, p.departement_code, p.title, p.summary, p.description, p.objectives, p.resources, p.partners, p.theme,
         p.status, p.progress, to_char(p.start_date, 'YYYY-MM-DD') AS start_date, to_char(p.end_date, 'YYYY-MM-DD') AS end_date,
         p.latitude, p.longitude, p.address, p.map_latitude, p.map_longitude, p.axis_id, a.label AS axis_label,
         p.lead_id, CASE WHEN lead.deleted_at IS NULL THEN lead.display_name END AS lead_name,
         p.forecast_cost_cents, p.final_cost_cents, p.funding_lines, p.milestones, p.evaluation, p.lessons,
         p.slug, p.published_at, p.created_at, CASE WHEN creator.deleted_at IS NULL THEN creator.display_name END AS created_by_name,
         p.updated_at, CASE WHEN editor.deleted_at IS NULL THEN editor.display_name END AS updated_by_name, p.version,
         coalesce((SELECT jsonb_agg(jsonb_build_object('code', k.code, 'name', k.name) ORDER BY k.name)
                     FROM dept_project_canton pc JOIN canton k ON k.code = pc.canton_code WHERE pc.project_id = p.id), '[]') AS cantons,
         (SELECT max(r.published ->> 'reportedOn') FROM dept_project_report r WHERE r.project_id = p.id AND r.published IS NOT NULL) AS last_report_on,
         (SELECT count(*)::int FROM dept_project_report r WHERE r.project_id = p.id AND r.state = 'AWAITING_REVIEW') AS reports_awaiting,
         (SELECT ph.id FROM dept_project_photo ph JOIN dept_project_report r ON r.id = ph.report_id
           WHERE ph.project_id = p.id ORDER BY r.reported_on DESC, ph.uploaded_at LIMIT 1) AS cover_photo_id
    FROM dept_project p
    LEFT JOIN programme_axis a ON a.id = p.axis_id
    LEFT JOIN app_user lead ON lead.id = p.lead_id
    LEFT JOIN app_user creator ON creator.id = p.created_by
    LEFT JOIN app_user editor ON editor.id = p.updated_by`;

export function person(id: string | null, name: string | null): DeptProjectPersonDto | null {
  return id === null ? null : { id, name: name ?? FORMER_AGENT };
}

function amount(value: string | null): number | null {
  return value === null ? null : Number(value);
}

export function mapDeptProjectSummary(row: DeptProjectRow): DeptProjectSummaryDto {
  return {
    id: row.id,
    departementCode: row.departement_code,
    title: row.title,
    summary: row.summary,
    theme: row.theme,
    status: row.status,
    progress: row.progress,
    axis: row.axis_id && row.axis_label !== null ? { id: row.axis_id, label: row.axis_label } : null,
    cantons: row.cantons,
    lead: person(row.lead_id, row.lead_name),
    slug: row.slug,
    publishedAt: row.published_at?.toISOString() ?? null,
    lastReportOn: row.last_report_on,
    reportsAwaitingReview: row.reports_awaiting,
    coverUrl: row.cover_photo_id ? `/api/dept-photos/${row.cover_photo_id}/thumbnail` : null,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function mapDeptProject(row: DeptProjectRow, views: PublicationViewsDto | null, permissions: DeptProjectDto['permissions']): DeptProjectDto {
  return {
    ...mapDeptProjectSummary(row),
    description: row.description,
    objectives: row.objectives,
    resources: row.resources,
    partners: row.partners,
    startDate: row.start_date,
    endDate: row.end_date,
    location: row.latitude !== null && row.longitude !== null ? { lat: row.latitude, lng: row.longitude, address: row.address } : null,
    mapPoint: row.map_latitude !== null && row.map_longitude !== null ? { lat: row.map_latitude, lng: row.map_longitude } : null,
    forecastCostCents: amount(row.forecast_cost_cents),
    finalCostCents: amount(row.final_cost_cents),
    fundingLines: row.funding_lines,
    milestones: row.milestones,
    evaluation: row.evaluation,
    lessons: row.lessons,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    updatedBy: row.updated_by_name,
    views,
    permissions,
  };
}
