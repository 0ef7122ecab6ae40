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

/** `RECENT`: the latest changed first (default). `OLDEST`: the longest waiting first (the review queue). */
export const FAQ_SORTS = ['RECENT', 'OLDEST'] as const;
export type FaqSort = (typeof FAQ_SORTS)[number];

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
  /** Staff of the entry's département only: who wrote it, and whether the reader may review it (the queue). */
  authorName?: string | null;
  canReview?: boolean;
}

export interface FaqRevisionDto {
  version: number;
  title: string;
  editedAt: string;
  editedByName: string | null;
}

export interface FaqEntryDto extends FaqEntrySummaryDto {
  /** Markdown, as written (for the editor). */
  answer: string;
  /** The answer rendered by the API and sanitised as messages are (no raw HTML, no image, safe links). */
  answerHtml: string;
  legalReferences: LegalReferenceDto[];
  version: number;
  /** Staff only: the last rejection's reason, its history and its source questions. */
  reviewComment?: string | null;
  revisions?: FaqRevisionDto[];
  sourceThreadIds?: string[];
  /** Whether the reader may edit it (staff of its département). */
  canEdit?: boolean;
  /**
   * Staff only: what must be reworded before the entry can be submitted (names, e-mail addresses, phone numbers, the
   * asking commune's name). Submitting while one remains answers 409 `FAQ_PERSONAL_DATA` with the marks.
   */
  personalData?: PersonalDataMarkDto[];
  /** A signed-in reader's own answer to « cette réponse vous a-t-elle aidé ? » (`null`: none yet). */
  myFeedback?: boolean | null;
  /** Staff only: how many times a commune opened it from the ask form and left without sending its question. */
  avoidedCount?: number;
}

export const PERSONAL_DATA_KINDS = ['EMAIL', 'PHONE', 'NAME', 'COMMUNE'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  EMAIL: 'Adresse électronique',
  PHONE: 'Numéro de téléphone',
  NAME: 'Nom d’une personne',
  COMMUNE: 'Nom de la commune',
};

/** A passage of an entry's title or answer to reword: `text` is `field.slice(start, end)` (UTF-16 offsets). */
export interface PersonalDataMarkDto {
  field: 'title' | 'answer';
  kind: PersonalDataKind;
  start: number;
  end: number;
  text: string;
}

/** `POST /api/faq` and, with its `version`, `PATCH /api/faq/:id`. */
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

export const FAQ_SUGGESTION_KINDS = ['FAQ', 'THREAD', 'TEMPLATE'] as const;
export type FaqSuggestionKind = (typeof FAQ_SUGGESTION_KINDS)[number];

/**
 * A similar question found while someone types (`GET /api/faq/suggest?title=&body=`): an entry of the FAQ the user
 * may read; for a commune member, one of the commune's own open questions; for an agent, an answer template.
 */
export interface FaqSuggestionDto {
  kind: FaqSuggestionKind;
  id: string;
  title: string;
  /** Why it matched: the words typed by the user that were found in it, as typed. */
  matchedWords: string[];
  /** The answer's (or the question's) first words, as plain text. */
  excerpt: string;
  /** Path in the web app (`/espace/faq/<id>`, `/espace/questions/<id>`, `/departement/faq/<id>`); `null` for a template. */
  link: string | null;
  /** TEMPLATE: the text an agent inserts. */
  body?: string;
}

export interface FaqSuggestionsDto {
  items: FaqSuggestionDto[];
}

/**
 * `POST /api/faq/suggest/avoided`: a commune member opened a suggestion from the ask form and left without sending
 * the question. Counted once per user, suggestion and hour.
 */
export interface FaqAvoidedRequest {
  kind: 'FAQ' | 'THREAD';
  id: string;
}
