import type { FaqReviewAction, FaqStatus } from '@passerelle/shared/dto';

/** Who asks for a review action, as the service knows them. */
export interface Reviewer {
  userId: string;
  isAdmin: boolean;
}

/** Whose text is to be reviewed: its author, and who submitted this version. */
export interface ReviewedEntry {
  status: FaqStatus;
  authorId: string | null;
  submittedBy: string | null;
}

export type ReviewVerdict =
  | { allowed: true; next: FaqStatus }
  | { allowed: false; reason: 'WRONG_STATUS' | 'OWN_ENTRY' | 'REASON_REQUIRED' };

const FROM: Record<FaqReviewAction, readonly FaqStatus[]> = {
  submit: ['DRAFT'],
  publish: ['IN_REVIEW'],
  reject: ['IN_REVIEW'],
  archive: ['DRAFT', 'IN_REVIEW', 'PUBLISHED'],
};

const TO: Record<FaqReviewAction, FaqStatus> = {
  submit: 'IN_REVIEW',
  publish: 'PUBLISHED',
  reject: 'DRAFT',
  archive: 'ARCHIVED',
};

/**
 * The life of an entry: its author (or any agent of its département) submits a draft; **another** agent or an
 * admin publishes it or sends it back with a reason — never the one who wrote or submitted it, admin or not (four
 * eyes on every answer given to all communes); any agent archives.
 */
export function judgeReview(entry: ReviewedEntry, action: FaqReviewAction, reviewer: Reviewer, reason: string | undefined): ReviewVerdict {
  if (!FROM[action].includes(entry.status)) {
    return { allowed: false, reason: 'WRONG_STATUS' };
  }
  if (action === 'publish' || action === 'reject') {
    if (reviewer.userId === entry.authorId || reviewer.userId === entry.submittedBy) {
      return { allowed: false, reason: 'OWN_ENTRY' };
    }
    if (action === 'reject' && !reason?.trim()) {
      return { allowed: false, reason: 'REASON_REQUIRED' };
    }
  }
  return { allowed: true, next: TO[action] };
}

/** Whether a published entry is past its « valable jusqu'au » date on `today` (a Paris day, `YYYY-MM-DD`). */
export function isExpired(validUntil: string | null, today: string): boolean {
  return validUntil !== null && validUntil < today;
}
