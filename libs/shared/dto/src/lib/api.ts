import type { MailHealthDto } from './mail';

/** Every list endpoint answers this shape; `limit` is capped by `MAX_PAGE_SIZE`. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Body of every error answer of the API. */
export interface ApiError {
  /** Stable machine-readable code, e.g. `COMMUNE_NOT_FOUND`, `VALIDATION_FAILED`. */
  code: string;
  /** French message meant for the user. */
  message: string;
  /** Field errors keyed by field name (query, path or body), French messages. */
  errors?: Record<string, string>;
  /** Correlation id, also sent as the `x-request-id` header; quote it when reporting a problem. */
  requestId: string;
}

export interface HealthDto {
  status: 'ok' | 'error';
  database: 'up' | 'down';
  version: string;
  uptimeSeconds: number;
  /**
   * Counts only, no personal data; `mail` is `null` when the database does not answer. `jobs` only for an admin
   * (an error message may name a server): the background jobs' failures per queue.
   */
  details: { mail: MailHealthDto | null; jobs?: JobHealthDto[] | null };
}

/** Failed background jobs of one queue, kept seven days (`GET /api/health`, admins only). */
export interface JobHealthDto {
  queue: string;
  failed: number;
  /** Message of the latest failure (never a stack). */
  lastError: string | null;
  lastFailedAt: string | null;
}

/** Runtime settings the front end reads at start (`GET /api/config`). */
export interface PublicConfigDto {
  /** Département shown on the public home page. */
  defaultDepartementCode: string;
  /** Leaflet tile URL template (`{z}/{x}/{y}`), `null` when no background tiles are configured. */
  tileUrl: string | null;
  /** Attribution of the tile layer, shown on the map. */
  tileAttribution: string;
  /** Demo installations show the demo accounts on the sign-in page. */
  demoMode: boolean;
  /** The demo accounts (all with the demo password printed at start); empty outside demo mode. */
  demoAccounts: DemoAccountDto[];
}

export interface DemoAccountDto {
  email: string;
  displayName: string;
  /** e.g. "Maire d'Ableiges", "Agent du département". */
  description: string;
}
