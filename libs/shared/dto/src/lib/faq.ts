import type { ProjectTheme } from './projects';
import type { ThreadCategory } from './threads';

// --- Closed lists ------------------------------------------------------------------------------------------------

/**
 * `DRAFT` → (its author submits) `IN_REVIEW` → (another agent or an admin publishes) `PUBLISHED` → `ARCHIVED`. A
 * rejection sends the entry back to `DRAFT` with its reason; an entry past its « valable jusqu'au » date, or citing
 * a legal reference marked as changed, goes back to `IN_REVIEW`.
 */
export const FAQ_STATUSES = ['DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED'] as const;
export type FaqStatus = (typeof FAQ_STATUSES)[number];

export const FAQ_STATUS_LABELS: Record<FaqStatus, string> = {
  DRAFT: 'Brouillon',
  IN_REVIEW: 'À relire',
  PUBLISHED: 'Publiée',
  ARCHIVED: 'Archivée',
};

/** `DEPARTEMENT`: this département's communes only. `NATIONAL`: a rule shared, read-only, with every département. */
export const FAQ_SCOPES = ['DEPARTEMENT', 'NATIONAL'] as const;
export type FaqScope = (typeof FAQ_SCOPES)[number];

export const FAQ_SCOPE_LABELS: Record<FaqScope, string> = {
  DEPARTEMENT: 'Ce département',
  NATIONAL: 'Règle nationale',
};

/** `COMMUNES`: signed-in communes and agents. `PUBLIC`: the public FAQ (`/faq`) as well. */
export const FAQ_VISIBILITIES = ['COMMUNES', 'PUBLIC'] as const;
export type FaqVisibility = (typeof FAQ_VISIBILITIES)[number];

export const FAQ_VISIBILITY_LABELS: Record<FaqVisibility, string> = {
  COMMUNES: 'Communes seulement',
  PUBLIC: 'Communes et public',
};

export const FAQ_REVIEW_ACTIONS = ['submit', 'publish', 'reject', 'archive'] as const;
export type FaqReviewAction = (typeof FAQ_REVIEW_ACTIONS)[number];

export const FAQ_LIMITS = {
  titleMin: 10,
  titleMax: 200,
  answerMax: 20_000,
  referencesMax: 10,
  referenceLabelMax: 200,
  referenceUrlMax: 500,
  rejectReasonMax: 2_000,
  /** Suggestions start once the title being typed has this many characters. */
  suggestTitleMin: 8,
  suggestBodyMax: 4_000,
  suggestionsMax: 5,
} as const;

// --- Shapes ------------------------------------------------------------------------------------------------------

/** An article of a code or a text, with its address on Légifrance when known. */
export interface LegalReferenceDto {
  label: string;
  url: string | null;
}

export interface FaqEntrySummaryDto {
  id: string;
  title: string;
  /** The answer's first words, as plain text. */
  excerpt: string;
  theme: ProjectTheme;
  category: ThreadCategory;
  scope: FaqScope;
  visibility: FaqVisibility;
  status: FaqStatus;
  /** The département that wrote it: a national rule is attributed (« réponse du Val-d'Oise »). */
  departementCode: string;
  departementName: string;
  validUntil: string | null;
  updatedAt: string;
  views: number;
  helpfulYes: number;
  helpfulNo: number;
}

export interface FaqRevisionDto {
  version: number;
  title: string;
  editedAt: string;
  editedByName: string | null;
}

export interface FaqEntryDto extends FaqEntrySummaryDto {
  /** Markdown; rendered sanitised, as messages are. */
  answer: string;
  legalReferences: LegalReferenceDto[];
  version: number;
  /** Staff only: who wrote it, the last rejection's reason, its history and its source questions. */
  authorName?: string | null;
  reviewComment?: string | null;
  revisions?: FaqRevisionDto[];
  sourceThreadIds?: string[];
  /** Whether the reader may edit it, review it (another agent than its author, or an admin). */
  canEdit?: boolean;
  canReview?: boolean;
}

export interface FaqEntryInput {
  title: string;
  answer: string;
  theme: ProjectTheme;
  category: ThreadCategory;
  scope: FaqScope;
  visibility: FaqVisibility;
  legalReferences: LegalReferenceDto[];
  validUntil: string | null;
}

export interface FaqEntryUpdate extends Partial<FaqEntryInput> {
  version: number;
}

export interface FaqReviewRequest {
  action: FaqReviewAction;
  version: number;
  /** Required to reject. */
  reason?: string;
}

export interface FaqFeedbackRequest {
  helpful: boolean;
}

/** A similar question found while a mayor types: an entry of the FAQ, or one of the commune's own open questions. */
export interface FaqSuggestionDto {
  kind: 'FAQ' | 'THREAD';
  id: string;
  title: string;
  /** Why it matched: the words of the query found in it. */
  matchedWords: string[];
  excerpt: string;
}
