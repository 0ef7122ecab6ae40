import { parseTrustProxy } from './trust-proxy';

describe(parseTrustProxy.name, () => {
  it('trusts nobody when empty', () => {
    expect(parseTrustProxy(undefined)).toEqual({ value: false, problem: null });
    expect(parseTrustProxy('  ')).toEqual({ value: false, problem: null });
  });

  it('accepts IPv4 and IPv6 addresses, CIDR ranges and proxy-addr keywords', () => {
    expect(parseTrustProxy('192.0.2.1,2001:db8::/32,::ffff:10.0.0.1,linklocal,uniquelocal').problem).toBeNull();
  });

  it('names every entry it does not understand, in French', () => {
    const { value, problem } = parseTrustProxy('10.0.0.1, proxy.local, 10.0.0.0/40, ::1/129');
    expect(value).toBe(false);
    expect(problem).toMatch(/^TRUST_PROXY : /);
    expect(problem).toContain('« proxy.local », « 10.0.0.0/40 », « ::1/129 »');
  });

  it('refuses the boolean `true` (which would trust any client)', () => {
    expect(parseTrustProxy('true').problem).toMatch(/^TRUST_PROXY/);
  });
});
