import type { CommuneFileDto, ThreadSummaryDto, TimelineEventDto } from '@passerelle/shared/dto';
import { formatCount } from '@passerelle/web/shared/util-format';

const scoreFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** `4.25` → `4,3 sur 5`; an average over no answer reads as such instead of `0`. */
export function formatAverageScore(average: number | null): string {
  return average === null ? 'Aucune réponse' : `${scoreFormat.format(average)} sur 5`;
}

/** `12` → `12 réponses au questionnaire`, for the line under the average. */
export function satisfactionCountText(count: number): string {
  return count === 0
    ? 'Aucune question fermée n’a encore reçu de réponse au questionnaire.'
    : `${formatCount(count, 'réponse', 'réponses')} au questionnaire de satisfaction`;
}

/** The commune's threads but the one the agent is reading, which the page around shows already. */
export function otherThreads(
  threads: readonly ThreadSummaryDto[],
  currentThreadId: string | null,
): readonly ThreadSummaryDto[] {
  return currentThreadId === null ? threads : threads.filter((thread) => thread.id !== currentThreadId);
}

/** Where a timeline event leads in the back office, `null` when it leads nowhere. */
export function timelineLink(link: TimelineEventDto['link']): string | null {
  if (!link) {
    return null;
  }
  switch (link.type) {
    case 'thread':
      return `/departement/questions/${encodeURIComponent(link.id)}`;
    case 'project':
      return `/departement/projets/${encodeURIComponent(link.id)}`;
  }
}

/** The first `limit` items, or all of them once the user asked to see everything. */
export function firstItems<T>(items: readonly T[], limit: number, expanded: boolean): readonly T[] {
  return expanded ? items : items.slice(0, limit);
}

/** The workspace line: opened when, or not opened (the commune cannot use Passerelle yet). */
export function workspaceText(commune: CommuneFileDto['commune'], formatDate: (value: string) => string): string {
  return commune.workspaceOpenedAt ? `Ouvert le ${formatDate(commune.workspaceOpenedAt)}` : 'Pas encore ouvert';
}
