import type { PublicationViewsDto } from './public-portal';
import type {
  FundingLineDto,
  LessonsDto,
  MilestoneDto,
  ProjectLocationDto,
  ProjectStatus,
  ProjectTheme,
} from './projects';

/**
 * The département's own projects (« Projets du Département »), distinct from the communes' projects everywhere:
 * their own tables, their own routes (`/api/departements/:code/projects`, `/api/dept-projects/:id`), their own pages.
 *
 * Who does what:
 * - any agent or admin of the département creates one; its creator is its lead until an admin names another agent;
 * - the lead and the admins edit the fiche and write progress reports; only admins delete a project or name a lead;
 * - a report goes online after the review of an admin or of another agent of the département, never its own author;
 * - a project is public from its first published report, whatever its status, until it is deleted; its fiche is
 *   then shown as it is now, its reports only once reviewed (a draft, waiting or rejected report is never public);
 * - commune members never see, create or edit any of it outside the public pages (403 on every staff route, before
 *   any lookup; 404 for the staff of another département).
 */

// --- Programme axes ----------------------------------------------------------------------------------------------

/** An axis of the département's programme (e.g. the mandate's axes), set by its admins. */
export interface ProgrammeAxisDto {
  id: string;
  label: string;
  description: string;
  position: number;
  /** Projects of the axis (all, published or not; for the admin's page). */
  projectCount: number;
}

/** `POST /api/departements/:code/axes`, `PATCH /api/axes/:id` (admins). Deleting an axis leaves its projects without. */
export interface ProgrammeAxisInput {
  label: string;
  description: string;
  /** Omitted on creation: after the last one. */
  position?: number;
}

/** The public's view of an axis (`GET /api/public/departements/:code/axes`): published projects counted. */
export interface PublicAxisDto {
  id: string;
  label: string;
  description: string;
  publishedCount: number;
}

// --- Limits ------------------------------------------------------------------------------------------------------

export const DEPT_PROJECT_LIMITS = {
  axisLabel: 120,
  axisDescription: 1_000,
  axes: 20,
  cantons: 50,
  reportText: 5_000,
  photosPerReport: 12,
  videosPerReport: 3,
  videoTitle: 150,
  photoAlt: 300,
  /** A report cannot be dated in the future, nor before this. */
  earliestReportOn: '2000-01-01',
} as const;

// --- Projects ----------------------------------------------------------------------------------------------------

export interface DeptProjectPersonDto {
  id: string;
  /** « Ancien agent du département » once their account is deleted. */
  name: string;
}

export interface CantonRefDto {
  code: string;
  name: string;
}

export interface DeptProjectSummaryDto {
  id: string;
  departementCode: string;
  title: string;
  summary: string;
  theme: ProjectTheme;
  status: ProjectStatus;
  progress: number;
  axis: { id: string; label: string } | null;
  cantons: CantonRefDto[];
  lead: DeptProjectPersonDto | null;
  /** Address of the public page (`/projets-du-departement/:slug`) once a report is published; `null` before. */
  slug: string | null;
  /** When its first report was published. */
  publishedAt: string | null;
  /** Date of its latest published report. */
  lastReportOn: string | null;
  /** Reports waiting for a review. */
  reportsAwaitingReview: number;
  coverUrl: string | null;
  updatedAt: string;
  version: number;
}

export interface DeptProjectDto extends DeptProjectSummaryDto {
  description: string;
  objectives: string;
  /** Means: teams, partners' contributions, equipment. */
  resources: string;
  /** Actors and partners. */
  partners: string;
  startDate: string | null;
  endDate: string | null;
  /** The project's point, when it has one; a project located by its cantons only has none. */
  location: ProjectLocationDto | null;
  /** Where the map shows it: its point, or the middle of its cantons' communes. */
  mapPoint: { lat: number; lng: number } | null;
  forecastCostCents: number | null;
  finalCostCents: number | null;
  fundingLines: FundingLineDto[];
  milestones: MilestoneDto[];
  evaluation: string;
  lessons: LessonsDto;
  createdAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  /** Consultations of its public page: for its lead and the admins only (`null` for others and before publication). */
  views: PublicationViewsDto | null;
  /** What the signed-in user may do. */
  permissions: { edit: boolean; delete: boolean; report: boolean; setLead: boolean };
}

/**
 * The fiche as the form sends it. At least one canton or a point: a project with a point and no canton gets the
 * canton of the commune under its point.
 */
