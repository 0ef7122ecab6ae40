import { createHmac, timingSafeEqual } from 'node:crypto';
import { NEWSLETTER_FREQUENCIES, type NewsletterFrequency, type NewsletterScope } from '@passerelle/shared/dto';

/** What a confirmation link carries: the whole subscription, since nothing is stored before it is followed. */
export interface NewsletterRequest {
  email: string;
  departementCode: string;
  scope: NewsletterScope;
  frequency: NewsletterFrequency;
  /** Seconds since the epoch. */
  expiresAt: number;
}

export type ConfirmationCheck = { valid: true; request: NewsletterRequest } | { valid: false; reason: 'INVALID' | 'EXPIRED' };

/**
 * The newsletter's links, signed with a key derived from `ENCRYPTION_KEY` (as the notifications' unsubscribe links):
 * - confirmation: `<base64url(JSON of the request)>.<signature>`, valid `NEWSLETTER_CONFIRMATION_HOURS`;
 * - unsubscribe: `<subscription id>.<signature>`, never expiring (an old digest must still let its reader leave).
 * Each kind signs under its own label, so one can never be used as the other.
 */
export class NewsletterTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('passerelle/newsletter/v1').digest();
  }

  signConfirmation(request: NewsletterRequest): string {
    const payload = Buffer.from(JSON.stringify(compact(request))).toString('base64url');
    return `${payload}.${this.mac('confirm', payload)}`;
  }

  verifyConfirmation(token: string, now: Date): ConfirmationCheck {
    const [payload, mac, ...rest] = token.split('.');
    if (rest.length > 0 || !payload || !mac || !this.matches(this.mac('confirm', payload), mac)) {
      return { valid: false, reason: 'INVALID' };
    }
    const request = expand(payload);
    if (!request) {
      return { valid: false, reason: 'INVALID' };
    }
    return request.expiresAt * 1000 < now.getTime() ? { valid: false, reason: 'EXPIRED' } : { valid: true, request };
  }

  signUnsubscribe(subscriptionId: string): string {
    return `${subscriptionId}.${this.mac('unsubscribe', subscriptionId)}`;
  }

  /** The subscription id of a valid unsubscribe token, or `null`. */
  verifyUnsubscribe(token: string): string | null {
    const [id, mac, ...rest] = token.split('.');
    return rest.length === 0 && id && mac && this.matches(this.mac('unsubscribe', id), mac) ? id : null;
  }

  private mac(purpose: 'confirm' | 'unsubscribe', value: string): string {
    return createHmac('sha256', this.key).update(`${purpose}.${value}`).digest('base64url');
  }

  private matches(expected: string, given: string): boolean {
    const a = Buffer.from(expected);
    const b = Buffer.from(given);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

/** Short keys: the token is a path segment of a link people copy. */
interface CompactRequest {
  e: string;
  d: string;
  /** `D`, `C:<canton code>` or `A:<axis id>`. */
  s: string;
  f: NewsletterFrequency;
  x: number;
}

function compact(request: NewsletterRequest): CompactRequest {
  const s = request.scope.kind === 'CANTON' ? `C:${request.scope.cantonCode}` : request.scope.kind === 'AXIS' ? `A:${request.scope.axisId}` : 'D';
  return { e: request.email, d: request.departementCode, s, f: request.frequency, x: request.expiresAt };
}

/** The signed payload, read defensively all the same (an old format, a key shared by mistake). */
function expand(payload: string): NewsletterRequest | null {
  let value: Partial<CompactRequest>;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<CompactRequest>;
  } catch {
    return null;
  }
  const { e, d, s, f, x } = value;
  if (typeof e !== 'string' || typeof d !== 'string' || typeof s !== 'string' || typeof x !== 'number' || !(NEWSLETTER_FREQUENCIES as readonly unknown[]).includes(f)) {
    return null;
  }
  const scope: NewsletterScope | null =
    s === 'D' ? { kind: 'DEPARTEMENT' } : s.startsWith('C:') ? { kind: 'CANTON', cantonCode: s.slice(2) } : s.startsWith('A:') ? { kind: 'AXIS', axisId: s.slice(2) } : null;
  return scope ? { email: e, departementCode: d, scope, frequency: f as NewsletterFrequency, expiresAt: x } : null;
}
