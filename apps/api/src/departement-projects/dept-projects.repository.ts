import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { DeptProjectInput, Outline, ProjectStatus, ProjectTheme } from '@passerelle/shared/dto';
import { SqlParams } from '../common/sql/sql-params';
import { changedRows } from '../database/changed-rows';
import { DEPT_PROJECT_SELECT, type DeptProjectRow } from './dept-project.mapper';

/** Every column of the fiche, as the service computes it before writing (cantons are written apart). */
export type DeptProjectFields = Required<Omit<DeptProjectInput, 'cantonCodes'>> & { mapPoint: { lat: number; lng: number } | null };

export interface DeptProjectFilters {
  q: string | null;
  status: ProjectStatus | null;
  theme: ProjectTheme | null;
  axis: string | null;
  canton: string | null;
  leadId: string | null;
  limit: number;
  offset: number;
}

type Reader = Pick<EntityManager, 'query'>;

/**
 * The SQL of the département's own projects. Every read names the département (tenancy in the query): a project of
 * another département, or a deleted one, is simply not found.
 */
@Injectable()
export class DeptProjectsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(manager: Reader, id: string, departementCode: string): Promise<DeptProjectRow | undefined> {
    const rows: DeptProjectRow[] = await manager.query(
      `${DEPT_PROJECT_SELECT} WHERE p.id = $1 AND p.departement_code = $2 AND p.deleted_at IS NULL`,
      [id, departementCode],
    );
    return rows[0];
  }

  /** Locks the project's row for a change that reads then writes it (a review, an edit). */
  async lock(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`SELECT id FROM dept_project WHERE id = $1 FOR UPDATE`, [id]);
  }

  search(departementCode: string, f: DeptProjectFilters): Promise<(DeptProjectRow & { total: number })[]> {
    const params = new SqlParams();
    const code = params.add(departementCode);
    const q = params.add(f.q);
    const status = params.add(f.status);
    const theme = params.add(f.theme);
    const axis = params.add(f.axis);
    const canton = params.add(f.canton);
    const lead = params.add(f.leadId);
    return this.db.query(
      `${DEPT_PROJECT_SELECT.replace('SELECT p.id,', 'SELECT count(*) OVER ()::int AS total, p.id,')}
        WHERE p.departement_code = ${code} AND p.deleted_at IS NULL
          AND (${q}::text IS NULL OR p.search @@ websearch_to_tsquery('french_unaccent', ${q}) OR p.title ILIKE '%' || ${q} || '%')
          AND (${status}::text IS NULL OR p.status = ${status})
          AND (${theme}::text IS NULL OR p.theme = ${theme})
          AND (${axis}::uuid IS NULL OR p.axis_id = ${axis})
          AND (${canton}::text IS NULL OR EXISTS (SELECT 1 FROM dept_project_canton pc WHERE pc.project_id = p.id AND pc.canton_code = ${canton}))
          AND (${lead}::uuid IS NULL OR p.lead_id = ${lead})
        ORDER BY p.updated_at DESC, p.id
        LIMIT ${params.add(f.limit)} OFFSET ${params.add(f.offset)}`,
      params.values,
    );
  }

  async cantonCodes(id: string): Promise<string[]> {
    const rows: { canton_code: string }[] = await this.db.query(
      `SELECT canton_code FROM dept_project_canton WHERE project_id = $1 ORDER BY canton_code`,
      [id],
    );
    return rows.map((r) => r.canton_code);
  }

  /** The codes among `codes` that are cantons of the département. */
  async existingCantons(departementCode: string, codes: string[]): Promise<string[]> {
    const rows: { code: string }[] = await this.db.query(`SELECT code FROM canton WHERE departement_code = $1 AND code = ANY($2::text[])`, [
      departementCode,
      codes,
    ]);
    return rows.map((r) => r.code);
  }

  async axisExists(departementCode: string, axisId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM programme_axis WHERE id = $1 AND departement_code = $2`, [axisId, departementCode]);
    return rows.length > 0;
  }

  /** An account that may lead a project of the département: an active agent or admin of it. */
  async isActiveStaff(departementCode: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM app_user WHERE id = $1 AND departement_code = $2 AND role IN ('AGENT', 'ADMIN') AND state = 'ACTIVE' AND deleted_at IS NULL`,
      [userId, departementCode],
    );
    return rows.length > 0;
  }

  /** The communes of the département nearest to a point (by their centre), with their outline and canton. */
  nearestCommunes(departementCode: string, lat: number, lng: number, limit: number): Promise<{ canton_code: string | null; outline: Outline | null }[]> {
    // Longitudes shrink with the latitude: compare in a local plane, good enough within a département.
    return this.db.query(
      `SELECT canton_code, outline FROM commune
        WHERE departement_code = $1 AND latitude IS NOT NULL AND longitude IS NOT NULL
        ORDER BY (latitude - $2) ^ 2 + ((longitude - $3) * cos(radians($2))) ^ 2
        LIMIT $4`,
      [departementCode, lat, lng, limit],
    );
  }

  /** The middle of the communes of these cantons (their centres' mean); `null` when none has a centre. */
  async cantonsCentre(codes: string[]): Promise<{ lat: number; lng: number } | null> {
    const [row]: { lat: number | null; lng: number | null }[] = await this.db.query(
      `SELECT avg(latitude) AS lat, avg(longitude) AS lng FROM commune WHERE canton_code = ANY($1::text[]) AND latitude IS NOT NULL AND longitude IS NOT NULL`,
      [codes],
    );
    return !row || row.lat === null || row.lng === null ? null : { lat: Number(row.lat), lng: Number(row.lng) };
  }

  async insert(tx: EntityManager, departementCode: string, actorId: string, fields: DeptProjectFields): Promise<string> {
    const params = new SqlParams();
    const code = params.add(departementCode);
    const actor = params.add(actorId);
    const values = columnValues(fields).map((value) => params.add(value));
    const [created]: { id: string }[] = await tx.query(
      `INSERT INTO dept_project (departement_code, created_by, updated_by, ${COLUMNS.join(', ')})
       VALUES (${code}, ${actor}, ${actor}, ${values.join(', ')}) RETURNING id`,
      params.values,
    );
    return created.id;
  }

  /** Writes every column if the project is still at `version`; false when it is not (or was deleted). */
  async updateAtVersion(tx: EntityManager, id: string, version: number, actorId: string, fields: DeptProjectFields): Promise<boolean> {
    const params = new SqlParams();
    const assignments = columnValues(fields).map((value, i) => `${COLUMNS[i]} = ${params.add(value)}`);
    const updated = await changedRows(
      tx,
      `UPDATE dept_project SET ${assignments.join(', ')}, version = version + 1, updated_at = now(), updated_by = ${params.add(actorId)}
        WHERE id = ${params.add(id)} AND version = ${params.add(version)} AND deleted_at IS NULL RETURNING id`,
      params.values,
    );
    return updated.length > 0;
  }

  async replaceCantons(tx: EntityManager, id: string, codes: string[]): Promise<void> {
    await tx.query(`DELETE FROM dept_project_canton WHERE project_id = $1`, [id]);
    await tx.query(`INSERT INTO dept_project_canton (project_id, canton_code) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [id, codes]);
  }

  /** Soft delete: the project leaves the public pages at once (they read `deleted_at IS NULL`). */
  async softDelete(tx: EntityManager, id: string, actorId: string): Promise<boolean> {
    const rows = await changedRows(
      tx,
      `UPDATE dept_project SET deleted_at = now(), updated_at = now(), updated_by = $2, version = version + 1
        WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
      [id, actorId],
    );
    return rows.length > 0;
  }

  /** What an approved report changes in its project: its progress (when it is the latest), its milestones. */
  async applyReport(tx: EntityManager, id: string, progress: number | null, milestones: unknown[]): Promise<void> {
    await tx.query(
      `UPDATE dept_project SET progress = coalesce($2, progress), milestones = $3, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, progress, JSON.stringify(milestones)],
    );
  }

  /** The first approval gives the project its address and its publication date, once. */
  async publish(tx: EntityManager, id: string, slug: string, at: Date): Promise<void> {
    await tx.query(`UPDATE dept_project SET slug = $2, published_at = $3 WHERE id = $1 AND slug IS NULL`, [id, slug, at]);
  }

  async slugsLike(tx: EntityManager, base: string): Promise<string[]> {
    const rows: { slug: string }[] = await tx.query(`SELECT slug FROM dept_project WHERE slug = $1 OR slug LIKE $1 || '-%'`, [base]);
    return rows.map((r) => r.slug);
  }

  dailyViews(projectId: string, now: Date): Promise<{ day: string; count: number }[]> {
    return this.db.query(
      `WITH today AS (SELECT ($2::timestamptz AT TIME ZONE 'Europe/Paris')::date AS d)
       SELECT to_char(s.day, 'YYYY-MM-DD') AS day, coalesce(v.count, 0)::int AS count
         FROM today, generate_series(today.d - 29, today.d, interval '1 day') AS s(day)
         LEFT JOIN dept_project_view_day v ON v.project_id = $1 AND v.day = s.day::date
        ORDER BY s.day`,
      [projectId, now],
    );
  }

  async totalViews(projectId: string): Promise<number> {
    const [{ total }]: { total: number }[] = await this.db.query(
      `SELECT coalesce(sum(count), 0)::int AS total FROM dept_project_view_day WHERE project_id = $1`,
      [projectId],
    );
    return total;
  }
}

const COLUMNS = [
  'title',
  'summary',
  'description',
  'objectives',
  'resources',
  'partners',
  'theme',
  'status',
  'progress',
  'start_date',
  'end_date',
  'latitude',
  'longitude',
  'address',
  'map_latitude',
  'map_longitude',
  'axis_id',
  'lead_id',
  'forecast_cost_cents',
  'final_cost_cents',
  'funding_lines',
  'milestones',
  'evaluation',
  'lessons',
];

/** The values of `COLUMNS`, in that order. */
function columnValues(f: DeptProjectFields): unknown[] {
  return [
    f.title,
    f.summary,
    f.description,
    f.objectives,
    f.resources,
    f.partners,
    f.theme,
    f.status,
    f.progress,
    f.startDate,
    f.endDate,
    f.location?.lat ?? null,
    f.location?.lng ?? null,
    f.location?.address ?? null,
    f.mapPoint?.lat ?? null,
    f.mapPoint?.lng ?? null,
    f.axisId,
    f.leadId,
    f.forecastCostCents,
    f.finalCostCents,
    JSON.stringify(f.fundingLines),
    JSON.stringify(f.milestones),
    f.evaluation,
    JSON.stringify(f.lessons),
  ];
}
