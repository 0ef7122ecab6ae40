import type { AgentDto } from '@passerelle/shared/dto';
import { assigneeChoices } from './assignee-choices';

function agent(id: string, displayName: string | null, status: AgentDto['status'] = 'ACTIVE'): AgentDto {
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

describe('assigneeChoices', () => {
  it('lists each active agent once, in French alphabetical order, with the user and the current assignee', () => {
    const choices = assigneeChoices({
      me: { id: 'a2', displayName: 'Élodie Petit' },
      current: { id: 'gone', displayName: 'Ancien agent' },
      agents: [agent('a1', 'Zoé Martin'), agent('a2', 'Élodie Petit'), agent('a3', 'Bruno Roux', 'DISABLED'), agent('a4', null, 'PENDING')],
      routing: [],
    });
    expect(choices.map((person) => person.displayName)).toEqual(['Ancien agent', 'Élodie Petit', 'Zoé Martin']);
  });

  it('falls back on the agents of the routing rules when the staff list is not available', () => {
    const choices = assigneeChoices({
      me: { id: 'a2', displayName: 'Élodie Petit' },
      current: null,
      agents: [],
      routing: [
        { id: 'r1', cantonCode: '9507', cantonName: 'Pontoise', category: null, agent: { id: 'a1', displayName: 'Zoé Martin' } },
        { id: 'r2', cantonCode: null, cantonName: null, category: 'FUNDING', agent: { id: 'a1', displayName: 'Zoé Martin' } },
      ],
    });
    expect(choices).toEqual([
      { id: 'a2', displayName: 'Élodie Petit' },
      { id: 'a1', displayName: 'Zoé Martin' },
    ]);
  });

  it('names an agent without a display name by their e-mail', () => {
    expect(assigneeChoices({ me: null, current: null, agents: [agent('a5', null)], routing: [] })).toEqual([
      { id: 'a5', displayName: 'a5@valdoise.example' },
    ]);
  });
});
