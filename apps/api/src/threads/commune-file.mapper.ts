import {
  type CommuneFileDto,
  SATISFACTION_LABELS,
  type SatisfactionScore,
  THREAD_STATE_STAFF_LABELS,
  type ThreadState,
  type TimelineEventDto,
} from '@passerelle/shared/dto';
import type { CommuneFactsRow, CommuneMemberRow, LatestSatisfactionRow, SatisfactionSummaryRow, TimelineRow } from './commune-file.repository';
import { formerPerson } from './thread.mapper';

export function mapCommuneFacts(row: CommuneFactsRow): CommuneFileDto['commune'] {
  return {
    insee: row.insee,
    name: row.name,
    population: row.population,
    postcodes: row.postcodes,
    cantonName: row.canton_name,
    epciName: row.epci_name,
    eligible: row.eligible,
    workspaceOpenedAt: row.opened_at?.toISOString() ?? null,
  };
}

export function mapMember(row: CommuneMemberRow): CommuneFileDto['members'][number] {
  return { displayName: row.display_name, role: row.role, email: row.email };
}

/** The average to one decimal, the count, and the latest opinions. */
export function mapSatisfactionSummary(summary: SatisfactionSummaryRow, latest: LatestSatisfactionRow[]): CommuneFileDto['satisfaction'] {
  return {
    average: summary.average === null ? null : Math.round(summary.average * 10) / 10,
    count: Number(summary.count),
    latest: latest.map((r) => ({
      threadId: r.id,
      subject: r.subject,
      score: r.satisfaction_score,
      effort: r.effort_score,
      comment: r.satisfaction_comment,
      answeredAt: r.satisfaction_at.toISOString(),
      answeredBy: r.display_name ?? formerPerson('COMMUNE'),
    })),
  };
}

export function mapTimelineEvent(row: TimelineRow): TimelineEventDto {
  return {
    at: row.at.toISOString(),
    kind: row.kind,
    actor: row.actor ?? formerActor(row),
    summary: summarise(row),
    link: row.link_type && row.link_id ? { type: row.link_type, id: row.link_id } : null,
  };
}

/**
 * Who did it, when no name is left (account deleted, question's authors pseudonymised): the pseudonym of their
 * side where the event tells it; a change of state may come from either side, and stays without a name.
 */
function formerActor(row: TimelineRow): string | null {
  switch (row.kind) {
    case 'THREAD_CREATED':
    case 'SATISFACTION':
      return formerPerson('COMMUNE');
    case 'MESSAGE':
      return formerPerson(row.detail === 'DEPARTEMENT' ? 'DEPARTEMENT' : 'COMMUNE');
    case 'INTERNAL_NOTE':
      return formerPerson('DEPARTEMENT');
    case 'STATE_CHANGED':
    case 'PROJECT_CREATED':
    case 'DOCUMENT_ADDED':
    case 'PROJECT_UPDATED':
      return null;
  }
}

function summarise(row: TimelineRow): string {
  const quoted = `« ${row.title} »`;
  switch (row.kind) {
    case 'THREAD_CREATED':
      return `Question posée : ${quoted}`;
    case 'MESSAGE':
      return row.detail === 'DEPARTEMENT' ? `Réponse du département : ${quoted}` : `Message de la commune : ${quoted}`;
    case 'INTERNAL_NOTE':
      return `Note interne : ${quoted}`;
    case 'STATE_CHANGED':
      return `${quoted} : ${THREAD_STATE_STAFF_LABELS[row.detail as ThreadState].toLowerCase()}`;
    case 'SATISFACTION': {
      const score = Number(row.detail) as SatisfactionScore;
      return `Avis sur ${quoted} : ${score}/5 (${SATISFACTION_LABELS[score].toLowerCase()})`;
    }
    case 'PROJECT_CREATED':
      return `Projet créé : ${quoted}`;
    case 'DOCUMENT_ADDED':
      return `Document ajouté au projet ${quoted}`;
    case 'PROJECT_UPDATED':
      return row.detail === 'DELETED' ? `Projet supprimé : ${quoted}` : `Projet mis à jour : ${quoted}`;
  }
}
