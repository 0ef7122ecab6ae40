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

  it('asks before closing, which e-mails the commune, and only then', () => {
    const [wait, close] = stateActions('OPEN', ['WAITING_COMMUNE', 'CLOSED']);
    expect(close.confirm?.message).toContain('La commune sera prévenue par courriel.');
    expect(wait.confirm).toBeUndefined();
    expect(stateActions('CLOSED', ['OPEN'])[0].confirm).toBeUndefined();
  });

  it('offers nothing the API does not allow', () => {
    expect(stateActions('CLOSED', [])).toEqual([]);
  });
});
