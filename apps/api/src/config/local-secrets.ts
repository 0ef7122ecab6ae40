import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './app-config';

interface StoredSecrets {
  jwtAccessSecret: string;
  jwtRefreshSecret: string;
  encryptionKey?: string;
}

/**
 * Outside production, secrets that were not given are generated once and kept in `<dataDir>/secrets.json`
 * (mode 600), so sessions survive a restart and nobody has to invent a secret to try the app.
 */
export function withLocalSecrets(config: AppConfig): AppConfig {
  if (config.jwt.accessSecret && config.jwt.refreshSecret && config.encryptionKey) {
    return config;
  }
  const file = join(config.dataDir, 'secrets.json');
  const generate = () => randomBytes(48).toString('base64url');
  let stored: StoredSecrets | null = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StoredSecrets) : null;
  if (!stored || !stored.encryptionKey) {
    // A file from an older version lacks the newer secrets: complete it, keeping the existing ones.
    stored = {
      jwtAccessSecret: stored?.jwtAccessSecret ?? generate(),
      jwtRefreshSecret: stored?.jwtRefreshSecret ?? generate(),
      encryptionKey: generate(),
    };
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return {
    ...config,
    jwt: {
      accessSecret: config.jwt.accessSecret ?? stored.jwtAccessSecret,
      refreshSecret: config.jwt.refreshSecret ?? stored.jwtRefreshSecret,
    },
    encryptionKey: config.encryptionKey ?? stored.encryptionKey ?? null,
  };
}
