import { isAbsolute, resolve } from 'node:path';
import { APP_LOG_LEVELS, type AppLogLevel } from '../common/app-logger';
import { type TrustProxy, parseTrustProxy } from '../common/http/trust-proxy';
import { type S3Config, readS3Config } from './s3-config';

export type AppEnv = 'development' | 'production' | 'test';

/** Typed configuration, read once at boot from the environment (see README, "Configuration"). */
export interface AppConfig {
  env: AppEnv;
  port: number;
  host: string;
  publicUrl: string;
  /** Reverse proxies whose `X-Forwarded-For` is believed (hop count or addresses); `false`: nobody. */
  trustProxy: TrustProxy;
  /** `null`: start an embedded PostgreSQL under `dataDir/postgres`. */
  databaseUrl: string | null;
  dataDir: string;
  storageDir: string;
  /** Storage quota of each commune for its documents and photos. */
  communeQuotaBytes: number;
  jwt: { accessSecret: string | null; refreshSecret: string | null };
  /** Key of the data encrypted at rest (second-factor secrets); generated locally like the JWT secrets. */
  encryptionKey: string | null;
  /** Rate limits on sign-in, reset, invitations and writes (tests switch them off except where tested). */
  rateLimit: boolean;
  smtpUrl: string | null;
  /**
   * The longest silence of the SMTP server a delivery waits for (socket inactivity; connecting and the greeting get
   * half of it each). The outbox leases a mail for five times this: past it, another instance may try it again.
   */
  smtpTimeoutMs: number;
  /**
   * Event streams (`GET /api/events`) one instance holds open at most: each holds a connection and its file
   * descriptor. Past it a new stream is refused with 503, and the client retries (on another instance, behind a
   * load balancer); its pages still work, they only stop updating by themselves.
   */
  liveMaxStreams: number;
  mailFrom: string;
  demoMode: boolean;
  demoPassword: string;
  defaultDepartementCode: string;
  tileUrl: string | null;
  tileAttribution: string;
  /** Base Adresse Nationale API (address search of the project form); `null` (`none`): turned off. */
  geocoderUrl: string | null;
  /** Directory of the built front end served on `/`; `null` serves the API only. */
  webDir: string | null;
  /** How often notification e-mails (immediate ones left behind, morning digests) are looked for; 0 turns it off. */
  notificationIntervalSeconds: number;
  /** Apply pending migrations when the app starts (under an advisory lock); `false`: `npm run migrate` does it. */
  migrationsAtStart: boolean;
  /** Least severe level written to the log (JSON lines; pretty in a development terminal). */
  logLevel: AppLogLevel;
  /** S3-compatible object storage of documents and photos; `null`: the local directory `storageDir`. */
  s3: S3Config | null;
  /** Redis shared by the instances (limits, counters, bus); `null`: all of it stays in this process. */
  redisUrl: string | null;
  /**
   * E-mail addresses (lower case) of the installation's admins: a département admin listed here also keeps the
   * national aid schemes of the simulator (DETR, DSIL…), which every département reads.
   */
  installationAdmins: string[];
  /**
   * `VIDEO_HOSTS`: hosts (lower case, comma separated, e.g. `video.valdoise.fr`) whose https links the progress reports
   * of the département's projects may carry, besides PeerTube addresses; empty by default.
   */
  videoHosts: string[];
  /** Personal data (RGPD): the DPO's address for the public page, the grace before a deletion, the retention periods. */
  privacy: PrivacyConfig;
}

/**
 * How long personal data is kept, in days, each applied by the retention job (see README, « Données personnelles »).
 * The public page « Données personnelles » is generated from it.
 */
export interface PrivacyConfig {
  /** `DPO_EMAIL`: the data protection officer's address; `null`: the page tells to write to the département. */
  dpoEmail: string | null;
  /** `ACCOUNT_DELETION_GRACE_DAYS` (30): an account asked to be deleted is disabled at once, deleted after this. */
  deletionGraceDays: number;
  /** `RETENTION_INACTIVE_ACCOUNT_DAYS` (730): an account nobody signed in to for this long is deleted (warned 30 and 7 days before). */
  inactiveAccountDays: number;
  /** `RETENTION_AUDIT_DAYS` (365): the security and activity log. */
  auditDays: number;
  /** `RETENTION_NOTIFICATION_DAYS` (365): notifications, read or not. */
  notificationDays: number;
  /** `RETENTION_DEV_MAIL_DAYS` (7): the mails written to disk when no SMTP server is configured. */
  devMailDays: number;
  /** `RETENTION_CLOSED_THREAD_AUTHOR_DAYS` (1095): a question closed this long ago keeps its content, its authors become pseudonyms. */
  closedThreadAuthorDays: number;
  /** `RETENTION_MAX_PER_RUN` (1000): at most this many rows or accounts per rule and run; the rest waits for the next run. */
  maxPerRun: number;
}

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION = '© les contributeurs d’OpenStreetMap';
export const DEFAULT_GEOCODER_URL = 'https://api-adresse.data.gouv.fr';
export const DEFAULT_DEMO_PASSWORD = 'Passerelle-Vexin-2026';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the environment. Every problem is collected, so one failed start lists all of them,
 * each naming its variable. Secrets left empty stay `null` here; `withLocalSecrets` fills them outside
 * production.
 */
