import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CommuneThreadsQuery, InboxQuery, Page, ThreadSummaryDto } from '@passerelle/shared/dto';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { visibleCommune } from '../common/access/visible-commune';
import { Clock } from '../common/clock/clock';
import { mapThreadSummary } from './thread.mapper';
import { type ThreadRow, ThreadsRepository } from './threads.repository';

/**
 * The lists of threads: a commune's questions, the département's queue (filters, sort, paging) and summaries by
 * id for other pages. Changes when what a list shows or how it is filtered changes, never for the conversation.
 */
@Injectable()
export class ThreadQueueService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: ThreadsRepository,
    private readonly clock: Clock,
  ) {}

  /** A commune's questions, most recent public activity first; all states unless asked. */
  async listForCommune(user: AuthUser, insee: string, query: CommuneThreadsQuery & { limit: number; offset: number }): Promise<Page<ThreadSummaryDto>> {
    await visibleCommune(this.db, user, insee);
    const { rows, total } = await this.repository.communePage(
      insee,
      { state: query.state ?? 'ALL', projectId: query.projectId, q: query.q },
      { readerId: user.id, limit: query.limit, offset: query.offset },
    );
    return this.toPage(user, rows, total, query.limit, query.offset);
  }

  /** The département's queue: every thread of its communes, the active ones by due date unless asked. */
  async inbox(user: AuthUser, query: InboxQuery & { limit: number; offset: number }): Promise<Page<ThreadSummaryDto>> {
    const { limit, offset, state, overdue, ...filters } = query;
    const { rows, total } = await this.repository.inboxPage(
      user.departementCode,
      user.id,
      { ...filters, state: state ?? 'ACTIVE', overdueAt: overdue ? this.clock.now() : null },
      { readerId: user.id, limit, offset },
    );
    return this.toPage(user, rows, total, limit, offset);
  }

  /** Summaries of threads by id, in the given order, as `user` sees them. */
  async summaries(user: AuthUser, ids: string[]): Promise<ThreadSummaryDto[]> {
    const rows = await this.repository.findByIds(user.id, ids);
    const now = this.clock.now();
    return rows.map((row) => mapThreadSummary(row, isStaff(user), now));
  }

  private toPage(user: AuthUser, rows: ThreadRow[], total: number, limit: number, offset: number): Page<ThreadSummaryDto> {
    const now = this.clock.now();
    return { items: rows.map((row) => mapThreadSummary(row, isStaff(user), now)), total, limit, offset };
  }
}
