import type { AgentDto, BulkThreadsInput, LabelDto, PersonDto, ThreadSummaryDto } from '@passerelle/shared/dto';
import { formatCount } from '@passerelle/web/shared/util-format';

/** Someone a thread can be assigned to. */
export interface AssigneeChoice extends PersonDto {
  isMe: boolean;
}

/**
 * Who the bulk action can assign threads to: the active agents and admins when the list could be read (admins), and
 * always the current user and the assignees already seen on the page (agents cannot read the list of agents). The
 * current user comes first, then the others in French alphabetical order.
 */
export function assigneeChoices(
  agents: readonly AgentDto[] | null,
  me: PersonDto | null,
  threads: readonly ThreadSummaryDto[],
): AssigneeChoice[] {
  const people = new Map<string, PersonDto>();
  for (const agent of agents ?? []) {
    if (agent.status === 'ACTIVE') {
      people.set(agent.id, { id: agent.id, displayName: agent.displayName ?? agent.email });
    }
  }
  for (const thread of threads) {
    const assignee = thread.staff?.assignee;
    if (assignee && !people.has(assignee.id)) {
      people.set(assignee.id, assignee);
    }
  }
  if (me) {
    people.set(me.id, me);
  }
  return [...people.values()]
    .map((person) => ({ ...person, isMe: person.id === me?.id }))
    .sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.displayName.localeCompare(b.displayName, 'fr'));
}

export type BulkChange =
  | { kind: 'assign'; assignee: AssigneeChoice }
  | { kind: 'unassign' }
  | { kind: 'addLabel'; label: LabelDto }
  | { kind: 'removeLabel'; label: LabelDto };

/** The confirmation shown once the API has applied the change, e.g. "3 questions attribuées à vous-même." */
export function bulkDoneMessage(change: BulkChange, updated: number): string {
  if (updated === 0) {
    return 'Aucune question n’a été modifiée : elles l’étaient déjà.';
  }
  const threads = formatCount(updated, 'question', 'questions');
  const agreement = updated < 2 ? '' : 's';
  switch (change.kind) {
    case 'assign':
      return `${threads} attribuée${agreement} à ${change.assignee.isMe ? 'vous-même' : change.assignee.displayName}.`;
    case 'unassign':
      return `${threads} sans attribution désormais.`;
    case 'addLabel':
      return `Étiquette « ${change.label.name} » ajoutée à ${threads}.`;
    case 'removeLabel':
      return `Étiquette « ${change.label.name} » retirée de ${threads}.`;
  }
}

/** The request of a bulk change: only the field that changes, so that the others stay as they are. */
export function bulkInput(threadIds: string[], change: BulkChange): BulkThreadsInput {
  switch (change.kind) {
    case 'assign':
      return { threadIds, assigneeId: change.assignee.id };
    case 'unassign':
      return { threadIds, assigneeId: null };
    case 'addLabel':
      return { threadIds, addLabelIds: [change.label.id] };
    case 'removeLabel':
      return { threadIds, removeLabelIds: [change.label.id] };
  }
}
