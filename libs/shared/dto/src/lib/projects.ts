import type { ApiError } from './api';

// --- Closed lists ------------------------------------------------------------------------------------------------

export const PROJECT_THEMES = [
  'VOIRIE',
  'BATIMENTS_COMMUNAUX',
  'ECOLES_PETITE_ENFANCE',
  'EAU_ASSAINISSEMENT',
  'ENERGIE_CLIMAT',
  'NUMERIQUE',
  'SPORT_LOISIRS',
  'CULTURE_PATRIMOINE',
  'ENVIRONNEMENT_BIODIVERSITE',
  'MOBILITE',
  'URBANISME_LOGEMENT',
  'SANTE_SOCIAL',
  'SECURITE',
  'AUTRE',
] as const;
export type ProjectTheme = (typeof PROJECT_THEMES)[number];

export const PROJECT_THEME_LABELS: Record<ProjectTheme, string> = {
  VOIRIE: 'Voirie',
  BATIMENTS_COMMUNAUX: 'Bâtiments communaux',
  ECOLES_PETITE_ENFANCE: 'Écoles et petite enfance',
  EAU_ASSAINISSEMENT: 'Eau et assainissement',
  ENERGIE_CLIMAT: 'Énergie et climat',
  NUMERIQUE: 'Numérique',
  SPORT_LOISIRS: 'Sport et loisirs',
  CULTURE_PATRIMOINE: 'Culture et patrimoine',
  ENVIRONNEMENT_BIODIVERSITE: 'Environnement et biodiversité',
  MOBILITE: 'Mobilité',
  URBANISME_LOGEMENT: 'Urbanisme et logement',
  SANTE_SOCIAL: 'Santé et social',
  SECURITE: 'Sécurité',
  AUTRE: 'Autre',
};

export const PROJECT_STATUSES = ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'ABANDONED'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  PLANNED: 'Prévu',
  IN_PROGRESS: 'En cours',
  COMPLETED: 'Réalisé',
  ABANDONED: 'Abandonné',
};

/** Progress (0–100) given to a project whose status changes and whose progress is not given explicitly. */
export const DEFAULT_PROGRESS: Record<ProjectStatus, number> = {
  PLANNED: 0,
  IN_PROGRESS: 25,
  COMPLETED: 100,
  ABANDONED: 0,
};

export const FUNDERS = ['ETAT', 'REGION', 'DEPARTEMENT', 'EUROPE', 'INTERCOMMUNALITE', 'AUTRE'] as const;
export type Funder = (typeof FUNDERS)[number];

export const FUNDER_LABELS: Record<Funder, string> = {
  ETAT: 'État',
  REGION: 'Région',
  DEPARTEMENT: 'Département',
  EUROPE: 'Europe',
  INTERCOMMUNALITE: 'Intercommunalité',
  AUTRE: 'Autre financeur',
};

export const FUNDING_STATES = ['CONSIDERED', 'REQUESTED', 'OBTAINED', 'REFUSED', 'PAID'] as const;
export type FundingState = (typeof FUNDING_STATES)[number];

export const FUNDING_STATE_LABELS: Record<FundingState, string> = {
  CONSIDERED: 'Envisagé',
  REQUESTED: 'Demandé',
  OBTAINED: 'Obtenu',
  REFUSED: 'Refusé',
  PAID: 'Versé',
};

/** Limits of the fiche, shared by the form and the API. Amounts are integer cents (HT). */
export const PROJECT_LIMITS = {
  title: 150,
  summary: 500,
  longText: 10_000,
  shortText: 300,
  fundingLines: 30,
  milestones: 50,
  /** 1 billion euros, in cents: beyond that an amount is a typing error. */
  maxAmountCents: 100_000_000_000,
} as const;

// --- Documents ---------------------------------------------------------------------------------------------------

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** Types accepted, decided from the content (magic bytes), never from the name or the declared type. */
export const ALLOWED_DOCUMENT_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'Image JPEG',
  'image/png': 'Image PNG',
  'image/webp': 'Image WebP',
  'application/vnd.oasis.opendocument.text': 'Texte OpenDocument (ODT)',
  'application/vnd.oasis.opendocument.spreadsheet': 'Tableur OpenDocument (ODS)',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Document Word (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Classeur Excel (XLSX)',
  'text/csv': 'Tableau CSV',
  'text/plain': 'Texte brut',
};

export type DocumentKind = 'PHOTO' | 'DOCUMENT';

