import { DOCUMENT, inject, Injectable } from '@angular/core';
import { THREAD_CATEGORIES, type ThreadCategory } from '@passerelle/shared/dto';

/** What is kept of a question being written; the attachments are not (they would have to be uploaded again). */
export interface QuestionDraft {
  subject: string;
  category: ThreadCategory | null;
  projectId: string | null;
  body: string;
}

export interface SavedQuestionDraft extends QuestionDraft {
  savedAt: string;
}

const KEY_PREFIX = 'passerelle.question-draft.';

/**
 * The question a user was writing, kept in this browser until it is sent, so that leaving the page (a phone call,
 * another tab, a closed laptop) loses nothing. One draft per user: a shared mairie computer does not show one
 * colleague's draft to another. Storage may be full or refused (private browsing): the draft is then simply not kept.
 */
@Injectable({ providedIn: 'root' })
export class QuestionDraftStore {
  private readonly storage = inject(DOCUMENT).defaultView?.localStorage ?? null;

  load(userId: string): SavedQuestionDraft | null {
    let raw: string | null = null;
    try {
      raw = this.storage?.getItem(this.key(userId)) ?? null;
    } catch {
      return null;
    }
    return raw === null ? null : parseDraft(raw);
  }

  /** An empty draft is no draft: it is removed rather than kept. */
  save(userId: string, draft: QuestionDraft, now = new Date()): void {
    if (isEmpty(draft)) {
      this.clear(userId);
      return;
    }
    const saved: SavedQuestionDraft = { ...draft, savedAt: now.toISOString() };
    try {
      this.storage?.setItem(this.key(userId), JSON.stringify(saved));
    } catch {
      // Full or refused storage: the form still holds the text.
    }
  }

  clear(userId: string): void {
    try {
      this.storage?.removeItem(this.key(userId));
    } catch {
      // Nothing to remove then.
    }
  }

  private key(userId: string): string {
    return `${KEY_PREFIX}${userId}`;
  }
}

function isEmpty(draft: QuestionDraft): boolean {
  return draft.subject.trim() === '' && draft.body.trim() === '' && !draft.category && !draft.projectId;
}

/** Reads back what this code wrote, and ignores anything else (an older format, a hand-edited value). */
function parseDraft(raw: string): SavedQuestionDraft | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) {
    return null;
  }
  const { subject, category, projectId, body, savedAt } = value as Record<string, unknown>;
  if (typeof subject !== 'string' || typeof body !== 'string' || typeof savedAt !== 'string') {
    return null;
  }
  return {
    subject,
    body,
    savedAt,
    category: THREAD_CATEGORIES.find((known) => known === category) ?? null,
    projectId: typeof projectId === 'string' && projectId !== '' ? projectId : null,
  };
}
