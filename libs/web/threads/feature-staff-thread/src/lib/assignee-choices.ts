import type { AgentDto, PersonDto, RoutingRuleDto } from '@passerelle/shared/dto';

export interface AssigneeSources {
  /** The signed-in agent. */
  me: PersonDto | null;
  /** Whoever has the thread now, even if they are no longer listed (disabled since). */
  current: PersonDto | null;
  /** The département's staff, when it could be loaded. */
  agents: readonly AgentDto[];
  /** Agents named in routing rules: a fallback when the staff list is not available. */
  routing: readonly RoutingRuleDto[];
}

/**
 * Who a thread can be given to: the département's active agents and admins, plus the current assignee and the user
 * so that the select always shows the present value and "me"; each person once, by name in French order. Invited
 * agents who never signed in are left out: they would not see the thread yet.
 */
export function assigneeChoices({ me, current, agents, routing }: AssigneeSources): PersonDto[] {
  const people = new Map<string, PersonDto>();
  const add = (person: PersonDto | null) => {
    if (person && !people.has(person.id)) {
      people.set(person.id, person);
    }
  };
  add(me);
  add(current);
  for (const agent of agents) {
    if (agent.status === 'ACTIVE') {
      add({ id: agent.id, displayName: agent.displayName ?? agent.email });
    }
  }
  for (const rule of routing) {
    add(rule.agent);
  }
  return [...people.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'));
}
