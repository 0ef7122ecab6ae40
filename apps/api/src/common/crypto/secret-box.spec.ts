import { SecretBox, hashToken, randomToken } from './secret-box';

describe(SecretBox.name, () => {
  const sut = new SecretBox('a'.repeat(40));

  it('opens what it sealed, with a fresh nonce each time', () => {
    const a = sut.seal('JBSWY3DPEHPK3PXP');
    const b = sut.seal('JBSWY3DPEHPK3PXP');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sut.open(a)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a tampered value and another key', () => {
    const sealed = sut.seal('secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => sut.open(parts.join('.'))).toThrow();
    expect(() => new SecretBox('b'.repeat(40)).open(sealed)).toThrow();
  });

  it('fingerprints deterministically per key', () => {
    expect(sut.fingerprint('code')).toBe(sut.fingerprint('code'));
    expect(sut.fingerprint('code')).not.toBe(new SecretBox('b'.repeat(40)).fingerprint('code'));
  });

  it('makes unguessable tokens and stores only their hash', () => {
    const token = randomToken();
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(randomToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });
});
