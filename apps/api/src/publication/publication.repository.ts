import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  PublicationAction,
  PublicationChoicesDto,
  PublicationEventKind,
  PublicationQueueItemDto,
  PublicationState,
} from '@passerelle/shared/dto';
import { DOCUMENT_SELECT, type DocumentRow } from '../files/document.mapper';
import { PROJECT_SELECT, type ProjectRow } from '../projects/project.mapper';

/** A query runner: the data source, or the entity manager of the caller's transaction. */
type Queryable = Pick<EntityManager, 'query'>;

export interface PublicationRow {
  id: string;
  title: string;
  status: string;
  version: number;
  commune_insee: string;
  departement_code: string;
  publication_state: PublicationState;
  publication_choices: PublicationChoicesDto;
  publication_rejection: string | null;
  slug: string | null;
  published_at: Date | null;
  published_version: number | null;
}

export interface PublishedRow {
  slug: string;
  published_at: Date;
}

export interface QueueRow {
  id: string;
  title: string;
  theme: PublicationQueueItemDto['theme'];
  insee: string;
  name: string;
  requested_at: Date | null;
  republication: boolean;
  total: string;
}

export interface PublicationEventRow {
  at: Date;
  action: PublicationEventKind;
  actor: string | null;
  from_state: PublicationState;
  to_state: PublicationState;
  reason: string | null;
}

export interface SnapshotCommuneRow {
  insee: string;
  name: string;
  population: number;
  canton_name: string | null;
}

export interface PublicationTargetRow {
  version: number;
  commune_insee: string;
  departement_code: string;
  canton_code: string | null;
}

/** The public snapshot's row, as `project_publication` stores it. */
export interface PublicationWrite {
  projectId: string;
  slug: string;
  departementCode: string;
  communeInsee: string;
  cantonCode: string | null;
  theme: string;
  status: string;
  year: number;
  latitude: number | null;
  longitude: number | null;
  snapshot: string;
  documentIds: string[];
  projectVersion: number;
  publishedAt: Date;
  reviewerId: string | null;
}

