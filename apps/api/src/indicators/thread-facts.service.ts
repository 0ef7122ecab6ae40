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
   * The nightly run (and the first one at start): every thread while a département was never rebuilt (a new
   * installation, or the facts just added to an existing one), else the threads active since the night before.
   */
  async nightly(): Promise<number> {
    const full = await this.repository.neverRebuilt();
    return this.rebuild({ departementCode: null, since: full ? null : new Date(this.clock.now().getTime() - NIGHTLY_WINDOW_MS) });
  }

  /** Rewrites the rows of these threads, in the caller's transaction. */
  async refresh(tx: EntityManager, threadIds: string[]): Promise<void> {
    const histories = await this.repository.histories(tx, threadIds);
    const settings = await this.repository.settings([...new Set(histories.map((h) => h.departementCode))], tx);
    await this.repository.upsert(this.facts(histories, settings), this.clock.now(), tx);
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
      const settings = await this.repository.settings([...new Set(histories.map((h) => h.departementCode))]);
      await this.repository.upsert(this.facts(histories, settings), this.clock.now());
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
