import type { EffortScore, OfficeSpan } from './indicators';
import type { DocumentDto, ProjectSummaryDto } from './projects';

// --- Closed lists ------------------------------------------------------------------------------------------------

export const THREAD_CATEGORIES = ['NEXT_STEPS', 'FUNDING', 'CONTACTS', 'REGULATION', 'OTHER'] as const;
export type ThreadCategory = (typeof THREAD_CATEGORIES)[number];

export const THREAD_CATEGORY_LABELS: Record<ThreadCategory, string> = {
  NEXT_STEPS: 'Prochaines étapes',
  FUNDING: 'Financement',
  CONTACTS: 'Interlocuteurs',
  REGULATION: 'Réglementation',
  OTHER: 'Autre',
};

/**
 * `NEW` → (agent answers) `ANSWERED` → (commune replies) `OPEN` → … → `CLOSED`. An agent may set `WAITING_COMMUNE`
 * (the clock stops); either side reopens a closed thread within `THREAD_LIMITS.reopenDays` days.
 */
export const THREAD_STATES = ['NEW', 'ANSWERED', 'OPEN', 'WAITING_COMMUNE', 'CLOSED'] as const;
export type ThreadState = (typeof THREAD_STATES)[number];

/** A thread's state as the commune reads it: the département's answer is « reçue ». */
export const THREAD_STATE_LABELS: Record<ThreadState, string> = {
  NEW: 'Nouvelle',
  ANSWERED: 'Réponse reçue',
  OPEN: 'Relancée',
  WAITING_COMMUNE: 'En attente de la commune',
  CLOSED: 'Fermée',
};

/** The same states as the département's agents read them: their answer is « envoyée ». */
export const THREAD_STATE_STAFF_LABELS: Record<ThreadState, string> = {
  ...THREAD_STATE_LABELS,
  ANSWERED: 'Réponse envoyée',
};

/** The states a user can ask for with `POST /threads/:id/state`; the others follow from messages. */
export const THREAD_REQUESTABLE_STATES = ['OPEN', 'WAITING_COMMUNE', 'CLOSED'] as const;
export type ThreadRequestableState = (typeof THREAD_REQUESTABLE_STATES)[number];

export const THREAD_LIMITS = {
  subject: 200,
  body: 20_000,
  attachments: 10,
  comment: 2_000,
  /** A closed thread can be reopened this many days after it was closed. */
  reopenDays: 30,
  /** One's own message can be edited this many minutes after it was posted. */
  editMinutes: 15,
  /** Default first-response target of a département, in working days. */
  defaultFirstResponseDays: 5,
  labelName: 40,
  templateTitle: 120,
  bulk: 100,
} as const;

/** Customer effort score, asked once per thread when it is closed. */
export const SATISFACTION_QUESTION = 'Avez-vous obtenu facilement ce dont vous aviez besoin ?';
export const SATISFACTION_SCORES = [1, 2, 3, 4, 5] as const;
export type SatisfactionScore = (typeof SATISFACTION_SCORES)[number];
export const SATISFACTION_LABELS: Record<SatisfactionScore, string> = {
  1: 'Très difficilement',
  2: 'Difficilement',
  3: 'Ni facilement ni difficilement',
  4: 'Facilement',
  5: 'Très facilement',
};

/** `#rrggbb`, for labels. */
export const COLOUR_PATTERN = /^#[0-9a-f]{6}$/;

/** Variables an answer template may use; replaced for the thread it is inserted in. */
export const TEMPLATE_VARIABLES = {
  '{{commune}}': 'Nom de la commune',
  '{{maire}}': 'Nom du maire',
} as const;

// --- Threads -----------------------------------------------------------------------------------------------------

export interface LabelDto {
  id: string;
  name: string;
  /** `#rrggbb` */
  colour: string;
}

export interface PersonDto {
  id: string;
  displayName: string;
}

/** Who wrote a message; the side decides how it is shown ("Département" / the commune's name). */
export interface MessageAuthorDto {
  /** `null` once the account was deleted (the message stays, pseudonymised). */
  id: string | null;
  displayName: string;
  side: 'COMMUNE' | 'DEPARTEMENT';
}