export interface DeptProjectInput {
  title: string;
  summary: string;
  description: string;
  objectives: string;
  resources: string;
  partners: string;
  theme: ProjectTheme;
  status: ProjectStatus;
  /** Omitted: the default of the status (`DEFAULT_PROGRESS`). */
  progress?: number;
  startDate: string | null;
  endDate: string | null;
  location: ProjectLocationDto | null;
  /** Canton codes of the département (e.g. `9510`). */
  cantonCodes: string[];
  axisId: string | null;
  /** Admins only (403 for an agent who sends another value than the current one); an agent of the département. */
  leadId: string | null;
  forecastCostCents: number | null;
  finalCostCents: number | null;
  fundingLines: FundingLineDto[];
  milestones: MilestoneDto[];
  evaluation: string;
  lessons: LessonsDto;
}

export type CreateDeptProjectRequest = Partial<DeptProjectInput> & Pick<DeptProjectInput, 'title' | 'theme' | 'status'>;

/** A change carries the version it was made on: a stale version answers 409 `DEPT_PROJECT_VERSION_CONFLICT`. */
export type UpdateDeptProjectRequest = Partial<DeptProjectInput> & { version: number };

/** `GET /api/departements/:code/projects` (staff of the département). */
export interface DeptProjectListQuery {
  q?: string;
  status?: ProjectStatus;
  theme?: ProjectTheme;
  axis?: string;
  canton?: string;
  /** `me`: the projects the signed-in agent leads. */
  lead?: 'me';
  limit?: number;
  offset?: number;
}

// --- Progress reports --------------------------------------------------------------------------------------------

/**
 * `DRAFT` → (submit) `AWAITING_REVIEW` → (approve, by an admin or another agent) `PUBLISHED`, or (reject, with a
 * reason) `REJECTED` → (edit and submit again) `AWAITING_REVIEW`. A published report edited goes back to review;
 * the public keeps the reviewed text until then.
 */
export const DEPT_REPORT_STATES = ['DRAFT', 'AWAITING_REVIEW', 'PUBLISHED', 'REJECTED'] as const;
export type DeptReportState = (typeof DEPT_REPORT_STATES)[number];

export const DEPT_REPORT_STATE_LABELS: Record<DeptReportState, string> = {
  DRAFT: 'Brouillon',
  AWAITING_REVIEW: 'En attente de relecture',
  PUBLISHED: 'Publié',
  REJECTED: 'À reprendre',
};

export interface DeptPhotoDto {
  id: string;
  filename: string;
  /** Text alternative (required to publish: RGAA). */
  alt: string;
  mimeType: string;
  sizeBytes: number;
  /** Staff: `/api/dept-photos/:id/content`; public: `/api/public/dept-photos/:id/content`. */
  contentUrl: string;
  thumbnailUrl: string;
}

/**
 * A video link, never embedded: PeerTube (`/w/…`, `/videos/watch/…`) or a host of `VIDEO_HOSTS` (the département's
 * own), `https` only. Its thumbnail is one of the report's photos, or a generic image.
 */
export interface VideoLinkDto {
  url: string;
  title: string;
  /** Host shown next to the link (« sur video.valdoise.fr »). */
  host: string;
  thumbnailPhotoId: string | null;
}

export interface DeptReportDto {
  id: string;
  projectId: string;
  /** The day the report describes (`YYYY-MM-DD`). */
  reportedOn: string;
  /** « Réalisé » */
  done: string;
  /** « Difficultés rencontrées » */
  difficulties: string;
  /** « Prochaines étapes » */
  nextSteps: string;
  /** Progress of the project (0–100) at that date; approving the report sets the project's progress. */
  progress: number;
  /** Titles of the project's milestones reached with this report (marked done on approval). */
  milestonesReached: string[];
  photos: DeptPhotoDto[];
  videos: VideoLinkDto[];
  state: DeptReportState;
  rejectionReason: string | null;
  author: DeptProjectPersonDto | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewer: DeptProjectPersonDto | null;
  /** The published text differs from this one (a published report edited since): a new review puts it online. */
  pendingChanges: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
  can: { edit: boolean; submit: boolean; approve: boolean; reject: boolean; delete: boolean };
}

export interface DeptReportInput {
  reportedOn: string;
  done: string;
  difficulties: string;
  nextSteps: string;
  progress: number;
  milestonesReached: string[];
  videos: { url: string; title: string; thumbnailPhotoId: string | null }[];
}

/** `POST /api/dept-projects/:id/reports`: `submit: true` sends it to review at once. */
export type CreateDeptReportRequest = DeptReportInput & { submit?: boolean };

/** `PATCH /api/dept-reports/:id`. */
export type UpdateDeptReportRequest = Partial<DeptReportInput> & { version: number; submit?: boolean };

/** `POST /api/dept-reports/:id/review`. */
export interface DeptReportReviewRequest {
  action: 'approve' | 'reject';
  /** Required to reject. */
  reason?: string | null;
  version: number;
}

