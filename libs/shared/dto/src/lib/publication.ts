import type { ApiError } from './api';
import type { PublicationViewsDto } from './public-portal';
import type { FundingLineDto, LessonsDto, ProjectLocationDto, ProjectStatus, ProjectTheme } from './projects';

/**
 * `PRIVATE` → (a commune member asks) `AWAITING_CONSENT` → (the mayor consents; a mayor asking consents at once)
 * `AWAITING_REVIEW` → (an agent approves) `PUBLISHED`, or (rejects with a reason) back. The mayor withdraws at any
 * time → `PRIVATE`, at once for the public. Only `COMPLETED` projects. The public sees the reviewed snapshot only.
 */
export const PUBLICATION_STATES = ['PRIVATE', 'AWAITING_CONSENT', 'AWAITING_REVIEW', 'PUBLISHED'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

export const PUBLICATION_STATE_LABELS: Record<PublicationState, string> = {
  PRIVATE: 'Non publié',
  AWAITING_CONSENT: 'En attente de l’accord du maire',
  AWAITING_REVIEW: 'En attente de relecture par le département',
  PUBLISHED: 'Publié',
};

export const PUBLICATION_ACTIONS = ['request', 'consent', 'approve', 'reject', 'withdraw'] as const;
export type PublicationAction = (typeof PUBLICATION_ACTIONS)[number];

/** The log's entries, in words the commune and the agents both read. */
export const PUBLICATION_ACTION_LABELS: Record<PublicationAction, string> = {
  request: 'Publication demandée',
  consent: 'Accord du maire',
  approve: 'Approuvé et publié par le département',
  reject: 'Refusé par le département',
  withdraw: 'Accord retiré par le maire',
};

/**
 * The log's entries: the actions, and `edit` — a collaborator changed what would go online while the fiche waited for
 * its review, so the request went back to the mayor (who consents to exactly what the agent approves).
 */
export const PUBLICATION_EVENT_KINDS = [...PUBLICATION_ACTIONS, 'edit'] as const;
export type PublicationEventKind = (typeof PUBLICATION_EVENT_KINDS)[number];

export const PUBLICATION_EVENT_LABELS: Record<PublicationEventKind, string> = {
  ...PUBLICATION_ACTION_LABELS,
  edit: 'Fiche modifiée pendant la relecture\u00a0: nouvel accord du maire demandé',
};

export const PUBLICATION_LIMITS = { reason: 2_000 } as const;

/** What the commune chooses to show: which photos and documents, and whether the funding details. */
export interface PublicationChoicesDto {
  documentIds: string[];
  showFunding: boolean;
}

/** `version` of a preview (`PublicationPreviewDto.version`): a digest of exactly what would go online. */
export const PUBLICATION_VERSION_PATTERN = /^[0-9a-f]{64}$/;

interface PublicationActionBase {
  /** Required to reject; optional otherwise (kept in the log). */
  reason?: string | null;
}

/** The commune's actions: only they carry what the commune chooses to make public. */
export interface PublicationCommuneActionInput extends PublicationActionBase {
  action: 'request' | 'consent';
  /** What the commune chooses to make public. */
  choices?: PublicationChoicesDto;
  /** The preview version the mayor saw (`PublicationDto.previewVersion`); a stale one is refused (409). */
  version?: string;
}

/** An agent's approval names the preview it approves: if the fiche changed since, 409 with the current preview. */
export interface PublicationApproveInput extends PublicationActionBase {
  action: 'approve';
  version: string;
}

export interface PublicationOtherActionInput extends PublicationActionBase {
  action: 'reject' | 'withdraw';
}

/**
 * The body of `POST /projects/:id/publication`. Each action accepts its own fields only: an agent's `approve` with
 * `choices` is refused (400) — what is public is the commune's choice.
 */
export type PublicationActionInput = PublicationCommuneActionInput | PublicationApproveInput | PublicationOtherActionInput;

export interface PublicationEventDto {
  at: string;
  action: PublicationEventKind;
  actor: string | null;
  fromState: PublicationState;
  toState: PublicationState;
  reason: string | null;
}

export interface PublicationDto {
  state: PublicationState;
  choices: PublicationChoicesDto;
  /** Address of the public page, once published. */
  slug: string | null;
  publishedAt: string | null;
  /** The fiche changed since the version the public sees: a new review puts the changes online. */
  pendingChanges: boolean;
  /** The reason of the last rejection, until the next request. */
  rejectionReason: string | null;
  events: PublicationEventDto[];
  /** What the current user may do now. */
  can: Record<PublicationAction, boolean>;
  /** The version of what would go online now (as `PublicationPreviewDto.version`): the mayor consents to it. */
  previewVersion: string;
  /** Consultations of the public page; `null` before the first publication. */
  views: PublicationViewsDto | null;
}

export interface PublicDocumentDto {
  id: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  kind: 'PHOTO' | 'DOCUMENT';
  /** `/api/public/documents/:id/content` */
  contentUrl: string;
  thumbnailUrl: string | null;
}

/** A published fiche as the public sees it: the snapshot an agent reviewed, with nothing the commune kept private. */
export interface PublicProjectDto {
  slug: string;
  title: string;
  summary: string;
  description: string;
  objectives: string;
  theme: ProjectTheme;
  status: ProjectStatus;
  startDate: string | null;
  endDate: string | null;
  commune: { insee: string; name: string; population: number; cantonName: string | null };
  location: ProjectLocationDto | null;
  forecastCostCents: number | null;
  finalCostCents: number | null;
  /** `null` when the commune keeps its funding details private. Public funding only: funder, scheme, amount obtained. */
  funding: Pick<FundingLineDto, 'funder' | 'funderName' | 'scheme' | 'amountObtainedCents'>[] | null;
  lessons: LessonsDto;
  photos: PublicDocumentDto[];
  documents: PublicDocumentDto[];
  publishedAt: string;
  /** When the version shown was reviewed. */
  reviewedAt: string;
}

/**
 * `GET /projects/:id/publication/preview`: what the public would see if the fiche were approved now, and its
 * `version`, which the agent's `approve` sends back. Documents point to the signed-in routes.
 */
export interface PublicationPreviewDto extends PublicProjectDto {
  version: string;
}

/** `409 PUBLICATION_STALE_PREVIEW`: the fiche changed since the preview the agent approved; `current` is the new one. */
export interface PublicationStalePreviewError extends ApiError {
  code: 'PUBLICATION_STALE_PREVIEW';
  current: PublicationPreviewDto;
}
