import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './app-config';

interface StoredSecrets {
  jwtAccessSecret: string;
  jwtRefreshSecret: string;
}

/**
 * Outside production, secrets that were not given are generated once and kept in `<dataDir>/secrets.json`
 * (mode 600), so sessions survive a restart and nobody has to invent a secret to try the app.
 */
export function withLocalSecrets(config: AppConfig): AppConfig {
  if (config.jwt.accessSecret && config.jwt.refreshSecret) {
    return config;
  }
  const file = join(config.dataDir, 'secrets.json');
  let stored: StoredSecrets;
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8')) as StoredSecrets;
  } else {
    stored = {
      jwtAccessSecret: randomBytes(48).toString('base64url'),
      jwtRefreshSecret: randomBytes(48).toString('base64url'),
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
  };
}
