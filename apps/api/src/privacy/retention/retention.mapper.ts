import type { RetentionRunDto } from '@passerelle/shared/dto';
import type { RetentionRunRow } from './retention.repository';

export function mapRun(row: RetentionRunRow): RetentionRunDto {
  return {
    id: row.id,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    dryRun: row.dry_run,
    trigger: row.trigger,
    results: row.results.map((r) => ({ rule: r.rule, count: r.count, warned: r.warned, capped: r.capped })),
    error: row.error,
  };
}