export interface MessageDto {
  id: string;
  threadId: string;
  author: MessageAuthorDto;
  /** Markdown as typed. */
  body: string;
  /** The Markdown rendered and sanitised on the server (no script, no event handler, no `javascript:` link). */
  bodyHtml: string;
  /** Agent-only note; never sent to commune members. */
  internal: boolean;
  createdAt: string;
  editedAt: string | null;
  /** Set when the current user may still edit this message (their own, within the edit window). */
  editableUntil: string | null;
  /** Earlier versions kept when the message was edited (`GET /messages/:id/revisions`). */
  revisionCount: number;
  attachments: DocumentDto[];
}

export interface MessageRevisionDto {
  body: string;
  bodyHtml: string;
  /** When this version was replaced. */
  replacedAt: string;
}

/** Fields only département staff receive; `null` for commune members. */
export interface ThreadStaffFieldsDto {
  assignee: PersonDto | null;
  labels: LabelDto[];
  /** Response due (working days, public holidays excluded); `null` when the ball is not in the département's court. */
  dueAt: string | null;
  overdue: boolean;
  /** The clock is stopped while waiting for the commune. */
  clockPaused: boolean;
  cantonName: string | null;
  internalNoteCount: number;
}

export interface ThreadSummaryDto {
  id: string;
  communeInsee: string;
  communeName: string;
  subject: string;
  category: ThreadCategory;
  state: ThreadState;
  project: { id: string; title: string } | null;
  createdAt: string;
  createdBy: string;
  /** Last message or state change the user can see. */
  lastActivityAt: string;
  /** Messages the user can see (internal notes count for staff only). */
  messageCount: number;
  /** Something the user can see happened since they last opened the thread. */
  unread: boolean;
  satisfactionScore: SatisfactionScore | null;
  staff: ThreadStaffFieldsDto | null;
}

export interface SatisfactionDto {
  score: SatisfactionScore;
  /** The customer effort (1–7), when the commune gave it. */
  effort: EffortScore | null;
  comment: string | null;
  answeredAt: string;
  answeredBy: string;
}

export interface ThreadDto extends ThreadSummaryDto {
  version: number;
  /**
   * When the département's response is due (its target, in working days), for both sides: the commune is told when to
   * expect an answer. `null` when the ball is not in the département's court. Shown as a day (midnight ends the day before).
   */
  dueAt: string | null;
  firstResponseAt: string | null;
  /** First response time in seconds, time spent waiting for the commune excluded. */
  firstResponseSeconds: number | null;
  closedAt: string | null;
  /** Until when a closed thread can be reopened. */
  reopenableUntil: string | null;
  messages: MessageDto[];
  satisfaction: SatisfactionDto | null;
  /** What the current user may do now. */
  can: {
    reply: boolean;
    addNote: boolean;
    assign: boolean;
    rate: boolean;
    /** The states the user may ask for now (`POST /threads/:id/state`). */
    states: ThreadRequestableState[];
  };
  /** Staff only: for the templates' variables and the side panel. */
  mayorName: string | null;
}

export interface CreateThreadInput {
  subject: string;
  category: ThreadCategory;
  projectId?: string | null;
  body: string;
  /** Documents uploaded beforehand with `POST /communes/:insee/attachments`. */
  attachmentIds?: string[];
}

export interface PostMessageInput {
  body: string;
  /** Agents only: a note the commune never sees. */
  internal?: boolean;
  attachmentIds?: string[];
  /** Agents only: answer and wait for the commune, or answer and close, in one step. */
  nextState?: 'WAITING_COMMUNE' | 'CLOSED';
}

export interface EditMessageInput {
  body: string;
}

export interface ChangeThreadStateInput {
  state: ThreadRequestableState;
  /** The `version` the user saw; a thread changed since answers 409. */
  version: number;
}

export interface AssignThreadInput {
  assigneeId: string | null;
}

export interface SetThreadLabelsInput {
  labelIds: string[];
}

