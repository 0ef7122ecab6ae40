// Personal data (RGPD): the export of one's data, the deletion of an account, the retention runs, the public page.

// --- Export -------------------------------------------------------------------------------------------------------

/** How long a ready export can be downloaded, by its owner only. */
export const DATA_EXPORT_LINK_DAYS = 7;

/** At most this many exports asked per user in 24 hours (then `429 DATA_EXPORT_TOO_MANY`); one built at a time (`409 DATA_EXPORT_PENDING`). */
export const DATA_EXPORT_MAX_PER_DAY = 5;

export const DATA_EXPORT_STATUSES = ['PENDING', 'READY', 'FAILED', 'EXPIRED'] as const;
export type DataExportStatus = (typeof DATA_EXPORT_STATUSES)[number];

/** One export asked by the user (`POST /api/me/data-exports`), built in the background as a zip. */
export interface DataExportDto {
  id: string;
  status: DataExportStatus;
  requestedAt: string;
  readyAt: string | null;
  /** When the download link stops working (`readyAt` + 7 days). */
  expiresAt: string | null;
  sizeBytes: number | null;
  /** `GET` it, signed in as the owner, while `READY`. */
  downloadUrl: string | null;
}

// --- Deletion -----------------------------------------------------------------------------------------------------

/** What a deleted account is shown as, wherever the commune or the département keeps what it wrote. */
export const DELETED_MEMBER_LABEL = 'Ancien membre de la commune';
export const DELETED_AGENT_LABEL = 'Ancien agent du département';

/** `POST /api/me/deletion`: the user confirms with their password. */
export interface RequestAccountDeletionInput {
  password: string;
}

/** `POST /api/users/:id/deletion` (a département admin, on the person's request): why, for the audit log. */
export interface AdminAccountDeletionInput {
  reason: string;
}

export interface AccountDeletionDto {
  userId: string;
  requestedAt: string;
  /** After this the account is deleted; signing in before cancels. */
  dueAt: string;
  requestedBy: 'SELF' | 'ADMIN';
}

export const PRIVACY_LIMITS = { deletionReason: 500 } as const;

// --- Retention ----------------------------------------------------------------------------------------------------

export const RETENTION_RULES = [
  'ACCOUNT_DELETIONS',
  'INACTIVE_ACCOUNTS',
  'AUDIT_EVENTS',
  'NOTIFICATIONS',
  'SESSIONS_AND_LINKS',
  'DATA_EXPORTS',
  'DEV_MAILS',
  'CLOSED_THREAD_AUTHORS',
] as const;
export type RetentionRule = (typeof RETENTION_RULES)[number];

export const RETENTION_RULE_LABELS: Record<RetentionRule, string> = {
  ACCOUNT_DELETIONS: 'Comptes dont la suppression a été demandée, après le délai de grâce',
  INACTIVE_ACCOUNTS: 'Comptes inactifs (avertis par courriel 30 et 7 jours avant)',
  AUDIT_EVENTS: 'Journal de sécurité et d’activité',
  NOTIFICATIONS: 'Notifications',
  SESSIONS_AND_LINKS: 'Sessions expirées, liens d’invitation et de réinitialisation expirés',
  DATA_EXPORTS: 'Archives « Télécharger mes données » expirées',
  DEV_MAILS: 'Courriels de développement écrits sur le disque',
  CLOSED_THREAD_AUTHORS: 'Auteurs des questions fermées depuis longtemps (remplacés par un pseudonyme)',
};

/** One rule's outcome in a run: what it did (or would do, in a dry run). */
export interface RetentionRuleResult {
  rule: RetentionRule;
  /** Rows deleted or pseudonymised, accounts deleted (or that would be). */
  count: number;
  /** Inactive accounts warned by e-mail in this run. */
  warned: number;
  /** More were due than the cap per run: the next run goes on. */
  capped: boolean;
}

export type RetentionTrigger = 'SCHEDULE' | 'ADMIN' | 'CLI';

export interface RetentionRunDto {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  dryRun: boolean;
  trigger: RetentionTrigger;
  results: RetentionRuleResult[];
  error: string | null;
}

/** A retention period as configured. */
export interface RetentionPolicyDto {
  rule: RetentionRule;
  label: string;
  days: number;
}

// --- The public page « Données personnelles » ----------------------------------------------------------------------

/** One processing activity, as the register lists it. */
export interface ProcessingActivityDto {
  /** Stable key (`ACCOUNTS`, `THREADS`…): the anchor of its section on the page, the reference in the register. */
  key: string;
  name: string;
  purpose: string;
  legalBasis: string;
  people: string;
  data: string[];
  recipients: string[];
  retention: string;
}

/** A right of the people concerned (RGPD, chapter III) and how to use it in Passerelle. */
export interface PrivacyRightDto {
  /** « Droit d’accès (article 15 du RGPD) ». */
  name: string;
  how: string;
}

/** `GET /api/public/privacy`: generated from the configuration. */
export interface PrivacyNoticeDto {
  /** The controller: « Département Val-d’Oise ». */
  controller: string;
  dpoEmail: string | null;
  activities: ProcessingActivityDto[];
  policies: RetentionPolicyDto[];
  deletionGraceDays: number;
  exportLinkDays: number;
  rights: PrivacyRightDto[];
  /** The security measures, in general terms (RGPD article 30.1.g). */
  security: string[];
  /** Transfers outside the European Union (RGPD article 30.1.e). */
  transfers: string;
}

/** `GET /api/public/privacy/register.csv`: the register of processing activities, for the DPO. */
export const PRIVACY_REGISTER_PATH = '/public/privacy/register.csv';
