import { latestDigestTime } from './newsletter-digests';
import { NewsletterTokens } from './newsletter-tokens';
import { maskEmail } from './newsletter.service';

describe(latestDigestTime.name, () => {
  it('is the latest Monday 7:30, Paris time, at or before now', () => {
    // Wednesday 12 March 2025 (winter: UTC+1).
    expect(latestDigestTime('WEEKLY', new Date('2025-03-12T10:00:00Z')).toISOString()).toBe('2025-03-10T06:30:00.000Z');
    // Monday 10 March, 7:29 and 7:30 Paris.
    expect(latestDigestTime('WEEKLY', new Date('2025-03-10T06:29:00Z')).toISOString()).toBe('2025-03-03T06:30:00.000Z');
    expect(latestDigestTime('WEEKLY', new Date('2025-03-10T06:30:00Z')).toISOString()).toBe('2025-03-10T06:30:00.000Z');
    // Sunday 6 July 2025 (summer: UTC+2).
    expect(latestDigestTime('WEEKLY', new Date('2025-07-06T20:00:00Z')).toISOString()).toBe('2025-06-30T05:30:00.000Z');
  });

  it('is the latest 1st of the month 7:30, Paris time, at or before now (January looks back to December)', () => {
    expect(latestDigestTime('MONTHLY', new Date('2025-07-15T10:00:00Z')).toISOString()).toBe('2025-07-01T05:30:00.000Z');
    expect(latestDigestTime('MONTHLY', new Date('2026-01-01T05:00:00Z')).toISOString()).toBe('2025-12-01T06:30:00.000Z');
  });
});

describe(NewsletterTokens.name, () => {
  const tokens = new NewsletterTokens('secret');
  const request = { email: 'a@b.fr', departementCode: '95', scope: { kind: 'AXIS' as const, axisId: 'x' }, frequency: 'MONTHLY' as const, expiresAt: 2_000 };

  it('reads back what it signed until it expires, and nothing forged', () => {
    const token = tokens.signConfirmation(request);
    expect(tokens.verifyConfirmation(token, new Date(1_000_000))).toEqual({ valid: true, request });
    expect(tokens.verifyConfirmation(token, new Date(2_000_001))).toEqual({ valid: false, reason: 'EXPIRED' });
    expect(new NewsletterTokens('other').verifyConfirmation(token, new Date(0))).toEqual({ valid: false, reason: 'INVALID' });
  });

  it('never takes one kind of link for the other', () => {
    const unsubscribe = tokens.signUnsubscribe('id-1');
    expect(tokens.verifyUnsubscribe(unsubscribe)).toBe('id-1');
    expect(tokens.verifyConfirmation(unsubscribe, new Date(0)).valid).toBe(false);
    expect(tokens.verifyUnsubscribe(tokens.signConfirmation(request))).toBeNull();
  });
});

describe(maskEmail.name, () => {
  it('keeps the domain and the first letters', () => {
    expect(maskEmail('marie@exemple.fr')).toBe('ma***@exemple.fr');
    expect(maskEmail('a@exemple.fr')).toBe('a***@exemple.fr');
  });
});
