import { securityHeaders } from './security-headers';

describe(securityHeaders.name, () => {
  it('works out helmet’s headers once, from the options only', () => {
    const headers = securityHeaders({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] } },
      strictTransportSecurity: false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    });
    expect(headers).toMatchObject({
      'content-security-policy': "default-src 'self';frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-frame-options': 'SAMEORIGIN',
    });
    expect(headers['strict-transport-security']).toBeUndefined();
    expect(Object.isFrozen(headers)).toBe(true);
  });

  it('refuses options helmet refuses, at start rather than on the first request', () => {
    expect(() => securityHeaders({ contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ['self'] } } })).toThrow(/should be quoted/);
  });
});
