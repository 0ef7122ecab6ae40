import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { workingCalendar } from '../common/calendar/working-calendar';
import { Clock } from '../common/clock/clock';
import { JobsService } from '../jobs/jobs.service';
import { OfficeClock } from './office-clock';
import { type ThreadFact, type ThreadHistory, threadFact } from './thread-fact';
import { type FactSelection, type FactSettings, ThreadFactsRepository } from './thread-facts.repository';

export const INDICATORS_REBUILD_QUEUE = 'indicators-rebuild';
/** Every night at 3:20 (Paris), after the FAQ's expiry, away from the top of the hour. */
export const INDICATORS_REBUILD_CRON = '20 3 * * *';
/** The nightly rebuild takes the threads active in the last two days (a night missed included). */
const NIGHTLY_WINDOW_MS = 2 * 24 * 3_600_000;
const BATCH = 1_000;

/**
 * Keeps `thread_fact`, one row per question: the threads' service rewrites a question's row in the transaction of
 * each change of its state or messages (`refresh`); a nightly job rebuilds the rows of the threads active since the
 * night before, and `rebuild` with no date rebuilds them all (idempotent: the same threads give the same rows).
 */
@Injectable()
export class ThreadFactsService implements OnModuleInit {
  private readonly logger = new Logger(ThreadFactsService.name);

  constructor(
    private readonly repository: ThreadFactsRepository,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.jobs.enabled) {
      await this.jobs.register({
        queue: INDICATORS_REBUILD_QUEUE,
        handler: () => this.nightly(),
        cron: INDICATORS_REBUILD_CRON,
        expireInSeconds: 1_800,
        atStart: true,
      });
    }
  }

  /**
   * The nightly run (and the first one at start): every thread of a département never rebuilt (a new installation,
   * the facts just added to an existing one) or whose office hours changed, then the threads active since the night
   * before.
   */
  async nightly(): Promise<number> {
    let count = 0;
    for (const code of await this.repository.toRebuild()) {
      count += await this.rebuild({ departementCode: code, since: null });
    }
    return count + (await this.rebuild({ departementCode: null, since: new Date(this.clock.now().getTime() - NIGHTLY_WINDOW_MS) }));
  }

  /** Rewrites the rows of these threads, in the caller's transaction. */
  async refresh(tx: EntityManager, threadIds: string[]): Promise<void> {
    const histories = await this.repository.histories(tx, threadIds);
    const codes = [...new Set(histories.map((h) => h.departementCode))];
    const settings = await this.repository.settings(codes, tx);
    await this.repository.upsert(this.facts(histories, settings), this.clock.now(), tx);
    await this.repository.touch(codes, tx);
  }

  /** Something the indicators group by changed (a question's labels): the département's figures are recomputed. */
  async touched(code: string, tx?: EntityManager): Promise<void> {
    await this.repository.touch([code], tx);
  }

  /**
   * The office hours changed: every question's working time is counted again, by the rebuild job now (or here
   * when jobs are off, as in the CLI and the tests), and at the latest by the nightly run.
   */
  async officeHoursChanged(code: string): Promise<void> {
    await this.repository.markStale(code);
    if (!(await this.jobs.trigger(INDICATORS_REBUILD_QUEUE))) {
      await this.rebuild({ departementCode: code, since: null });
    }
  }

  /** Rebuilds the rows of the selected threads, by batches; returns how many. */
  async rebuild(selection: FactSelection): Promise<number> {
    const started = this.clock.now();
    let afterId: string | null = null;
    let count = 0;
    for (;;) {
      const histories = await this.repository.historyBatch(selection, afterId, BATCH);
      if (histories.length === 0) {
        break;
      }
      const codes = [...new Set(histories.map((h) => h.departementCode))];
      const settings = await this.repository.settings(codes);
      await this.repository.upsert(this.facts(histories, settings), this.clock.now());
      await this.repository.touch(codes);
      count += histories.length;
      afterId = histories[histories.length - 1].threadId;
    }
    await this.repository.markRebuilt(selection.departementCode === null ? null : [selection.departementCode], started);
    this.logger.log(`Indicateurs : ${count} question(s) recalculée(s)${selection.since ? ` depuis le ${selection.since.toISOString()}` : ''}`);
    return count;
  }

  private facts(histories: ThreadHistory[], settings: FactSettings[]): ThreadFact[] {
    const now = this.clock.now();
    const byCode = new Map(settings.map((s) => [s.code, { clock: new OfficeClock(workingCalendar(s.code), s.officeHours), days: s.firstResponseDays }]));
    return histories.flatMap((history) => {
      const rules = byCode.get(history.departementCode);
      return rules ? [threadFact(history, rules.clock, rules.days, now)] : [];
    });
  }
}