/** `PATCH /api/dept-photos/:id` */
export interface DeptPhotoUpdateRequest {
  alt: string;
}

/** One report waiting for review, in the same queue page as the communes' publications (`GET /api/dept-reports/queue`). */
export interface DeptReportQueueItemDto {
  reportId: string;
  projectId: string;
  projectTitle: string;
  reportedOn: string;
  author: DeptProjectPersonDto | null;
  submittedAt: string;
  /** `false` for its own author: a second person reviews. */
  canReview: boolean;
}

// --- Public side -------------------------------------------------------------------------------------------------

/** Whose project, on the map, the search and the feed. */
export const PUBLIC_PROJECT_KINDS = ['COMMUNE', 'DEPARTEMENT'] as const;
export type PublicProjectKind = (typeof PUBLIC_PROJECT_KINDS)[number];

export const PUBLIC_PROJECT_KIND_LABELS: Record<PublicProjectKind, string> = {
  COMMUNE: 'Projets des communes',
  DEPARTEMENT: 'Projets du Département',
};

export interface PublicDeptProjectSummaryDto {
  slug: string;
  title: string;
  summary: string;
  theme: ProjectTheme;
  status: ProjectStatus;
  progress: number;
  axis: { id: string; label: string } | null;
  cantons: CantonRefDto[];
  location: { lat: number; lng: number } | null;
  coverUrl: string | null;
  publishedAt: string;
  lastReportOn: string | null;
}

export interface PublicDeptReportDto {
  reportedOn: string;
  done: string;
  difficulties: string;
  nextSteps: string;
  progress: number;
  milestonesReached: string[];
  photos: DeptPhotoDto[];
  videos: VideoLinkDto[];
  /** When it was reviewed and published. */
  publishedAt: string;
}

export interface PublicDeptProjectDto extends PublicDeptProjectSummaryDto {
  departement: { code: string; name: string };
  /** `POINT`: `location` is the project's own point; `CANTONS`: it is the middle of its cantons, shown as their outlines. */
  locatedBy: 'POINT' | 'CANTONS';
  description: string;
  objectives: string;
  resources: string;
  partners: string;
  startDate: string | null;
  endDate: string | null;
  address: string | null;
  forecastCostCents: number | null;
  finalCostCents: number | null;
  fundingLines: Pick<FundingLineDto, 'funder' | 'funderName' | 'scheme' | 'amountObtainedCents'>[];
  milestones: MilestoneDto[];
  evaluation: string;
  lessons: LessonsDto;
  /** The published reports, newest first: the progress timeline. */
  reports: PublicDeptReportDto[];
}

/** `GET /api/public/dept-projects`: every filter optional, combined with AND. */
export interface PublicDeptProjectListQuery {
  departement?: string;
  q?: string;
  theme?: ProjectTheme;
  status?: ProjectStatus;
  canton?: string;
  axis?: string;
  limit?: number;
  offset?: number;
}

// --- Newsletter for partners -------------------------------------------------------------------------------------

export const NEWSLETTER_FREQUENCIES = ['WEEKLY', 'MONTHLY'] as const;
export type NewsletterFrequency = (typeof NEWSLETTER_FREQUENCIES)[number];

export const NEWSLETTER_FREQUENCY_LABELS: Record<NewsletterFrequency, string> = {
  WEEKLY: 'Chaque semaine (le lundi)',
  MONTHLY: 'Chaque mois (le 1er)',
};

export type NewsletterScope = { kind: 'DEPARTEMENT' } | { kind: 'CANTON'; cantonCode: string } | { kind: 'AXIS'; axisId: string };

/**
 * `POST /api/public/newsletter/subscriptions` → 202, the same answer whatever the address (already subscribed or
 * not): a confirmation e-mail is sent and nothing is stored until its link is followed.
 */
export interface NewsletterSubscribeRequest {
  departement: string;
  email: string;
  scope: NewsletterScope;
  frequency: NewsletterFrequency;
}

/** The 202's body of `POST /api/public/newsletter/subscriptions`, whatever the address. */
export interface NewsletterSubscribeAcceptedDto {
  status: 'CONFIRMATION_SENT';
}

/** `GET /api/public/newsletter/confirm/:token` (what the page `/lettre/confirmation/:token` calls). */
export interface NewsletterConfirmationDto {
  /** The address, partly hidden (« ma***@exemple.fr »). */
  email: string;
  scopeLabel: string;
  frequency: NewsletterFrequency;
  /** `false` when the same subscription was already confirmed. */
  created: boolean;
}

/** A confirmation link is valid this long. */
export const NEWSLETTER_CONFIRMATION_HOURS = 48;
