import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Secret, TOTP } from 'otpauth';
import { toString as qrToString } from 'qrcode';
import type { TotpSetupDto } from '@passerelle/shared/dto';
import { SecretBox } from '../common/crypto/secret-box';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

const PERIOD = 30;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

/** RFC 6238 codes (6 digits, 30 s, SHA-1: what every authenticator app reads) and one-time recovery codes. */
@Injectable()
export class TotpService {
  readonly box: SecretBox;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (!config.encryptionKey) {
      throw new Error('ENCRYPTION_KEY is missing (withLocalSecrets or the environment provides it)');
    }
    this.box = new SecretBox(config.encryptionKey);
  }

  /** A new secret, sealed for storage, with what the page shows to enrol it. */
  async createSecret(email: string): Promise<{ sealed: string; setup: TotpSetupDto }> {
    const secret = new Secret({ size: 20 });
    const otpauthUri = this.totp(secret.base32, email).toString();
    const svg = await qrToString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return {
      sealed: this.box.seal(secret.base32),
      setup: {
        otpauthUri,
        qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
        secret: secret.base32,
      },
    };
  }

  /**
   * The time step of a valid code (one step of clock drift allowed either way), or `null`. The caller refuses
   * a step not later than the last one used, so a code cannot be replayed.
   */
  matchingStep(sealedSecret: string, code: string, now = Date.now()): number | null {
    const token = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(token)) {
      return null;
    }
    const delta = this.totp(this.box.open(sealedSecret), '').validate({ token, timestamp: now, window: 1 });
    return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
  }

  /** For tests and the demo: the current code of a sealed secret. */
  currentCode(sealedSecret: string, now = Date.now()): string {
    return this.totp(this.box.open(sealedSecret), '').generate({ timestamp: now });
  }

  newRecoveryCodes(): { codes: string[]; hashes: string[] } {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const bytes = randomBytes(10);
      const chars = Array.from(bytes, (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
      return `${chars.slice(0, 5)}-${chars.slice(5)}`;
    });
    return { codes, hashes: codes.map((c) => this.recoveryHash(c)) };
  }

  recoveryHash(code: string): string {
    return this.box.fingerprint(code.toLowerCase().replace(/[^a-z0-9]/g, ''));
  }

  looksLikeRecoveryCode(code: string): boolean {
    return code.toLowerCase().replace(/[^a-z0-9]/g, '').length === 10;
  }

  private totp(base32: string, label: string): TOTP {
    return new TOTP({ issuer: 'Passerelle', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(base32) });
  }
}
