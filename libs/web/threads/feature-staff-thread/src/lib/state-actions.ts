import { THREAD_LIMITS, type ThreadRequestableState, type ThreadState } from '@passerelle/shared/dto';

export interface StateAction {
  state: ThreadRequestableState;
  /** The button. */
  label: string;
  /** Said once it is done. */
  done: string;
  /** Asked before doing it, when the action reaches the commune (closing e-mails it). */
  confirm?: { title: string; message: string };
}

/** The state changes an agent may make now, as buttons that say what they do from where the thread stands. */
export function stateActions(current: ThreadState, allowed: readonly ThreadRequestableState[]): StateAction[] {
  return allowed.map((state): StateAction => {
    switch (state) {
      case 'WAITING_COMMUNE':
        return {
          state,
          label: 'Mettre en attente de la commune',
          done: 'La question attend la commune\u00a0: le délai de réponse est en pause.',
        };
      case 'CLOSED':
        return {
          state,
          label: 'Fermer la question',
          done: 'La question est fermée.',
          confirm: {
            title: 'Fermer la question\u00a0?',
            message: `La commune sera prévenue par courriel. Elle pourra rouvrir la question pendant ${THREAD_LIMITS.reopenDays}\u00a0jours.`,
          },
        };
      case 'OPEN':
        return current === 'CLOSED'
          ? { state, label: 'Rouvrir la question', done: 'La question est rouverte.' }
          : {
              state,
              label: 'Ne plus attendre la commune',
              done: 'La question n’attend plus la commune\u00a0: le délai de réponse reprend.',
            };
    }
  });
}
