import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config';
import { withLocalSecrets } from './local-secrets';

describe(withLocalSecrets.name, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'secrets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generates the missing secrets once, keeps them private, and reuses them on the next start', () => {
    const first = withLocalSecrets(loadConfig({ DATA_DIR: dir }));
    expect(first.jwt.accessSecret).toHaveLength(64);
    expect(first.jwt.refreshSecret).not.toBe(first.jwt.accessSecret);
    expect(first.encryptionKey).toHaveLength(64);
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    const second = withLocalSecrets(loadConfig({ DATA_DIR: dir }));
    expect(second.jwt).toEqual(first.jwt);
    expect(second.encryptionKey).toBe(first.encryptionKey);
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toContain(first.jwt.accessSecret);
  });

  it('keeps secrets given in the environment', () => {
    const given = 's'.repeat(40);
    const config = withLocalSecrets(loadConfig({ DATA_DIR: dir, JWT_ACCESS_SECRET: given }));
    expect(config.jwt.accessSecret).toBe(given);
    expect(config.jwt.refreshSecret).toBeTruthy();
  });
});
