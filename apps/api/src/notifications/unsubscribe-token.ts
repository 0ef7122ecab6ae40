import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_KINDS, type NotificationKind } from '@passerelle/shared/dto';

/**
 * The unsubscribe link of an e-mail: `<user id>.<kind>.<signature>`, signed with a key derived from
 * `ENCRYPTION_KEY`. It never expires (an old e-mail must still let its reader stop the next ones) and does one thing:
 * turn off the e-mails of one kind for one user.
 */
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('passerelle/unsubscribe/v1').digest();
  }

  sign(userId: string, kind: NotificationKind): string {
    return `${userId}.${kind}.${this.mac(userId, kind)}`;
  }

  /** The user and kind of a valid token, or `null`. */
  verify(token: string): { userId: string; kind: NotificationKind } | null {
    const [userId, kind, mac, ...rest] = token.split('.');
    if (rest.length > 0 || !userId || !mac || !(NOTIFICATION_KINDS as readonly string[]).includes(kind)) {
      return null;
    }
    const expected = Buffer.from(this.mac(userId, kind as NotificationKind));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given) ? { userId, kind: kind as NotificationKind } : null;
  }

  private mac(userId: string, kind: NotificationKind): string {
    return createHmac('sha256', this.key).update(`${userId}.${kind}`).digest('base64url');
  }
}
