import { Injectable } from '@nestjs/common';
import type { HealthDto, JobHealthDto, MailHealthDto } from '@passerelle/shared/dto';
import { JobsService } from '../jobs/jobs.service';
import { MailOutboxRepository } from '../mail/mail-outbox.repository';
import { HealthRepository } from './health.repository';

const DATABASE_TIMEOUT_MS = 1_500;
const VERSION = process.env['npm_package_version'] ?? '0.0.0';

@Injectable()
export class HealthService {
  constructor(
    private readonly probe: HealthRepository,
    private readonly mailOutbox: MailOutboxRepository,
    private readonly jobs: JobsService,
  ) {}

  /** `admin`: also the failed background jobs (their errors may name a server, so not for everyone). */
  async check(viewer: { admin: boolean } = { admin: false }): Promise<HealthDto> {
    const up = await bounded(
      this.probe.ping().then(
        () => true,
        () => false,
      ),
      false,
    );
    // Counts only (the answer is public); mail that cannot leave does not make the instance unhealthy.
    const mail = up ? await bounded<MailHealthDto | null>(this.mailOutbox.counts().catch(() => null), null) : null;
    return {
      status: up ? 'ok' : 'error',
      database: up ? 'up' : 'down',
      version: VERSION,
      uptimeSeconds: Math.round(process.uptime()),
      details: viewer.admin ? { mail, jobs: up ? await bounded(this.failedJobs().catch(() => null), null) : null } : { mail },
    };
  }

  private async failedJobs(): Promise<JobHealthDto[]> {
    return (await this.jobs.failedJobs()).map((row) => ({ ...row, lastFailedAt: row.lastFailedAt?.toISOString() ?? null }));
  }
}

/** A bounded probe: the pool reconnects by itself once the server is back, so nothing else is needed. */
async function bounded<T>(probe: Promise<T>, onTimeout: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout), DATABASE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
