import { UnsubscribeTokens } from './unsubscribe-token';

describe(UnsubscribeTokens.name, () => {
  const sut = new UnsubscribeTokens('a'.repeat(64));
  const user = '3f0c1a52-7a1e-4c55-9a53-6b1f6a2f1c11';

  it('verifies its own tokens', () => {
    expect(sut.verify(sut.sign(user, 'AGENT_REPLY'))).toEqual({ userId: user, kind: 'AGENT_REPLY' });
  });

  it('refuses a token changed by hand or signed with another key', () => {
    const token = sut.sign(user, 'AGENT_REPLY');
    expect(sut.verify(token.replace('AGENT_REPLY', 'THREAD_CLOSED'))).toBeNull();
    expect(sut.verify(new UnsubscribeTokens('b'.repeat(64)).sign(user, 'AGENT_REPLY'))).toBeNull();
    expect(sut.verify('n.importe.quoi.de.plus')).toBeNull();
    expect(sut.verify('')).toBeNull();
  });
});
