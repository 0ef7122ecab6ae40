import {
  DELETED_AGENT_LABEL,
  DELETED_MEMBER_LABEL,
  type DocumentDto,
  type MessageDto,
  type MessageRevisionDto,
  type SatisfactionDto,
  type ThreadDto,
  type ThreadSummaryDto,
} from '@passerelle/shared/dto';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { renderMarkdown } from '../common/text/markdown';
import { type Side, editableUntil, reopenableUntil, requestableStates, sideOf } from './thread-workflow';
import type { MessageRevisionRow, MessageRow, ThreadRow } from './threads.repository';

/**
 * Who a person no longer linked to what they wrote is shown as (their account deleted, or the question closed long
 * ago and its authors pseudonymised): by their side, the commune or the département.
 */
export function formerPerson(side: Side): string {
  return side === 'COMMUNE' ? DELETED_MEMBER_LABEL : DELETED_AGENT_LABEL;
}

/** What a reader sees of a thread in a list; `staff` decides whether internal fields are included. */
export function mapThreadSummary(row: ThreadRow, staff: boolean, now: Date): ThreadSummaryDto {
  const lastActivity = staff ? row.last_activity_at : row.last_public_activity_at;
  return {
    id: row.id,
    communeInsee: row.commune_insee,
    communeName: row.commune_name,
    subject: row.subject,
    category: row.category,
    state: row.state,
    project: row.project_id && row.project_title ? { id: row.project_id, title: row.project_title } : null,
    createdAt: row.created_at.toISOString(),
    // The asker is a member of the commune.
    createdBy: row.created_by_name ?? formerPerson('COMMUNE'),
    lastActivityAt: lastActivity.toISOString(),
    messageCount: row.public_message_count + (staff ? row.note_count : 0),
    unread: row.read_at === null || row.read_at < lastActivity,
    satisfactionScore: row.satisfaction_score,
    staff: staff
      ? {
          assignee: row.assignee_id && row.assignee_name ? { id: row.assignee_id, displayName: row.assignee_name } : null,
          labels: row.labels,
          dueAt: row.due_at?.toISOString() ?? null,
          overdue: row.due_at !== null && row.due_at < now,
          clockPaused: row.state === 'WAITING_COMMUNE',
          cantonName: row.canton_name,
          internalNoteCount: row.note_count,
        }
      : null,
  };
}

export function mapSatisfaction(row: ThreadRow): SatisfactionDto | null {
  if (row.satisfaction_score === null || !row.satisfaction_at) {
    return null;
  }
  return {
    score: row.satisfaction_score,
    effort: row.effort_score,
    comment: row.satisfaction_comment,
    answeredAt: row.satisfaction_at.toISOString(),
    answeredBy: row.satisfaction_by_name ?? formerPerson('COMMUNE'),
  };
}

export function mapMessage(row: MessageRow, attachments: DocumentDto[], readerId: string, now: Date): MessageDto {
  const until = editableUntil(row.created_at);
  return {
    id: row.id,
    threadId: row.thread_id,
    author: { id: row.author_id, displayName: row.author_name ?? formerPerson(row.author_side), side: row.author_side },
    body: row.body,
    bodyHtml: renderMarkdown(row.body),
    internal: row.internal,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    editableUntil: row.author_id === readerId && until > now ? until.toISOString() : null,
    revisionCount: Number(row.revision_count),
    // An attachment is its message's author's: without an uploader, it reads as theirs.
    attachments: attachments.map((a) => (a.uploadedBy === null ? { ...a, uploadedBy: row.author_name ?? formerPerson(row.author_side) } : a)),
  };
}

export function mapRevision(row: MessageRevisionRow): MessageRevisionDto {
  return { body: row.body, bodyHtml: renderMarkdown(row.body), replacedAt: row.replaced_at.toISOString() };
}

/** The thread with its conversation as `reader` sees it: notes and internal fields for staff only, and what they may do. */
export function mapThread(
  reader: AuthUser,
  row: ThreadRow,
  messages: MessageRow[],
  attachments: Map<string, DocumentDto[]>,
  mayorName: string | null,
  now: Date,
): ThreadDto {
  const staff = isStaff(reader);
  const member = !staff && reader.communeInsee === row.commune_insee;
  return {
    ...mapThreadSummary(row, staff, now),
    version: row.version,
    dueAt: row.due_at?.toISOString() ?? null,
    firstResponseAt: row.first_response_at?.toISOString() ?? null,
    firstResponseSeconds: row.first_response_ms === null ? null : Math.round(Number(row.first_response_ms) / 1000),
    closedAt: row.closed_at?.toISOString() ?? null,
    reopenableUntil: row.state === 'CLOSED' ? (reopenableUntil(row.closed_at)?.toISOString() ?? null) : null,
    messages: messages.map((m) => mapMessage(m, attachments.get(m.id) ?? [], reader.id, now)),
    satisfaction: mapSatisfaction(row),
    can: {
      reply: row.state !== 'CLOSED' && (staff || member),
      addNote: staff,
      assign: staff,
      rate: member && row.state === 'CLOSED' && row.satisfaction_score === null,
      states: staff || member ? requestableStates(row.state, sideOf(reader), row.closed_at, now) : [],
    },
    mayorName,
  };
}
