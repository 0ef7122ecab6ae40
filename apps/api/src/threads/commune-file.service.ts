import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  type CommuneFileDto,
  SATISFACTION_LABELS,
  type SatisfactionScore,
  THREAD_STATE_STAFF_LABELS,
  type ThreadState,
  type TimelineEventDto,
  type TimelineKind,
} from '@passerelle/shared/dto';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { PROJECT_SELECT, type ProjectRow, mapProjectSummary } from '../projects/project.mapper';
import { ThreadsException } from './threads.exception';
import { ThreadsService } from './threads.service';

interface TimelineRow {
  at: Date;
  kind: TimelineKind;
  actor: string | null;
  title: string;
  detail: string | null;
  link_type: 'thread' | 'project' | null;
  link_id: string | null;
}

const LIMIT = 100;

/**
 * The commune's file, for the agents: its facts, people, projects, questions, how satisfied it was, and one
 * timeline of every interaction (questions, answers, internal notes, state changes, projects).
 */
@Injectable()
export class CommuneFileService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly threads: ThreadsService,
  ) {}

  async file(user: AuthUser, insee: string): Promise<CommuneFileDto> {
    if (!isStaff(user)) {
      throw new ThreadsException('STAFF_ONLY');
    }
    const [commune] = await this.db.query(
      `SELECT c.insee, c.name, c.population, c.postcodes, cn.name AS canton_name, e.name AS epci_name, c.eligible, w.opened_at
         FROM commune c LEFT JOIN canton cn ON cn.code = c.canton_code LEFT JOIN epci e ON e.siren = c.epci_siren
         LEFT JOIN commune_workspace w ON w.commune_insee = c.insee
        WHERE c.insee = $1 AND c.departement_code = $2`,
      [insee, user.departementCode],
    );
    if (!commune) {
      throw new ThreadsException('COMMUNE_NOT_FOUND');
    }
    const [members, projects, threadIds, [satisfaction], latest, timeline] = await Promise.all([
      this.db.query(
        `SELECT display_name, role, email FROM app_user WHERE commune_insee = $1 AND state = 'ACTIVE' ORDER BY role = 'MAYOR' DESC, display_name`,
        [insee],
      ),
      this.db.query(`${PROJECT_SELECT} WHERE p.commune_insee = $1 AND p.deleted_at IS NULL ORDER BY p.updated_at DESC LIMIT ${LIMIT}`, [insee]),
      this.db.query(`SELECT id FROM thread WHERE commune_insee = $1 ORDER BY last_activity_at DESC LIMIT ${LIMIT}`, [insee]),
      this.db.query(`SELECT avg(satisfaction_score)::float AS average, count(satisfaction_score) AS count FROM thread WHERE commune_insee = $1`, [insee]),
      this.db.query(
        `SELECT t.id, t.subject, t.satisfaction_score, t.satisfaction_comment, t.satisfaction_at, u.display_name
           FROM thread t LEFT JOIN app_user u ON u.id = t.satisfaction_by
          WHERE t.commune_insee = $1 AND t.satisfaction_score IS NOT NULL ORDER BY t.satisfaction_at DESC LIMIT 5`,
        [insee],
      ),
      this.timeline(insee),
    ]);
    return {
      commune: {
        insee: commune.insee,
        name: commune.name,
        population: commune.population,
        postcodes: commune.postcodes,
        cantonName: commune.canton_name,
        epciName: commune.epci_name,
        eligible: commune.eligible,
        workspaceOpenedAt: commune.opened_at?.toISOString() ?? null,
      },
      members: members.map((m: { display_name: string; role: 'MAYOR' | 'COLLABORATOR'; email: string }) => ({
        displayName: m.display_name,
        role: m.role,
        email: m.email,
      })),
      projects: projects.map((p: ProjectRow) => mapProjectSummary(p)),
      threads: await this.threads.summaries(user, threadIds.map((t: { id: string }) => t.id)),
      satisfaction: {
        average: satisfaction.average === null ? null : Math.round(satisfaction.average * 10) / 10,
        count: Number(satisfaction.count),
        latest: latest.map(
          (r: { id: string; subject: string; satisfaction_score: SatisfactionScore; satisfaction_comment: string | null; satisfaction_at: Date; display_name: string | null }) => ({
            threadId: r.id,
            subject: r.subject,
            score: r.satisfaction_score,
            comment: r.satisfaction_comment,
            answeredAt: r.satisfaction_at.toISOString(),
            answeredBy: r.display_name ?? 'Compte supprimé',
          }),
        ),
      },
      timeline,
    };
  }

  /** Newest first, the last 100 events of every kind. */
  private async timeline(insee: string): Promise<TimelineEventDto[]> {
    const rows: TimelineRow[] = await this.db.query(
      `(SELECT t.created_at AS at, 'THREAD_CREATED' AS kind, u.display_name AS actor, t.subject AS title, NULL AS detail,
               'thread' AS link_type, t.id AS link_id
          FROM thread t LEFT JOIN app_user u ON u.id = t.created_by WHERE t.commune_insee = $1 ORDER BY t.created_at DESC LIMIT ${LIMIT})
       UNION ALL
       (SELECT m.created_at, CASE WHEN m.internal THEN 'INTERNAL_NOTE' ELSE 'MESSAGE' END, u.display_name, t.subject, m.author_side,
               'thread', t.id
          FROM thread_message m JOIN thread t ON t.id = m.thread_id LEFT JOIN app_user u ON u.id = m.author_id
         WHERE t.commune_insee = $1
           -- the first message is the question itself, already told by THREAD_CREATED
           AND m.created_at > t.created_at
         ORDER BY m.created_at DESC LIMIT ${LIMIT})
       UNION ALL
       (SELECT e.at, 'STATE_CHANGED', u.display_name, t.subject, e.to_state, 'thread', t.id
          FROM thread_event e JOIN thread t ON t.id = e.thread_id LEFT JOIN app_user u ON u.id = e.actor_id
         WHERE t.commune_insee = $1 AND e.kind = 'STATE_CHANGED' AND e.to_state IN ('CLOSED', 'WAITING_COMMUNE', 'OPEN')
         ORDER BY e.at DESC LIMIT ${LIMIT})
       UNION ALL
       (SELECT t.satisfaction_at, 'SATISFACTION', u.display_name, t.subject, t.satisfaction_score::text, 'thread', t.id
          FROM thread t LEFT JOIN app_user u ON u.id = t.satisfaction_by
         WHERE t.commune_insee = $1 AND t.satisfaction_at IS NOT NULL ORDER BY t.satisfaction_at DESC LIMIT ${LIMIT})
       UNION ALL
       (SELECT h.at, CASE h.action WHEN 'CREATED' THEN 'PROJECT_CREATED' WHEN 'DOCUMENT_ADDED' THEN 'DOCUMENT_ADDED' ELSE 'PROJECT_UPDATED' END,
               u.display_name, p.title, h.action, 'project', CASE WHEN p.deleted_at IS NULL THEN p.id END
          FROM project_history h JOIN project p ON p.id = h.project_id LEFT JOIN app_user u ON u.id = h.actor_id
         WHERE p.commune_insee = $1 ORDER BY h.at DESC LIMIT ${LIMIT})
       ORDER BY at DESC LIMIT ${LIMIT}`,
      [insee],
    );
    return rows.map((r) => ({
      at: r.at.toISOString(),
      kind: r.kind,
      actor: r.actor,
      summary: summarise(r),
      link: r.link_type && r.link_id ? { type: r.link_type, id: r.link_id } : null,
    }));
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
