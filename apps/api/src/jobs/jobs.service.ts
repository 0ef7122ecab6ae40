import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JOBS_DATABASE_URL, JOBS_SCHEMA, JOBS_TIME_ZONE, jobsTiming } from './jobs-timing';

/** One kind of background work: a queue, its worker and, optionally, its schedule. */
export interface JobDefinition {
  /** Queue name: letters, digits, hyphens. */
  queue: string;
  /** Runs one job; a throw (or a job left running past `expireInSeconds`) makes pg-boss try it again. */
  handler: (job: { id: string; data: object }) => Promise<unknown>;
  /** Cron expression read in Europe/Paris (5 fields); no schedule when absent. */
  cron?: string;
  /** After this long a running job counts as lost (its instance died) and is tried again. */
  expireInSeconds: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /**
   * `stately` (default): at most one job waiting and one running, for the sweeps where a burst of requests is one
   * run; `standard`: every job sent is run.
   */
  policy?: 'stately' | 'standard';
  /** Also ask for one run when an instance starts: catches up a schedule missed while no instance ran. */
  atStart?: boolean;
}

/** Failed jobs of one queue, for admins in `/api/health`. */
export interface FailedJobsRow {
  queue: string;
  failed: number;
  lastError: string | null;
  lastFailedAt: Date | null;
}

/**
 * Durable background jobs on PostgreSQL (pg-boss, schema `pgboss`): a job is a row, so it survives a restart,
 * is taken by one instance only (`SKIP LOCKED`), and one whose instance died is tried again once it expires.
 * Features register their queues, workers and schedules before the application starts; the workers start with
 * the application and stop with it, waiting for the jobs running. `NOTIFICATION_INTERVAL_SECONDS=0` (the tests,
 * the CLI) starts nothing: `enabled` is then false and the features do their work in process, as they are asked.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private readonly definitions = new Map<string, JobDefinition>();
  private readonly workerIds = new Map<string, string>();
  private boss: PgBoss | null = null;
  private stopping = false;
  private lastErrorLog = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOBS_DATABASE_URL) private readonly databaseUrl: string,
  ) {}

  get enabled(): boolean {
    return this.config.notificationIntervalSeconds > 0;
  }

  /** Declares a kind of job; once the application runs, it starts at once. */
  async register(definition: JobDefinition): Promise<void> {
    this.definitions.set(definition.queue, definition);
    if (this.boss) {
      await this.start(this.boss, definition);
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) {
      return;
    }
    const timing = jobsTiming(this.config.notificationIntervalSeconds);
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      schema: JOBS_SCHEMA,
      application_name: 'passerelle-jobs',
      max: 4,
      superviseIntervalSeconds: timing.superviseSeconds,
      monitorIntervalSeconds: timing.superviseSeconds,
    });
    boss.on('error', (error: Error) => this.logError(error));
    // pg-boss creates and upgrades its own schema, under its own advisory lock.
    await boss.start();
    this.boss = boss;
    for (const definition of this.definitions.values()) {
      await this.start(boss, definition);
    }
  }

  /** Stops fetching and waits for the jobs running (their outcome is recorded before the pool closes). */
  async beforeApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    this.stopping = true;
    await boss?.stop({ graceful: true, wait: true, timeout: 30_000 }).catch((error: unknown) => this.logger.warn(`Arrêt des tâches de fond : ${describe(error)}`));
  }

  /**
   * Asks for one run of `queue` soon. On a `stately` queue, while one job waits, asking again adds nothing, so a
   * burst of requests is one run (and a request during a run makes one more, so nothing is missed).
   * Returns `false` when jobs are disabled: the caller then does the work itself.
   */
  async trigger(queue: string, data: object = {}): Promise<boolean> {
    const boss = this.boss;
    if (!boss) {
      return false;
    }
    await boss.send(queue, data);
    // The local worker fetches now rather than at its next poll.
    const workerId = this.workerIds.get(queue);
    if (workerId) {
      boss.notifyWorker(workerId);
    }
    return true;
  }

  /** Failed jobs kept by pg-boss (7 days), per queue, with the latest error message (never a stack). */
  async failedJobs(): Promise<FailedJobsRow[]> {
    const boss = this.boss;
    if (!boss) {
      return [];
    }
    const { rows } = await boss.getDb().executeSql(
      `SELECT DISTINCT ON (name) name AS queue,
              count(*) OVER (PARTITION BY name)::int AS failed,
              COALESCE(output->>'message', output->'value'->>'message', output->>'value') AS last_error,
              completed_on AS last_failed_at
         FROM ${JOBS_SCHEMA}.job
        WHERE state = 'failed' AND name NOT LIKE '\\_\\_pgboss%'
        ORDER BY name, completed_on DESC`,
      [],
    );
    return (rows as { queue: string; failed: number; last_error: string | null; last_failed_at: Date | null }[]).map((r) => ({
      queue: r.queue,
      failed: r.failed,
      lastError: r.last_error === null ? null : r.last_error.slice(0, 500),
      lastFailedAt: r.last_failed_at,
    }));
  }

  /** The schedules stored in the database (queue, cron, time zone). */
  async schedules(): Promise<{ queue: string; cron: string; timezone: string }[]> {
    const boss = this.boss;
    if (!boss) {
      return [];
    }
    return (await boss.getSchedules()).map((s) => ({ queue: s.name, cron: s.cron, timezone: s.timezone }));
  }

  private async start(boss: PgBoss, definition: JobDefinition): Promise<void> {
    const options = {
      expireInSeconds: definition.expireInSeconds,
      retryLimit: definition.retryLimit ?? 3,
      retryDelay: definition.retryDelaySeconds ?? 30,
      retryBackoff: true,
    };
    // Idempotent across instances and restarts; the options of an existing queue are brought up to date.
    await boss.createQueue(definition.queue, { policy: definition.policy ?? 'stately', ...options });
    await boss.updateQueue(definition.queue, options);
    if (definition.cron) {
      await boss.schedule(definition.queue, definition.cron, {}, { tz: JOBS_TIME_ZONE });
    } else {
      await boss.unschedule(definition.queue);
    }
    const timing = jobsTiming(this.config.notificationIntervalSeconds);
    const id = await boss.work<object>(definition.queue, { pollingIntervalSeconds: timing.pollingSeconds, batchSize: 1 }, async ([job]) => {
      try {
        return await definition.handler({ id: job.id, data: job.data });
      } catch (error) {
        this.logger.warn(`Tâche ${definition.queue} (${job.id}) en échec : ${describe(error)}`);
        throw error;
      }
    });
    this.workerIds.set(definition.queue, id);
    if (definition.atStart) {
      await boss.send(definition.queue, {});
    }
  }

  /** A database outage makes every worker fail its poll: one line per distinct message a minute, not a flood. */
  private logError(error: unknown): void {
    const message = describe(error);
    if (this.stopping) {
      // The pool's sockets may still be closing when an embedded server stops right after: nothing to report.
      this.logger.debug(`Tâches de fond, à l’arrêt : ${message}`);
      return;
    }
    const now = Date.now();
    if (now - (this.lastErrorLog.get(message) ?? 0) < 60_000) {
      return;
    }
    if (this.lastErrorLog.size > 100) {
      this.lastErrorLog = new Map();
    }
    this.lastErrorLog.set(message, now);
    this.logger.error(`Tâches de fond : ${message}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'object' && error && 'message' in error ? String(error.message) : String(error);
}