export function loadConfig(env: Env, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const nodeEnv = read.oneOf('NODE_ENV', ['development', 'production', 'test'], 'development');
  const port = read.integer('PORT', 3000, 1, 65535);
  const host = read.text('HOST', nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1');
  const publicUrl = read.url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const trustProxy = parseTrustProxy(env['TRUST_PROXY']);
  if (trustProxy.problem) {
    problems.push(trustProxy.problem);
  }
  const databaseUrl = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const dataDir = read.path('DATA_DIR', '.data', cwd);
  const storageDir = read.path('STORAGE_DIR', resolve(dataDir, 'storage'), cwd);
  const communeQuotaMb = read.integer('COMMUNE_QUOTA_MB', 1024, 1, 1_000_000);
  const accessSecret = read.secret('JWT_ACCESS_SECRET');
  const refreshSecret = read.secret('JWT_REFRESH_SECRET');
  const encryptionKey = read.secret('ENCRYPTION_KEY');
  const rateLimit = read.boolean('RATE_LIMIT', true);
  const smtpUrl = read.url('SMTP_URL', ['smtp:', 'smtps:']);
  const smtpTimeoutSeconds = read.integer('SMTP_TIMEOUT_SECONDS', 60, 1, 600);
  const liveMaxStreams = read.integer('LIVE_MAX_STREAMS', 2_000, 1, 100_000);
  const mailFrom = read.text('MAIL_FROM', 'Passerelle <ne-pas-repondre@passerelle.localhost>');
  const demoMode = read.boolean('DEMO_MODE', nodeEnv !== 'production');
  const demoPassword = read.text('DEMO_PASSWORD', DEFAULT_DEMO_PASSWORD);
  if (demoPassword.length < 12) {
    problems.push('DEMO_PASSWORD : au moins 12 caractères');
  }
  const defaultDepartementCode = read.text('DEFAULT_DEPARTEMENT', '95');
  if (!/^(?:\d{2}|2[AB]|97\d)$/.test(defaultDepartementCode)) {
    problems.push(`DEFAULT_DEPARTEMENT : code de département invalide (valeur reçue : « ${defaultDepartementCode} »)`);
  }
  const tileUrl = read.tileUrl('TILE_URL', DEFAULT_TILE_URL);
  const tileAttribution = read.text('TILE_ATTRIBUTION', DEFAULT_TILE_ATTRIBUTION);
  const geocoderUrl = env['GEOCODER_URL']?.trim() === 'none' ? null : (read.url('GEOCODER_URL', ['http:', 'https:']) ?? DEFAULT_GEOCODER_URL);
  const notificationIntervalSeconds = read.integer('NOTIFICATION_INTERVAL_SECONDS', 60, 0, 3600);
  const migrationsAtStart = read.boolean('MIGRATIONS_AT_START', true);
  const logLevel = read.oneOf('LOG_LEVEL', APP_LOG_LEVELS, 'info');
  const s3 = readS3Config(env, problems);
  const redisUrl = read.url('REDIS_URL', ['redis:', 'rediss:']);
  const installationAdmins = read.emails('INSTALLATION_ADMINS');
  const videoHosts = read.hosts('VIDEO_HOSTS');
  const dpoEmails = read.emails('DPO_EMAIL');
  if (dpoEmails.length > 1 || (dpoEmails.length === 1 && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(dpoEmails[0]))) {
    problems.push('DPO_EMAIL : une seule adresse électronique attendue, par exemple dpo@departement.fr');
  }
  const privacy: PrivacyConfig = {
    dpoEmail: dpoEmails[0] ?? null,
    deletionGraceDays: read.integer('ACCOUNT_DELETION_GRACE_DAYS', 30, 1, 365),
    inactiveAccountDays: read.integer('RETENTION_INACTIVE_ACCOUNT_DAYS', 730, 60, 3650),
    auditDays: read.integer('RETENTION_AUDIT_DAYS', 365, 30, 3650),
    notificationDays: read.integer('RETENTION_NOTIFICATION_DAYS', 365, 7, 3650),
    devMailDays: read.integer('RETENTION_DEV_MAIL_DAYS', 7, 1, 365),
    closedThreadAuthorDays: read.integer('RETENTION_CLOSED_THREAD_AUTHOR_DAYS', 1095, 30, 7300),
    maxPerRun: read.integer('RETENTION_MAX_PER_RUN', 1000, 1, 100_000),
  };
  const webDirRaw = env['WEB_DIR'];
  const webDir = webDirRaw === '' ? null : webDirRaw ? resolve(cwd, webDirRaw) : resolve(cwd, 'dist/apps/web/browser');

  if (nodeEnv === 'production') {
    if (!accessSecret) {
      problems.push('JWT_ACCESS_SECRET : obligatoire en production (au moins 32 caractères aléatoires)');
    }
    if (!refreshSecret) {
      problems.push('JWT_REFRESH_SECRET : obligatoire en production (au moins 32 caractères aléatoires)');
    }
    if (!encryptionKey) {
      problems.push('ENCRYPTION_KEY : obligatoire en production (au moins 32 caractères aléatoires)');
    }
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return {
    env: nodeEnv,
    port,
    host,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    trustProxy: trustProxy.value,
    databaseUrl,
    dataDir,
    storageDir,
    communeQuotaBytes: communeQuotaMb * 1024 * 1024,
    jwt: { accessSecret, refreshSecret },
    encryptionKey,
    rateLimit,
    smtpUrl,
    smtpTimeoutMs: smtpTimeoutSeconds * 1000,
    liveMaxStreams,
    mailFrom,
    demoMode,
    demoPassword,
    defaultDepartementCode,
    tileUrl,
    tileAttribution,
    geocoderUrl: geocoderUrl?.replace(/\/+$/, '') ?? null,
    webDir,
    notificationIntervalSeconds,
    migrationsAtStart,
    logLevel,
    s3,
    redisUrl,
    installationAdmins,
    videoHosts,
    privacy,
  };
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  private raw(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === '' ? undefined : value;
  }

  text(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  /** A comma-separated list of e-mail addresses, in lower case; empty when unset. */
  emails(name: string): string[] {
    const list = (this.raw(name) ?? '').split(',').map((e) => e.trim().toLowerCase()).filter((e) => e !== '');
    const wrong = list.filter((e) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e));
    if (wrong.length > 0) {
      this.problems.push(`${name} : adresses e-mail séparées par des virgules (invalides : ${wrong.join(', ')})`);
    }
    return [...new Set(list)];
  }

  /** A comma-separated list of host names (no scheme, no path), in lower case; empty when unset. */
  hosts(name: string): string[] {
    const list = (this.raw(name) ?? '').split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== '');
    const wrong = list.filter((h) => !/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(h));
    if (wrong.length > 0) {
      this.problems.push(`${name} : noms d’hôtes séparés par des virgules, par exemple video.valdoise.fr (invalides : ${wrong.join(', ')})`);
    }
    return [...new Set(list)];
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) {
      return fallback;
    }
    if ((allowed as readonly string[]).includes(value)) {
      return value as T;
    }
    this.problems.push(`${name} : valeur attendue parmi ${allowed.join(', ')} (valeur reçue : « ${value} »)`);
    return fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) {
      return fallback;
    }
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
      this.problems.push(`${name} : doit être un entier entre ${min} et ${max} (valeur reçue : « ${value} »)`);
      return fallback;
    }
    return parsed;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) {
      return fallback;
    }
    if (['true', '1', 'yes', 'oui'].includes(value)) {
      return true;
    }
    if (['false', '0', 'no', 'non'].includes(value)) {
      return false;
    }
    this.problems.push(`${name} : doit valoir true ou false (valeur reçue : « ${value} »)`);
    return fallback;
  }

  url(name: string, protocols: string[]): string | null {
    const value = this.raw(name);
    if (value === undefined) {
      return null;
    }
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      this.problems.push(`${name} : URL invalide (attendu : ${protocols.map((p) => `${p}//…`).join(' ou ')})`);
      return null;
    }
    if (!protocols.includes(parsed.protocol)) {
      this.problems.push(`${name} : le protocole doit être ${protocols.join(' ou ')} (reçu : ${parsed.protocol})`);
      return null;
    }
    return value;
  }

  path(name: string, fallback: string, cwd: string): string {
    const value = this.raw(name) ?? fallback;
    return isAbsolute(value) ? value : resolve(cwd, value);
  }

  secret(name: string): string | null {
    const value = this.raw(name);
    if (value === undefined) {
      return null;
    }
    if (value.length < 32) {
      this.problems.push(`${name} : au moins 32 caractères (reçu : ${value.length})`);
      return null;
    }
    return value;
  }

  /** Leaflet template; the literal `none` (or an empty value) disables background tiles. */
  tileUrl(name: string, fallback: string): string | null {
    const value = this.env[name];
    if (value === undefined) {
      return fallback;
    }
    const trimmed = value.trim();
    if (trimmed === '' || trimmed === 'none') {
      return null;
    }
    const probe = trimmed.replace(/\{[a-z]+\}/g, '0');
    let parsed: URL | null = null;
    try {
      parsed = new URL(probe);
    } catch {
      parsed = null;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || !/\{z\}/.test(trimmed) || !/\{x\}/.test(trimmed) || !/\{y\}/.test(trimmed)) {
      this.problems.push(`${name} : modèle d’URL de tuiles attendu, par exemple https://tuiles.exemple.fr/{z}/{x}/{y}.png, ou « none »`);
      return null;
    }
    return trimmed;
  }
}
