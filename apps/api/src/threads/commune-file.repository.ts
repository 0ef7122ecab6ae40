import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { EffortScore, SatisfactionScore, TimelineKind } from '@passerelle/shared/dto';
import { PROJECT_SELECT, type ProjectRow } from '../projects/project.mapper';

export interface CommuneFactsRow {
  insee: string;
  name: string;
  population: number;
  postcodes: string[];
  canton_name: string | null;
  epci_name: string | null;
  eligible: boolean;
  opened_at: Date | null;
}

export interface CommuneMemberRow {
  display_name: string;
  role: 'MAYOR' | 'COLLABORATOR';
  email: string;
}

export interface SatisfactionSummaryRow {
  average: number | null;
  count: string;
}

export interface LatestSatisfactionRow {
  id: string;
  subject: string;
  satisfaction_score: SatisfactionScore;
  effort_score: EffortScore | null;
  satisfaction_comment: string | null;
  satisfaction_at: Date;
  display_name: string | null;
}

export interface TimelineRow {
  at: Date;
  kind: TimelineKind;
  actor: string | null;
  title: string;
  detail: string | null;
  link_type: 'thread' | 'project' | null;
  link_id: string | null;
}

/** A person's name while their account exists; `null` once deleted (the mapper shows the pseudonym of their side). */
const LIVING_NAME = 'CASE WHEN u.deleted_at IS NULL THEN u.display_name END';

/** The SQL of the commune's file: reads only, every one scoped to one commune. */
@Injectable()
export class CommuneFileRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The commune if it is in the département. */
  async facts(insee: string, departement: string): Promise<CommuneFactsRow | undefined> {
    const rows: CommuneFactsRow[] = await this.db.query(
      `SELECT c.insee, c.name, c.population, c.postcodes, cn.name AS canton_name, e.name AS epci_name, c.eligible, w.opened_at
         FROM commune c LEFT JOIN canton cn ON cn.code = c.canton_code LEFT JOIN epci e ON e.siren = c.epci_siren
         LEFT JOIN commune_workspace w ON w.commune_insee = c.insee
        WHERE c.insee = $1 AND c.departement_code = $2`,
      [insee, departement],
    );
    return rows[0];
  }

  /** Active members, the mayor first. */
  async members(insee: string): Promise<CommuneMemberRow[]> {
    return this.db.query(
      `SELECT display_name, role, email FROM app_user WHERE commune_insee = $1 AND state = 'ACTIVE' ORDER BY role = 'MAYOR' DESC, display_name`,
      [insee],
    );
  }

  /** Live projects, most recently updated first. */
  async projects(insee: string, limit: number): Promise<ProjectRow[]> {
    return this.db.query(`${PROJECT_SELECT} WHERE p.commune_insee = $1 AND p.deleted_at IS NULL ORDER BY p.updated_at DESC LIMIT ${limit}`, [insee]);
  }

  /** Ids of the threads, most recent activity first. */
  async threadIds(insee: string, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM thread WHERE commune_insee = $1 ORDER BY last_activity_at DESC LIMIT ${limit}`, [insee]);
    return rows.map((r) => r.id);
  }

  async satisfaction(insee: string): Promise<SatisfactionSummaryRow> {
    const rows: SatisfactionSummaryRow[] = await this.db.query(
      `SELECT avg(satisfaction_score)::float AS average, count(satisfaction_score) AS count FROM thread WHERE commune_insee = $1`,
      [insee],
    );
    return rows[0];
  }

  /** The five latest opinions. */
  async latestSatisfactions(insee: string): Promise<LatestSatisfactionRow[]> {
    return this.db.query(
      `SELECT t.id, t.subject, t.satisfaction_score, t.effort_score, t.satisfaction_comment, t.satisfaction_at, ${LIVING_NAME} AS display_name
         FROM thread t LEFT JOIN app_user u ON u.id = t.satisfaction_by
        WHERE t.commune_insee = $1 AND t.satisfaction_score IS NOT NULL ORDER BY t.satisfaction_at DESC LIMIT 5`,
      [insee],
    );
  }

  /** Newest first, the last `limit` events of every kind. */
  async timeline(insee: string, limit: number): Promise<TimelineRow[]> {
    return this.db.query(
      `(SELECT t.created_at AS at, 'THREAD_CREATED' AS kind, ${LIVING_NAME} AS actor, t.subject AS title, NULL AS detail,
               'thread' AS link_type, t.id AS link_id
          FROM thread t LEFT JOIN app_user u ON u.id = t.created_by WHERE t.commune_insee = $1 ORDER BY t.created_at DESC LIMIT ${limit})
       UNION ALL
       (SELECT m.created_at, CASE WHEN m.internal THEN 'INTERNAL_NOTE' ELSE 'MESSAGE' END, ${LIVING_NAME}, t.subject, m.author_side,
               'thread', t.id
          FROM thread_message m JOIN thread t ON t.id = m.thread_id LEFT JOIN app_user u ON u.id = m.author_id
         WHERE t.commune_insee = $1
           -- the first message is the question itself, already told by THREAD_CREATED
           AND m.created_at > t.created_at
         ORDER BY m.created_at DESC LIMIT ${limit})
       UNION ALL
       (SELECT e.at, 'STATE_CHANGED', ${LIVING_NAME}, t.subject, e.to_state, 'thread', t.id
          FROM thread_event e JOIN thread t ON t.id = e.thread_id LEFT JOIN app_user u ON u.id = e.actor_id
         WHERE t.commune_insee = $1 AND e.kind = 'STATE_CHANGED' AND e.to_state IN ('CLOSED', 'WAITING_COMMUNE', 'OPEN')
         ORDER BY e.at DESC LIMIT ${limit})
       UNION ALL
       (SELECT t.satisfaction_at, 'SATISFACTION', ${LIVING_NAME}, t.subject, t.satisfaction_score::text, 'thread', t.id
          FROM thread t LEFT JOIN app_user u ON u.id = t.satisfaction_by
         WHERE t.commune_insee = $1 AND t.satisfaction_at IS NOT NULL ORDER BY t.satisfaction_at DESC LIMIT ${limit})
       UNION ALL
       (SELECT h.at, CASE h.action WHEN 'CREATED' THEN 'PROJECT_CREATED' WHEN 'DOCUMENT_ADDED' THEN 'DOCUMENT_ADDED' ELSE 'PROJECT_UPDATED' END,
               u.display_name, p.title, h.action, 'project', CASE WHEN p.deleted_at IS NULL THEN p.id END
          FROM project_history h JOIN project p ON p.id = h.project_id LEFT JOIN app_user u ON u.id = h.actor_id
         WHERE p.commune_insee = $1 ORDER BY h.at DESC LIMIT ${limit})
       ORDER BY at DESC LIMIT ${limit}`,
      [insee],
    );
  }
}
