import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RETENTION_RULES, type RetentionPolicyDto, type RetentionRuleResult, type RetentionRunDto, type RetentionTrigger } from '@passerelle/shared/dto';
import { AuditService } from '../../audit/audit.service';
import type { RequestMeta } from '../../common/access/access.decorators';
import type { AuthUser } from '../../common/access/auth-user';
import { Clock } from '../../common/clock/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { JobsService } from '../../jobs/jobs.service';
import { retentionPolicies } from './retention-policies';
import { RetentionRules, type RuleOutcome } from './retention-rules';
import { RetentionException } from './retention.exception';
import { mapRun } from './retention.mapper';
import { RetentionRepository } from './retention.repository';

export const RETENTION_QUEUE = 'retention';
/** Every night at 4:40 (Paris): a quiet hour, after the indicators' rebuild (3:20), away from the top of the hour. */
export const RETENTION_CRON = '40 4 * * *';
/** Key of the advisory lock held during a run (any constant; only this code uses it): one run at a time, across instances. */
const RETENTION_LOCK_KEY = 727_318_018;

export interface RetentionRunRequest {
  dryRun: boolean;
  trigger: RetentionTrigger;
  actorId: string | null;
}

/**
 * Applies the retention periods: every rule of `RETENTION_RULES` in order, each within `RETENTION_MAX_PER_RUN`,
 * recorded in `retention_run` as it goes (a rule that fails is recorded and the next ones still run). Every night
 * by a job, and on demand by an admin or the CLI; a dry run changes nothing but its own record.
 */
@Injectable()
export class RetentionService implements OnModuleInit {
  private readonly logger = new Logger('Retention');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
    private readonly repository: RetentionRepository,
    private readonly rules: RetentionRules,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.jobs.enabled) {
      await this.jobs.register({
        queue: RETENTION_QUEUE,
        handler: () => this.nightly(),
        cron: RETENTION_CRON,
        // Far above a run at the cap; a run cut short is taken up by the next one.
        expireInSeconds: 3_600,
        retryLimit: 1,
        // An installation stopped at night still applies its periods: once at each start too.
        atStart: true,
      });
    }
  }

  policies(): RetentionPolicyDto[] {
    return retentionPolicies(this.config.privacy);
  }

  async runs(limit: number): Promise<RetentionRunDto[]> {
    return (await this.repository.listRuns(limit)).map(mapRun);
  }

  /** A run asked by an admin, recorded in the audit log with its outcome. */
  async runForAdmin(admin: AuthUser, dryRun: boolean, meta: RequestMeta): Promise<RetentionRunDto> {
    const run = await this.run({ dryRun, trigger: 'ADMIN', actorId: admin.id });
    await this.audit.record(
      {
        action: 'RETENTION_RUN',
        actorId: admin.id,
        targetType: 'retention_run',
        targetId: run.id,
        departementCode: admin.departementCode,
        details: { dryRun, results: run.results, failed: run.error !== null },
      },
      meta,
    );
    return run;
  }

  /** One run; `RUN_IN_PROGRESS` while another one (here or on another instance) holds the lock. */
  async run(request: RetentionRunRequest): Promise<RetentionRunDto> {
    // The lock belongs to a connection of its own and goes with it if the process dies.
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const [row] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [RETENTION_LOCK_KEY])) as { locked: boolean }[];
      if (!row.locked) {
        throw new RetentionException('RUN_IN_PROGRESS');
      }
      try {
        return await this.runLocked(request);
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [RETENTION_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  private async nightly(): Promise<void> {
    try {
      await this.run({ dryRun: false, trigger: 'SCHEDULE', actorId: null });
    } catch (error) {
      if (error instanceof RetentionException) {
        this.logger.log('Durées de conservation : une autre application est en cours, celle de cette nuit est sautée.');
        return;
      }
      throw error;
    }
  }

  private async runLocked(request: RetentionRunRequest): Promise<RetentionRunDto> {
    const now = this.clock.now();
    const context = { now, dryRun: request.dryRun, cap: this.config.privacy.maxPerRun };
    const run = await this.repository.insertRun({ ...request, startedAt: now });
    const results: RetentionRuleResult[] = [];
    const errors: string[] = [];
    for (const rule of RETENTION_RULES) {
      const outcome: RuleOutcome = { count: 0, warned: 0, capped: false, failures: [] };
      try {
        await this.rules.apply(rule, context, outcome);
      } catch (error) {
        this.logger.error(`Durées de conservation, ${rule} en échec : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        outcome.failures.push(error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300));
      }
      results.push({ rule, count: outcome.count, warned: outcome.warned, capped: outcome.capped });
      errors.push(...outcome.failures.map((failure) => `${rule} : ${failure}`));
      // Written as it goes: a run the process does not finish still shows what it did.
      await this.repository.updateRun(run.id, results, errorText(errors), null);
    }
    const finished = await this.repository.updateRun(run.id, results, errorText(errors), this.clock.now());
    this.logger.log(summary(request, results, errors.length));
    return mapRun(finished);
  }
}

function errorText(errors: string[]): string | null {
  return errors.length === 0 ? null : errors.join('\n').slice(0, 4_000);
}

/** One line for the log: what each rule did (or would do). */
function summary(request: RetentionRunRequest, results: RetentionRuleResult[], failures: number): string {
  const parts = results.map(
    (r) => `${r.rule} ${r.count}${r.warned > 0 ? ` (+${r.warned} avertis)` : ''}${r.capped ? ' [plafond atteint]' : ''}`,
  );
  const kind = request.dryRun ? 'à blanc' : 'appliquées';
  return `Durées de conservation ${kind} (${request.trigger}) : ${parts.join(', ')}${failures > 0 ? ` ; ${failures} échec(s)` : ''}`;
}
