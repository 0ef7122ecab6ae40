/** Where pg-boss keeps its tables, beside the application's (`public`). */
export const JOBS_SCHEMA = 'pgboss';
/** Schedules are read in the time of the people who use Passerelle (08:00 stays 08:00 across clock changes). */
export const JOBS_TIME_ZONE = 'Europe/Paris';
/** The database the jobs live in (the application's). */
export const JOBS_DATABASE_URL = Symbol('JOBS_DATABASE_URL');

export interface JobsTiming {
  /** Cron of the sweeps that pick up retries and work left by a stopped instance. */
  sweepCron: string;
  /** How often expired jobs (their instance died) are looked for. */
  superviseSeconds: number;
  /** How often an idle worker looks for a job (a job sent by this instance wakes it at once). */
  pollingSeconds: number;
}

/**
 * `NOTIFICATION_INTERVAL_SECONDS` kept its meaning: how often background work looks for what is due. Cron counts
 * in minutes, so the sweeps run every whole number of minutes at or above it (every minute by default); the
 * look-out for lost jobs and the idle polling follow it, within pg-boss's bounds.
 */
export function jobsTiming(intervalSeconds: number): JobsTiming {
  const minutes = Math.min(60, Math.max(1, Math.ceil(intervalSeconds / 60)));
  const sweepCron = minutes === 1 ? '* * * * *' : minutes >= 60 ? '0 * * * *' : `*/${minutes} * * * *`;
  return {
    sweepCron,
    superviseSeconds: Math.min(60, Math.max(1, intervalSeconds)),
    pollingSeconds: Math.min(2, Math.max(0.5, intervalSeconds)),
  };
}