export interface SatisfactionInput {
  score: SatisfactionScore;
  /** Optional: agreement from 1 to 7 with `EFFORT_STATEMENT`. */
  effort?: EffortScore | null;
  comment?: string | null;
}

/** `POST /inbox/bulk`: the same change on up to `THREAD_LIMITS.bulk` threads. */
export interface BulkThreadsInput {
  threadIds: string[];
  /** Omitted: unchanged; `null`: unassign. */
  assigneeId?: string | null;
  addLabelIds?: string[];
  removeLabelIds?: string[];
}

export interface BulkThreadsResult {
  updated: number;
}

export const INBOX_SCOPES = ['all', 'mine', 'unassigned'] as const;
export type InboxScope = (typeof INBOX_SCOPES)[number];
export const INBOX_SORTS = ['due', 'activity'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

/**
 * `GET /inbox`. `state` defaults to `ACTIVE` (every state but `CLOSED`). `q` is French full-text search over
 * subjects and messages (accents and case ignored).
 */
export interface InboxQuery {
  state?: ThreadState | 'ACTIVE' | 'ALL';
  scope?: InboxScope;
  category?: ThreadCategory;
  canton?: string;
  commune?: string;
  label?: string;
  overdue?: boolean;
  sort?: InboxSort;
  q?: string;
  limit?: number;
  offset?: number;
}

/** `GET /communes/:insee/threads`. */
export interface CommuneThreadsQuery {
  state?: ThreadState | 'ACTIVE' | 'ALL';
  projectId?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

// --- Département settings, routing, labels, templates -----------------------------------------------------------

export interface DepartementSettingsDto {
  code: string;
  /** First-response target in working days (French public holidays excluded). */
  firstResponseDays: number;
  /** Office hours of a working day, which the indicators' working time counts. */
  officeHours: OfficeSpan[];
}

export interface UpdateDepartementSettingsInput {
  firstResponseDays: number;
  /** Omitted: unchanged. Spans in order, not overlapping, within the day. */
  officeHours?: OfficeSpan[];
}

/** New threads matching a rule go to its agent; the most specific rule wins (canton + category, canton, category). */
export interface RoutingRuleDto {
  id: string;
  cantonCode: string | null;
  cantonName: string | null;
  category: ThreadCategory | null;
  agent: PersonDto;
}

export interface RoutingRuleInput {
  cantonCode: string | null;
  category: ThreadCategory | null;
  agentId: string;
}

export interface LabelInput {
  name: string;
  colour: string;
}

export interface AnswerTemplateDto {
  id: string;
  title: string;
  /** Markdown with `{{commune}}` and `{{maire}}`. */
  body: string;
  updatedAt: string;
}

export interface AnswerTemplateInput {
  title: string;
  body: string;
}

/** A template filled in for one thread (`GET /threads/:id/answer-templates`). */
export interface FilledTemplateDto {
  id: string;
  title: string;
  body: string;
}

// --- The commune's file (side panel of the agent's thread page) -------------------------------------------------

export const TIMELINE_KINDS = [
  'THREAD_CREATED',
  'MESSAGE',
  'INTERNAL_NOTE',
  'STATE_CHANGED',
  'SATISFACTION',
  'PROJECT_CREATED',
  'PROJECT_UPDATED',
  'DOCUMENT_ADDED',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEventDto {
  at: string;
  kind: TimelineKind;
  actor: string | null;
  /** French one-line summary, e.g. "Question « Subvention DETR » posée". */
  summary: string;
  link: { type: 'thread' | 'project'; id: string } | null;
}

export interface CommuneFileDto {
  commune: {
    insee: string;
    name: string;
    population: number;
    postcodes: string[];
    cantonName: string | null;
    epciName: string | null;
    eligible: boolean;
    workspaceOpenedAt: string | null;
  };
  members: { displayName: string; role: 'MAYOR' | 'COLLABORATOR'; email: string }[];
  projects: ProjectSummaryDto[];
  threads: ThreadSummaryDto[];
  satisfaction: { average: number | null; count: number; latest: (SatisfactionDto & { threadId: string; subject: string })[] };
  /** Newest first, at most 100 events. */
  timeline: TimelineEventDto[];
}
