import {
  type LabelDto,
  THREAD_CATEGORY_LABELS,
  type ThreadState,
  type ThreadSummaryDto,
} from '@passerelle/shared/dto';
import { formatCount, formatDateTime, PARIS_TIME_ZONE } from '@passerelle/web/shared/util-format';

/** Table cells are narrow: `28 nov. 2026`, and `22 nov. 2026, 12:24` in Paris time; the long form goes in a tooltip. */
const shortDate = new Intl.DateTimeFormat('fr-FR', { timeZone: PARIS_TIME_ZONE, dateStyle: 'medium' });
const shortDateTime = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS_TIME_ZONE,
  dateStyle: 'medium',
  timeStyle: 'short',
});

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
  /** The due date, or a dash when the ball is not in the département's court. */
  due: string;
  dueAt: string | null;
  overdue: boolean;
  paused: boolean;
  lastActivity: string;
  /** `22 novembre 2026 à 12:24`, for the tooltip. */
  lastActivityLong: string;
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
    due: staff?.dueAt ? shortDate.format(new Date(staff.dueAt)) : '—',
    dueAt: staff?.dueAt ?? null,
    overdue: staff?.overdue ?? false,
    paused: staff?.clockPaused ?? false,
    lastActivity: shortDateTime.format(new Date(thread.lastActivityAt)),
    lastActivityLong: formatDateTime(thread.lastActivityAt),
    lastActivityAt: thread.lastActivityAt,
  };
}