export interface DocumentDto {
  id: string;
  /** The owner: a project, or a message of a thread; both `null` while an attachment waits for its message. */
  projectId: string | null;
  messageId: string | null;
  kind: DocumentKind;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string | null;
  /** Download (`Content-Disposition: attachment`; photos are also shown inline). */
  contentUrl: string;
  /** Resized photo (WebP, 480 px), `null` for documents. */
  thumbnailUrl: string | null;
}

export interface StorageUsageDto {
  usedBytes: number;
  quotaBytes: number;
}

// --- Projects ----------------------------------------------------------------------------------------------------

export interface FundingLineDto {
  funder: Funder;
  /** e.g. "Agence de l'eau Seine-Normandie" when the funder is "Autre". */
  funderName: string | null;
  /** Aid scheme, e.g. "DETR", "DSIL", "Fonds vert". */
  scheme: string | null;
  amountRequestedCents: number | null;
  amountObtainedCents: number | null;
  state: FundingState;
  /** Dates are calendar days, `YYYY-MM-DD`. */
  requestedOn: string | null;
  decidedOn: string | null;
}

export interface MilestoneDto {
  date: string;
  title: string;
  done: boolean;
}

/** What other communes can learn from the project. */
export interface LessonsDto {
  problems: string;
  differently: string;
  advice: string;
}

export interface ProjectLocationDto {
  lat: number;
  lng: number;
  address: string | null;
}

export interface ProjectSummaryDto {
  id: string;
  commune: { insee: string; name: string };
  title: string;
  summary: string;
  theme: ProjectTheme;
  status: ProjectStatus;
  progress: number;
  startDate: string | null;
  endDate: string | null;
  /** The first milestone not done, by date. */
  nextMilestone: MilestoneDto | null;
  /** Thumbnail of the first photo, if any. */
  coverUrl: string | null;
  updatedAt: string;
  version: number;
}

export interface ProjectDto extends ProjectSummaryDto {
  description: string;
  objectives: string;
  projectLead: string;
  partners: string;
  location: ProjectLocationDto | null;
  forecastCostCents: number | null;
  finalCostCents: number | null;
  fundingLines: FundingLineDto[];
  milestones: MilestoneDto[];
  lessons: LessonsDto;
  evaluation: string;
  documents: DocumentDto[];
  createdAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  /** What the signed-in user may do with it. */
  permissions: { edit: boolean; delete: boolean; upload: boolean };
}

/** The fiche as a form sends it. Server-owned fields (id, commune, version, dates of record) are never read. */
export interface ProjectInput {
  title: string;
  summary: string;
  description: string;
  objectives: string;
  theme: ProjectTheme;
  status: ProjectStatus;
  /** Omitted: the default of the status. */
  progress?: number;
  startDate: string | null;
  endDate: string | null;
  projectLead: string;
  partners: string;
  location: ProjectLocationDto | null;
  forecastCostCents: number | null;
  finalCostCents: number | null;
  fundingLines: FundingLineDto[];
  milestones: MilestoneDto[];
  lessons: LessonsDto;
  evaluation: string;
}

export type CreateProjectRequest = Partial<ProjectInput> & Pick<ProjectInput, 'title' | 'theme' | 'status'>;

/** A change carries the version it was made on: a stale version answers 409 with the current fiche. */
export type UpdateProjectRequest = Partial<ProjectInput> & { version: number };

export interface ProjectConflictError extends ApiError {
  code: 'PROJECT_VERSION_CONFLICT';
  /** The fiche as it is now, so the form can show what changed and keep what the user typed. */
  current: ProjectDto;
}

export interface ProjectChangeDto {
  field: string;
  /** French name of the field, e.g. "Coût prévisionnel HT". */
  label: string;
  before: unknown;
  after: unknown;
}

export type ProjectHistoryAction = 'CREATED' | 'UPDATED' | 'DELETED' | 'DOCUMENT_ADDED' | 'DOCUMENT_REMOVED';

export interface ProjectHistoryEntryDto {
  id: string;
  at: string;
  actor: string | null;
  action: ProjectHistoryAction;
  changes: ProjectChangeDto[];
}

export interface ProjectListQuery {
  q?: string;
  status?: ProjectStatus;
  theme?: ProjectTheme;
  limit?: number;
  offset?: number;
}

/** The département's list of all its communes' projects. */
export interface DepartementProjectListQuery extends ProjectListQuery {
  commune?: string;
  canton?: string;
}
