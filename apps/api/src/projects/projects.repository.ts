import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Outline, ProjectChangeDto, ProjectHistoryEntryDto, ProjectInput, ProjectStatus, ProjectTheme } from '@passerelle/shared/dto';
import type { AuthUser } from '../common/access/auth-user';
import { communeVisibleTo } from '../common/access/tenancy';
import { changedRows } from '../database/changed-rows';
import { SqlParams } from '../common/sql/sql-params';
import { DOCUMENT_SELECT, type DocumentRow } from '../files/document.mapper';
import { PROJECT_SELECT, type ProjectHistoryRow, type ProjectRow } from './project.mapper';

/** Every field of a fiche, as the service computes it before writing. */
export type ProjectFields = Required<ProjectInput>;

/** The filters and page of a project list. */
export interface ProjectFilters {
  status: ProjectStatus | null;
  theme: ProjectTheme | null;
  q: string | null;
  limit: number;
  offset: number;
}

/** The departement-wide list narrows to one commune or one canton when asked. */
export interface DepartementScope {
  code: string;
  commune: string | null;
  canton: string | null;
}

/**
 * The SQL of the fiches projet. Reads see only what the user may see (tenancy in the query); writes take the
 * caller's transaction, because the service decides what changes together.
 */
@Injectable()
export class ProjectsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A project the user may see, not deleted. */
  async findVisible(user: AuthUser, id: string): Promise<ProjectRow | undefined> {
    const params = new SqlParams();
    const rows: ProjectRow[] = await this.db.query(
      `${PROJECT_SELECT} WHERE p.id = ${params.add(id)} AND p.deleted_at IS NULL AND ${communeVisibleTo('c', user, params)}`,
      params.values,
    );
    return rows[0];
  }

  searchInCommune(insee: string, filters: ProjectFilters): Promise<(ProjectRow & { total: string })[]> {
    return this.search((params) => `p.commune_insee = ${params.add(insee)}`, filters);
  }

  searchInDepartement(scope: DepartementScope, filters: ProjectFilters): Promise<(ProjectRow & { total: string })[]> {
    return this.search((params) => {
      const code = params.add(scope.code);
      const commune = params.add(scope.commune);
      const canton = params.add(scope.canton);
      return `c.departement_code = ${code} AND (${commune}::text IS NULL OR p.commune_insee = ${commune}) AND (${canton}::text IS NULL OR c.canton_code = ${canton})`;
    }, filters);
  }

  /** The documents attached to a project, oldest first. */
  documents(projectId: string): Promise<DocumentRow[]> {
    return this.db.query(`${DOCUMENT_SELECT} WHERE d.project_id = $1 AND d.deleted_at IS NULL ORDER BY d.uploaded_at`, [projectId]);
  }

  /** The commune's outline; undefined when the commune does not exist. */
  async communeOutline(insee: string): Promise<Outline | null | undefined> {
    const rows: { outline: Outline | null }[] = await this.db.query(`SELECT outline FROM commune WHERE insee = $1`, [insee]);
    return rows[0]?.outline;
  }

  async history(projectId: string, limit: number, offset: number): Promise<ProjectHistoryRow[]> {
    return this.db.query(
      `SELECT h.id, h.at, u.display_name AS actor, h.action, h.changes, count(*) OVER () AS total
         FROM project_history h LEFT JOIN app_user u ON u.id = h.actor_id
        WHERE h.project_id = $1 ORDER BY h.at DESC, h.id DESC LIMIT $2 OFFSET $3`,
      [projectId, limit, offset],
    );
  }

  /** Creates the project and answers its id. */
  async insert(tx: EntityManager, insee: string, actorId: string, fields: ProjectFields): Promise<string> {
    const params = new SqlParams();
    const commune = params.add(insee);
    const actor = params.add(actorId);
    const values = columnValues(fields).map((value) => params.add(value));
    const [created]: { id: string }[] = await tx.query(
      `INSERT INTO project (commune_insee, created_by, updated_by, ${COLUMNS.join(', ')})
       VALUES (${commune}, ${actor}, ${actor}, ${values.join(', ')}) RETURNING id`,
      params.values,
    );
    return created.id;
  }

  /** Writes every field if the project is still at `version`; answers false when it is not (or was deleted). */
  async updateAtVersion(tx: EntityManager, id: string, version: number, actorId: string, fields: ProjectFields): Promise<boolean> {
    const params = new SqlParams();
    const assignments = columnValues(fields).map((value, i) => `${COLUMNS[i]} = ${params.add(value)}`);
    const updated = await changedRows(
      tx,
      `UPDATE project SET ${assignments.join(', ')},
              version = version + 1, updated_at = now(), updated_by = ${params.add(actorId)}
        WHERE id = ${params.add(id)} AND version = ${params.add(version)} AND deleted_at IS NULL RETURNING id`,
      params.values,
    );
    return updated.length > 0;
  }

  /** Soft delete: the project disappears, its history stays. */
  async softDelete(tx: EntityManager, id: string, actorId: string): Promise<void> {
    await tx.query(
      `UPDATE project SET deleted_at = now(), deleted_by = $2, publication_state = 'PRIVATE' WHERE id = $1 AND deleted_at IS NULL`,
      [id, actorId],
    );
  }

  /** Takes the project off the public portal. */
  async deletePublication(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`DELETE FROM project_publication WHERE project_id = $1`, [id]);
  }

  async insertHistory(
    tx: EntityManager,
    projectId: string,
    actorId: string,
    action: ProjectHistoryEntryDto['action'],
    changes: ProjectChangeDto[],
  ): Promise<void> {
    await tx.query(`INSERT INTO project_history (project_id, actor_id, action, changes) VALUES ($1, $2, $3, $4)`, [
      projectId,
      actorId,
      action,
      JSON.stringify(changes),
    ]);
  }

  private search(scope: (params: SqlParams) => string, filters: ProjectFilters): Promise<(ProjectRow & { total: string })[]> {
    const params = new SqlParams();
    const where = scope(params);
    const status = params.add(filters.status);
    const theme = params.add(filters.theme);
    const q = params.add(filters.q);
    return this.db.query(
      `${PROJECT_SELECT.replace('SELECT p.id,', 'SELECT count(*) OVER () AS total, p.id,')}
        WHERE p.deleted_at IS NULL AND ${where}
          AND (${status}::text IS NULL OR p.status = ${status})
          AND (${theme}::text IS NULL OR p.theme = ${theme})
          AND (${q}::text IS NULL OR p.search_key LIKE '%' || search_key(${q}) || '%')
        ORDER BY p.updated_at DESC, p.id
        LIMIT ${params.add(filters.limit)} OFFSET ${params.add(filters.offset)}`,
      params.values,
    );
  }
}

const COLUMNS = [
  'title',
  'summary',
  'description',
  'objectives',
  'theme',
  'status',
  'progress',
  'start_date',
  'end_date',
  'project_lead',
  'partners',
  'latitude',
  'longitude',
  'address',
  'forecast_cost_cents',
  'final_cost_cents',
  'funding_lines',
  'milestones',
  'lessons',
  'evaluation',
];

/** The values of `COLUMNS`, in that order. */
function columnValues(f: ProjectFields): unknown[] {
  return [
    f.title,
    f.summary,
    f.description,
    f.objectives,
    f.theme,
    f.status,
    f.progress,
    f.startDate,
    f.endDate,
    f.projectLead,
    f.partners,
    f.location?.lat ?? null,
    f.location?.lng ?? null,
    f.location?.address ?? null,
    f.forecastCostCents,
    f.finalCostCents,
    JSON.stringify(f.fundingLines),
    JSON.stringify(f.milestones),
    JSON.stringify(f.lessons),
    f.evaluation,
  ];
}
