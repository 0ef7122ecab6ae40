import {
  type LabelDto,
  THREAD_CATEGORY_LABELS,
  type ThreadState,
  type ThreadSummaryDto,
} from '@passerelle/shared/dto';
import { formatCount, formatDateTime, formatDeadlineDay } from '@passerelle/web/shared/util-format';

/** A thread as a row of the inbox, every text ready for the table and for the phone's cards. */
export interface InboxRow {
  id: string;
  subject: string;
  link: string[];
  unread: boolean;
  projectTitle: string | null;
  messages: string;
  communeName: string;
  communeLink: string[];
  cantonName: string;
  category: string;
  state: ThreadState;
  assignee: string;
  labels: LabelDto[];
  /** The day the response is due (`04/12/2026`), or a dash when the ball is not in the département's court. */
  due: string;
  dueAt: string | null;
  overdue: boolean;
  paused: boolean;
  /** `22/11/2026 à 12:24`, Paris time. */
  lastActivity: string;
  lastActivityAt: string;
}

export function inboxRow(thread: ThreadSummaryDto): InboxRow {
  const staff = thread.staff;
  return {
    id: thread.id,
    subject: thread.subject,
    link: ['/departement/questions', thread.id],
    unread: thread.unread,
    projectTitle: thread.project?.title ?? null,
    messages: formatCount(thread.messageCount, 'message'),
    communeName: thread.communeName,
    communeLink: ['/departement/communes', thread.communeInsee],
    cantonName: staff?.cantonName ?? '—',
    category: THREAD_CATEGORY_LABELS[thread.category],
    state: thread.state,
    assignee: staff?.assignee?.displayName ?? 'Non attribuée',
    labels: staff?.labels ?? [],
    due: staff?.dueAt ? formatDeadlineDay(staff.dueAt) : '—',
    dueAt: staff?.dueAt ?? null,
    overdue: staff?.overdue ?? false,
    paused: staff?.clockPaused ?? false,
    lastActivity: formatDateTime(thread.lastActivityAt),
    lastActivityAt: thread.lastActivityAt,
  };
}
