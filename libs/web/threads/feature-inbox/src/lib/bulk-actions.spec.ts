import type { AgentDto, ThreadSummaryDto } from '@passerelle/shared/dto';
import { type AssigneeChoice, assigneeChoices, bulkDoneMessage, bulkInput } from './bulk-actions';

function anAgent(id: string, displayName: string | null, status: AgentDto['status'] = 'ACTIVE'): AgentDto {
  return {
    id,
    email: `${id}@valdoise.example`,
    displayName,
    role: 'AGENT',
    status,
    totpEnabled: true,
    lastSignInAt: null,
    invitedAt: null,
    deletionDueAt: null,
  };
}

function assignedTo(id: string, displayName: string): ThreadSummaryDto {
  return { staff: { assignee: { id, displayName } } } as ThreadSummaryDto;
}

describe('assigneeChoices', () => {
  const me = { id: 'me', displayName: 'Zoé Agent' };

  it('puts the current user first, then the active agents in French order', () => {
    const choices = assigneeChoices(
      [anAgent('b', 'Émile Blanc'), anAgent('a', 'Alice Martin'), anAgent('c', 'Zacharie Roux'), anAgent('me', 'Zoé Agent')],
      me,
      [],
    );
    expect(choices.map((choice) => choice.displayName)).toEqual([
      'Zoé Agent',
      'Alice Martin',
      'Émile Blanc',
      'Zacharie Roux',
    ]);
    expect(choices[0].isMe).toBe(true);
  });

  it('leaves out disabled agents and pending invitations, and names an agent without a name by e-mail', () => {
    const choices = assigneeChoices(
      [anAgent('x', 'Ancien Agent', 'DISABLED'), anAgent('y', null, 'PENDING'), anAgent('z', null)],
      null,
      [],
    );
    expect(choices).toEqual([{ id: 'z', displayName: 'z@valdoise.example', isMe: false }]);
  });

  it('still offers the current user and the assignees seen when the agents list cannot be read', () => {
    const choices = assigneeChoices(null, me, [assignedTo('k', 'Karim Benali'), assignedTo('k', 'Karim Benali')]);
    expect(choices.map((choice) => choice.id)).toEqual(['me', 'k']);
  });
});

describe('bulkDoneMessage', () => {
  const karim: AssigneeChoice = { id: 'k', displayName: 'Karim Benali', isMe: false };
  const urgent = { id: 'l', name: 'Urgent', colour: '#b71c1c' };

  it('says in French what was done to how many threads', () => {
    expect(bulkDoneMessage({ kind: 'assign', assignee: karim }, 3)).toBe('3 questions attribuées à Karim Benali.');
    expect(bulkDoneMessage({ kind: 'assign', assignee: { ...karim, isMe: true } }, 1)).toBe(
      '1 question attribuée à vous-même.',
    );
    expect(bulkDoneMessage({ kind: 'unassign' }, 2)).toBe('2 questions sans attribution désormais.');
    expect(bulkDoneMessage({ kind: 'addLabel', label: urgent }, 1)).toBe('Étiquette « Urgent » ajoutée à 1 question.');
    expect(bulkDoneMessage({ kind: 'removeLabel', label: urgent }, 4)).toBe(
      'Étiquette « Urgent » retirée de 4 questions.',
    );
  });

  it('says so when nothing needed changing', () => {
    expect(bulkDoneMessage({ kind: 'unassign' }, 0)).toContain('Aucune question');
  });
});

describe('bulkInput', () => {
  const ids = ['t1', 't2'];

  it('sends only what changes: null unassigns, an absent assignee leaves it alone', () => {
    expect(bulkInput(ids, { kind: 'assign', assignee: { id: 'k', displayName: 'Karim', isMe: false } })).toEqual({
      threadIds: ids,
      assigneeId: 'k',
    });
    expect(bulkInput(ids, { kind: 'unassign' })).toEqual({ threadIds: ids, assigneeId: null });
    const label = { id: 'l', name: 'Urgent', colour: '#b71c1c' };
    expect(bulkInput(ids, { kind: 'addLabel', label })).toEqual({ threadIds: ids, addLabelIds: ['l'] });
    expect(bulkInput(ids, { kind: 'removeLabel', label })).toEqual({ threadIds: ids, removeLabelIds: ['l'] });
  });
});