/** The SQL of publication; every write takes the caller's transaction (the service locks and decides). */
@Injectable()
export class PublicationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(manager: Queryable, projectId: string): Promise<PublicationRow> {
    const [row]: PublicationRow[] = await manager.query(
      `SELECT p.id, p.title, p.status, p.version, p.commune_insee, c.departement_code, p.publication_state, p.publication_choices,
              p.publication_rejection, pp.slug, pp.published_at, pp.project_version AS published_version
         FROM project p JOIN commune c ON c.insee = p.commune_insee
         LEFT JOIN project_publication pp ON pp.project_id = p.id
        WHERE p.id = $1`,
      [projectId],
    );
    return row;
  }

  /** Locks the project row until the transaction ends. */
  async lockProject(tx: EntityManager, projectId: string): Promise<void> {
    await tx.query(`SELECT 1 FROM project WHERE id = $1 FOR UPDATE`, [projectId]);
  }

  /** Locks the project row and answers its publication state (undefined if there is no such project). */
  async lockState(tx: EntityManager, projectId: string): Promise<PublicationState | undefined> {
    const [locked]: { publication_state: PublicationState }[] = await tx.query(`SELECT publication_state FROM project WHERE id = $1 FOR UPDATE`, [
      projectId,
    ]);
    return locked?.publication_state;
  }

  async findPublished(manager: Queryable, projectId: string): Promise<PublishedRow | undefined> {
    const [published]: PublishedRow[] = await manager.query(`SELECT slug, published_at FROM project_publication WHERE project_id = $1`, [projectId]);
    return published;
  }

  queue(departementCode: string, limit: number, offset: number): Promise<QueueRow[]> {
    return this.db.query(
      `SELECT p.id, p.title, p.theme, c.insee, c.name,
              (SELECT max(e.at) FROM publication_event e WHERE e.project_id = p.id AND e.to_state = 'AWAITING_REVIEW') AS requested_at,
              EXISTS (SELECT 1 FROM project_publication pp WHERE pp.project_id = p.id) AS republication,
              count(*) OVER () AS total
         FROM project p JOIN commune c ON c.insee = p.commune_insee
        WHERE p.publication_state = 'AWAITING_REVIEW' AND p.deleted_at IS NULL AND c.departement_code = $1
        ORDER BY requested_at ASC NULLS FIRST, p.id
        LIMIT $2 OFFSET $3`,
      [departementCode, limit, offset],
    );
  }

  /** Writes the state an action leads to; a rejection keeps its reason, a new request clears it. */
  async updateState(tx: EntityManager, projectId: string, to: PublicationState, action: PublicationAction, reason: string | null): Promise<void> {
    await tx.query(
      `UPDATE project SET publication_state = $2,
              publication_rejection = CASE WHEN $3 = 'reject' THEN $4 WHEN $3 = 'request' THEN NULL ELSE publication_rejection END
        WHERE id = $1`,
      [projectId, to, action, reason],
    );
  }

  /** An edit during the review sends the fiche back to the mayor. */
  async backToConsent(tx: EntityManager, projectId: string): Promise<void> {
    await tx.query(`UPDATE project SET publication_state = 'AWAITING_CONSENT' WHERE id = $1`, [projectId]);
  }

  async deletePublication(tx: EntityManager, projectId: string): Promise<void> {
    await tx.query(`DELETE FROM project_publication WHERE project_id = $1`, [projectId]);
  }

  async insertEvent(
    tx: EntityManager,
    e: { projectId: string; at: Date; actorId: string; action: PublicationAction; from: PublicationState; to: PublicationState; reason: string | null },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO publication_event (project_id, at, actor_id, action, from_state, to_state, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [e.projectId, e.at, e.actorId, e.action, e.from, e.to, e.reason],
    );
  }

  async insertEditEvent(tx: EntityManager, projectId: string, at: Date, actorId: string, reason: string): Promise<void> {
    await tx.query(
      `INSERT INTO publication_event (project_id, at, actor_id, action, from_state, to_state, reason) VALUES ($1, $2, $3, 'edit', 'AWAITING_REVIEW', 'AWAITING_CONSENT', $4)`,
      [projectId, at, actorId, reason],
    );
  }

  /** The last 50 events, newest first. */
  events(projectId: string): Promise<PublicationEventRow[]> {
    return this.db.query(
      `SELECT e.at, e.action, u.display_name AS actor, e.from_state, e.to_state, e.reason
         FROM publication_event e LEFT JOIN app_user u ON u.id = e.actor_id
        WHERE e.project_id = $1 ORDER BY e.at DESC, e.id DESC LIMIT 50`,
      [projectId],
    );
  }

  async snapshotProject(manager: Queryable, projectId: string): Promise<ProjectRow & { publication_choices: PublicationChoicesDto }> {
    const [project]: (ProjectRow & { publication_choices: PublicationChoicesDto })[] = await manager.query(
      `${PROJECT_SELECT.replace('SELECT p.id,', 'SELECT p.publication_choices, p.id,')} WHERE p.id = $1`,
      [projectId],
    );
    return project;
  }

  async snapshotCommune(manager: Queryable, insee: string): Promise<SnapshotCommuneRow> {
    const [commune]: SnapshotCommuneRow[] = await manager.query(
      `SELECT c.insee, c.name, c.population, cn.name AS canton_name FROM commune c LEFT JOIN canton cn ON cn.code = c.canton_code WHERE c.insee = $1`,
      [insee],
    );
    return commune;
  }

  /** The chosen documents still in the project, oldest first. */
  chosenDocuments(manager: Queryable, projectId: string, documentIds: string[]): Promise<DocumentRow[]> {
    return manager.query(
      `${DOCUMENT_SELECT} WHERE d.project_id = $1 AND d.deleted_at IS NULL AND d.id = ANY($2::uuid[]) ORDER BY d.uploaded_at, d.id`,
      [projectId, documentIds],
    );
  }

  /** How many of `ids` are documents of the project, not deleted. */
  async countProjectDocuments(tx: EntityManager, projectId: string, ids: string[]): Promise<number> {
    const [{ count }]: { count: string }[] = await tx.query(
      `SELECT count(*) AS count FROM document WHERE project_id = $1 AND deleted_at IS NULL AND id = ANY($2::uuid[])`,
      [projectId, ids],
    );
    return Number(count);
  }

  async saveChoices(tx: EntityManager, projectId: string, choices: PublicationChoicesDto): Promise<void> {
    await tx.query(`UPDATE project SET publication_choices = $2 WHERE id = $1`, [projectId, JSON.stringify(choices)]);
  }

  async publicationTarget(tx: EntityManager, projectId: string): Promise<PublicationTargetRow> {
    const [project]: PublicationTargetRow[] = await tx.query(
      `SELECT p.version, p.commune_insee, c.departement_code, c.canton_code FROM project p JOIN commune c ON c.insee = p.commune_insee WHERE p.id = $1`,
      [projectId],
    );
    return project;
  }

  /** The slugs `base` and `base-…` already taken. */
  async slugsLike(tx: EntityManager, base: string): Promise<string[]> {
    const rows: { slug: string }[] = await tx.query(`SELECT slug FROM project_publication WHERE slug = $1 OR slug LIKE $1 || '-%'`, [base]);
    return rows.map((r) => r.slug);
  }

  /** Writes the public snapshot; a republication keeps its slug and first publication date. */
  async upsertPublication(tx: EntityManager, w: PublicationWrite): Promise<void> {
    await tx.query(
      `INSERT INTO project_publication (project_id, slug, departement_code, commune_insee, canton_code, theme, status, year, latitude, longitude,
                                        snapshot, document_ids, project_version, published_at, reviewed_at, reviewed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15)
       ON CONFLICT (project_id) DO UPDATE SET theme = excluded.theme, status = excluded.status, year = excluded.year,
             latitude = excluded.latitude, longitude = excluded.longitude, snapshot = excluded.snapshot, document_ids = excluded.document_ids,
             project_version = excluded.project_version, reviewed_at = excluded.reviewed_at, reviewed_by = excluded.reviewed_by`,
      [
        w.projectId,
        w.slug,
        w.departementCode,
        w.communeInsee,
        w.cantonCode,
        w.theme,
        w.status,
        w.year,
        w.latitude,
        w.longitude,
        w.snapshot,
        w.documentIds,
        w.projectVersion,
        w.publishedAt,
        w.reviewerId,
      ],
    );
  }

  /** Visits per day of the last 30 days (Paris time) up to `now`, days without a visit included. */
  dailyViews(projectId: string, now: Date): Promise<{ day: string; count: number }[]> {
    return this.db.query(
      `WITH today AS (SELECT ($2::timestamptz AT TIME ZONE 'Europe/Paris')::date AS d)
       SELECT to_char(s.day, 'YYYY-MM-DD') AS day, coalesce(v.count, 0)::int AS count
         FROM today, generate_series(today.d - 29, today.d, interval '1 day') AS s(day)
         LEFT JOIN project_view_day v ON v.project_id = $1 AND v.day = s.day::date
        ORDER BY s.day`,
      [projectId, now],
    );
  }

  async totalViews(projectId: string): Promise<number> {
    const [{ total }]: { total: number }[] = await this.db.query(
      `SELECT coalesce(sum(count), 0)::int AS total FROM project_view_day WHERE project_id = $1`,
      [projectId],
    );
    return total;
  }
}
