import { stateActions } from './state-actions';

describe('stateActions', () => {
  it('says what each allowed change does from where the thread stands', () => {
    expect(stateActions('OPEN', ['WAITING_COMMUNE', 'CLOSED']).map((action) => action.label)).toEqual([
      'Mettre en attente de la commune',
      'Fermer la question',
    ]);
    expect(stateActions('WAITING_COMMUNE', ['OPEN', 'CLOSED'])[0].label).toBe('Ne plus attendre la commune');
    expect(stateActions('CLOSED', ['OPEN'])[0].label).toBe('Rouvrir la question');
  });

  it('offers nothing the API does not allow', () => {
    expect(stateActions('CLOSED', [])).toEqual([]);
  });
});
