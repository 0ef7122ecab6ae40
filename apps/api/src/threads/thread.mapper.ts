import type {
  DocumentDto,
  LabelDto,
  MessageDto,
  SatisfactionDto,
  SatisfactionScore,
  ThreadCategory,
  ThreadState,
  ThreadSummaryDto,
} from '@passerelle/shared/dto';
import { renderMarkdown } from './markdown';
import { editableUntil } from './thread-workflow';

export interface ThreadRow {
  id: string;
  commune_insee: string;
  departement_code: string;
  commune_name: string;
  canton_name: string | null;
  project_id: string | null;
  project_title: string | null;
  subject: string;
  category: ThreadCategory;
  state: ThreadState;
  assignee_id: string | null;
  assignee_name: string | null;
  created_by_name: string | null;
  created_at: Date;
  last_activity_at: Date;
  last_public_activity_at: Date;
  due_at: Date | null;
  paused_remaining_days: number | null;
  waiting_since: Date | null;
  waiting_total_ms: string;
  first_response_at: Date | null;
  first_response_ms: string | null;
  closed_at: Date | null;
  satisfaction_score: SatisfactionScore | null;
  satisfaction_comment: string | null;
  satisfaction_at: Date | null;
  satisfaction_by_name: string | null;
  public_message_count: number;
  note_count: number;
  version: number;
  read_at: Date | null;
  labels: LabelDto[];
}

/**
 * Every thread read goes through this select. `reader` is the parameter holding the reader's id (for the unread
 * marker); `from` replaces the thread table, e.g. by a page of ids joined to it.
 */
export function threadSelect(reader = '$1', from = 'thread t'): string {
  return THREAD_SELECT.replace('$1', reader).replace('FROM thread t', `FROM ${from}`);
}

const THREAD_SELECT = `
  SELECT t.id, t.commune_insee, t.departement_code, c.name AS commune_name, cn.name AS canton_name,
         p.id AS project_id, p.title AS project_title, t.subject, t.category, t.state, t.assignee_id,
         au.display_name AS assignee_name, cu.display_name AS created_by_name, t.created_at, t.last_activity_at,
         t.last_public_activity_at, t.due_at, t.paused_remaining_days, t.waiting_since, t.waiting_total_ms,
         t.first_response_at, t.first_response_ms, t.closed_at, t.satisfaction_score, t.satisfaction_comment,
         t.satisfaction_at, su.display_name AS satisfaction_by_name, t.public_message_count, t.note_count, t.version,
         tr.read_at,
         coalesce((SELECT json_agg(json_build_object('id', l.id, 'name', l.name, 'colour', l.colour) ORDER BY lower(l.name))
                     FROM thread_label tl JOIN label l ON l.id = tl.label_id WHERE tl.thread_id = t.id), '[]') AS labels
    FROM thread t
    JOIN commune c ON c.insee = t.commune_insee
    LEFT JOIN canton cn ON cn.code = c.canton_code
    LEFT JOIN project p ON p.id = t.project_id AND p.deleted_at IS NULL
    LEFT JOIN app_user au ON au.id = t.assignee_id
    LEFT JOIN app_user cu ON cu.id = t.created_by
    LEFT JOIN app_user su ON su.id = t.satisfaction_by
    LEFT JOIN thread_read tr ON tr.thread_id = t.id AND tr.user_id = $1`;

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
    createdBy: row.created_by_name ?? 'Compte supprimé',
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
    comment: row.satisfaction_comment,
    answeredAt: row.satisfaction_at.toISOString(),
    answeredBy: row.satisfaction_by_name ?? 'Compte supprimé',
  };
}

export interface MessageRow {
  id: string;
  thread_id: string;
  author_id: string | null;
  author_name: string | null;
  author_side: 'COMMUNE' | 'DEPARTEMENT';
  body: string;
  internal: boolean;
  created_at: Date;
  edited_at: Date | null;
  revision_count: string;
}

/** `$1`: thread id; `$2`: whether internal notes are included. */
export const MESSAGE_SELECT = `
  SELECT m.id, m.thread_id, m.author_id, u.display_name AS author_name, m.author_side, m.body, m.internal,
         m.created_at, m.edited_at, (SELECT count(*) FROM message_revision r WHERE r.message_id = m.id) AS revision_count
    FROM thread_message m LEFT JOIN app_user u ON u.id = m.author_id`;

export function mapMessage(row: MessageRow, attachments: DocumentDto[], readerId: string, now: Date): MessageDto {
  const until = editableUntil(row.created_at);
  return {
    id: row.id,
    threadId: row.thread_id,
    author: { id: row.author_id, displayName: row.author_name ?? 'Compte supprimé', side: row.author_side },
    body: row.body,
    bodyHtml: renderMarkdown(row.body),
    internal: row.internal,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    editableUntil: row.author_id === readerId && until > now ? until.toISOString() : null,
    revisionCount: Number(row.revision_count),
    attachments,
  };
}

/**
 * Recomputes the inbox's search document of thread `$1`: the words of the subject and of every message, notes
 * included, without positions (the inbox matches, it does not rank), which keeps the documents small.
 */
export const REFRESH_SEARCH_SQL = `
  INSERT INTO thread_search (thread_id, active, document)
  SELECT t.id, t.state <> 'CLOSED',
         strip(to_tsvector('public.french_unaccent',
           t.subject || ' ' || coalesce((SELECT string_agg(m.body, ' ' ORDER BY m.created_at) FROM thread_message m WHERE m.thread_id = t.id), '')))
    FROM thread t WHERE t.id = $1
  ON CONFLICT (thread_id) DO UPDATE SET active = excluded.active, document = excluded.document`;
