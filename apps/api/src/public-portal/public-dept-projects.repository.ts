import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type {
  CantonRefDto,
  FundingLineDto,
  LessonsDto,
  MilestoneDto,
  ProjectStatus,
  ProjectTheme,
  PublicProjectFilters,
} from '@passerelle/shared/dto';
import { preparedQuery } from '../database/prepared-query';
import { SqlParams } from '../common/sql/sql-params';
import type { StoredFileRow } from '../files/stored-file';
import { searchText } from './public-filters';

/** The filters of the département's projects on the public side (the list, the map, the feed). */
export interface DeptFilters {
  departement?: string;
  q?: string;
  theme?: ProjectTheme;
  status?: ProjectStatus;
  canton?: string;
  axis?: string;
  year?: number;
}

/** What a published report holds (`dept_project_report.published`), as the review wrote it. */
export interface PublishedReportJson {
  reportedOn?: string;
  done?: string;
  difficulties?: string;
  nextSteps?: string;
  progress?: number;
  milestonesReached?: unknown;
  photoIds?: unknown;
  videos?: unknown;
}

export interface DeptSummaryRow {
  slug: string;
  title: string;
  summary: string;
  theme: ProjectTheme;
  status: ProjectStatus;
  progress: number;
  latitude: number | null;
  longitude: number | null;
  published_at: Date;
  axis_id: string | null;
  axis_label: string | null;
  cantons: CantonRefDto[];
  last_report_on: string | null;
  cover_id: string | null;
}

export interface DeptProjectRow extends Omit<DeptSummaryRow, 'last_report_on' | 'cover_id'> {
  id: string;
  departement_code: string;
  departement_name: string;
  has_point: boolean;
  description: string;
  objectives: string;
  resources: string;
  partners: string;
  start_date: string | null;
  end_date: string | null;
  address: string | null;
  forecast_cost_cents: string | null;
  final_cost_cents: string | null;
  funding_lines: FundingLineDto[];
  milestones: MilestoneDto[];
  evaluation: string;
  lessons: LessonsDto;
  /** Published reports, newest first. */
  reports: { published: PublishedReportJson; published_at: string }[];
}

export interface DeptPhotoRow {
  id: string;
  filename: string;
  alt: string;
  mime_type: string;
  size_bytes: string;
}

export interface PublicAxisRow {
  id: string;
  label: string;
  description: string;
  published_count: number;
}

export interface DeptMapPointRow {
  slug: string;
  title: string;
  theme: ProjectTheme;
  status: ProjectStatus;
  progress: number;
  year: number | null;
  canton_names: string[];
  longitude: number;
  latitude: number;
}

export interface DeptFeedRow {
  report_id: string;
  reported_on: string | null;
  done: string | null;
  published_at: Date;
  slug: string;
  title: string;
  theme: ProjectTheme;
  departement_name: string;
}

/** A project the public sees: published once, not deleted. */
const PUBLIC = `p.published_at IS NOT NULL AND p.deleted_at IS NULL`;
/** A report the public sees: its reviewed text. */
const REVIEWED = `r.published IS NOT NULL`;
/** Year of a département project: of its end date, else of its first publication (Paris time). */
const YEAR = `extract(year FROM coalesce(p.end_date, (p.published_at AT TIME ZONE 'Europe/Paris')::date))::int`;
/** The photo ids of a published report, whatever was stored (a missing key reads as none). */
const PHOTO_IDS = `CASE WHEN jsonb_typeof(r.published -> 'photoIds') = 'array' THEN r.published -> 'photoIds' ELSE '[]'::jsonb END`;
const CANTONS = `coalesce((SELECT jsonb_agg(jsonb_build_object('code', c.code, 'name', c.name) ORDER BY c.name)
                             FROM dept_project_canton dc JOIN canton c ON c.code = dc.canton_code WHERE dc.project_id = p.id), '[]'::jsonb)`;

/**
 * The SQL of the département's projects on the public side. Every statement keeps to public projects
 * (`published_at` set, not deleted) and reads reports only through their reviewed text (`published`): a draft, a
 * report waiting for review or the live text of a published report edited since cannot leak through any route.
 */
@Injectable()
export class PublicDeptProjectsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One page, the latest published first; the page is chosen on the project's own columns, then completed. */
  summaries(filters: DeptFilters, limit: number, offset: number): Promise<DeptSummaryRow[]> {
    const params = new SqlParams();
    const where = deptFilterSql(filters, params);
    return preparedQuery<DeptSummaryRow>(
      this.db,
      `SELECT p.slug, p.title, p.summary, p.theme, p.status, p.progress, p.map_latitude AS latitude, p.map_longitude AS longitude,
              p.published_at, a.id AS axis_id, a.label AS axis_label, ${CANTONS} AS cantons,
              (SELECT max(r.published ->> 'reportedOn') FROM dept_project_report r WHERE r.project_id = p.id AND ${REVIEWED}) AS last_report_on,
              (SELECT ph.id FROM dept_project_report r
                 CROSS JOIN LATERAL jsonb_array_elements_text(${PHOTO_IDS}) WITH ORDINALITY AS x(id, n)
                 JOIN dept_project_photo ph ON ph.project_id = p.id AND ph.id::text = x.id
                WHERE r.project_id = p.id AND ${REVIEWED}
                ORDER BY r.published ->> 'reportedOn' DESC, r.published_at DESC, x.n LIMIT 1) AS cover_id
         FROM (SELECT p.id FROM dept_project p WHERE ${where}
                ORDER BY p.published_at DESC, p.slug LIMIT ${params.add(limit)} OFFSET ${params.add(offset)}) page
         JOIN dept_project p ON p.id = page.id
         LEFT JOIN programme_axis a ON a.id = p.axis_id
        ORDER BY p.published_at DESC, p.slug`,
      params.values,
    );
  }

  async count(filters: DeptFilters): Promise<number> {
    const params = new SqlParams();
    const where = deptFilterSql(filters, params);
    const [{ total }] = await preparedQuery<{ total: number }>(this.db, `SELECT count(*)::int AS total FROM dept_project p WHERE ${where}`, params.values);
    return total;
  }

  /** The live fiche of a public project, with its cantons and its reviewed reports (newest first). */
  async project(slug: string): Promise<DeptProjectRow | undefined> {
    const [row] = await preparedQuery<DeptProjectRow>(
      this.db,
      `SELECT p.id, p.slug, p.title, p.summary, p.theme, p.status, p.progress, p.map_latitude AS latitude, p.map_longitude AS longitude,
              p.published_at, a.id AS axis_id, a.label AS axis_label, ${CANTONS} AS cantons, p.latitude IS NOT NULL AS has_point,
              d.code AS departement_code, d.name AS departement_name, p.description, p.objectives, p.resources, p.partners,
              to_char(p.start_date, 'YYYY-MM-DD') AS start_date, to_char(p.end_date, 'YYYY-MM-DD') AS end_date, p.address,
              p.forecast_cost_cents, p.final_cost_cents, p.funding_lines, p.milestones, p.evaluation, p.lessons,
              coalesce((SELECT jsonb_agg(jsonb_build_object('published', r.published, 'published_at', r.published_at)
                                         ORDER BY r.published ->> 'reportedOn' DESC, r.published_at DESC)
                          FROM dept_project_report r WHERE r.project_id = p.id AND ${REVIEWED}), '[]'::jsonb) AS reports
         FROM dept_project p
         JOIN departement d ON d.code = p.departement_code
         LEFT JOIN programme_axis a ON a.id = p.axis_id
        WHERE p.slug = $1 AND ${PUBLIC}`,
      [slug],
    );
    return row;
  }

  /** Photos of one project among `ids` (the ones its reviewed reports name; a deleted one is simply absent). */
  photos(projectId: string, ids: string[]): Promise<DeptPhotoRow[]> {
    if (!ids.length) {
      return Promise.resolve([]);
    }
    return preparedQuery<DeptPhotoRow>(
      this.db,
      `SELECT id, filename, alt, mime_type, size_bytes FROM dept_project_photo WHERE project_id = $1 AND id = ANY ($2::uuid[])`,
      [projectId, ids],
    );
  }

  /** One more consultation on the day of `at` (Paris time); false when no public project has this slug. */
  async recordView(slug: string, at: Date): Promise<boolean> {
    const rows: { project_id: string }[] = await this.db.query(
      `INSERT INTO dept_project_view_day AS v (project_id, day, count)
       SELECT p.id, ($2::timestamptz AT TIME ZONE 'Europe/Paris')::date, 1 FROM dept_project p WHERE p.slug = $1 AND ${PUBLIC}
       ON CONFLICT (project_id, day) DO UPDATE SET count = v.count + 1
       RETURNING v.project_id`,
      [slug, at],
    );
    return rows.length > 0;
  }

  /** A photo a reviewed report of a public project shows. */
  async publicPhoto(photoId: string): Promise<StoredFileRow | undefined> {
    const [row]: StoredFileRow[] = await this.db.query(
      `SELECT ph.filename, ph.mime_type, 'PHOTO' AS kind, ph.storage_key, ph.thumbnail_key
         FROM dept_project_photo ph JOIN dept_project p ON p.id = ph.project_id
        WHERE ph.id = $1 AND ${PUBLIC}
          AND EXISTS (SELECT 1 FROM dept_project_report r WHERE r.project_id = p.id AND ${REVIEWED} AND ${PHOTO_IDS} ? $1::text)`,
      [photoId],
    );
    return row;
  }

  /** The axes of a département, in its order, each with its public projects counted. */
  axes(departementCode: string): Promise<PublicAxisRow[]> {
    return preparedQuery<PublicAxisRow>(
      this.db,
      `SELECT a.id, a.label, a.description,
              (SELECT count(*)::int FROM dept_project p WHERE p.axis_id = a.id AND ${PUBLIC}) AS published_count
         FROM programme_axis a WHERE a.departement_code = $1 ORDER BY a.position, a.label`,
      [departementCode],
    );
  }

  async departementExists(code: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM departement WHERE code = $1`, [code]);
    return rows.length > 0;
  }

  /** The located public projects of the filters, for the map (at their map point). */
  mapPoints(filters: DeptFilters): Promise<DeptMapPointRow[]> {
    const params = new SqlParams();
    const where = deptFilterSql(filters, params);
    return this.db.query(
      `SELECT p.slug, p.title, p.theme, p.status, p.progress, ${YEAR} AS year, p.map_longitude AS longitude, p.map_latitude AS latitude,
              coalesce((SELECT array_agg(c.name ORDER BY c.name) FROM dept_project_canton dc JOIN canton c ON c.code = dc.canton_code
                         WHERE dc.project_id = p.id), '{}') AS canton_names
         FROM dept_project p
        WHERE ${where} AND p.map_latitude IS NOT NULL AND p.map_longitude IS NOT NULL`,
      params.values,
    );
  }

  /** The latest reviewed reports of public projects of the filters (the Atom feed), the latest published first. */
  latestReports(filters: DeptFilters, limit: number): Promise<DeptFeedRow[]> {
    const params = new SqlParams();
    const where = deptFilterSql(filters, params);
    return this.db.query(
      `SELECT r.id AS report_id, r.published ->> 'reportedOn' AS reported_on, r.published ->> 'done' AS done, r.published_at,
              p.slug, p.title, p.theme, d.name AS departement_name
         FROM dept_project_report r
         JOIN dept_project p ON p.id = r.project_id
         JOIN departement d ON d.code = p.departement_code
        WHERE ${REVIEWED} AND ${where}
        ORDER BY r.published_at DESC, r.id LIMIT ${params.add(limit)}`,
      params.values,
    );
  }
}

/** The public filters as département projects read them; the commune filter is the caller's (it excludes them). */
export function deptFiltersOf(filters: PublicProjectFilters & { axis?: string }): DeptFilters {
  return {
    departement: filters.departement,
    q: filters.q,
    theme: filters.theme,
    status: filters.status,
    canton: filters.canton,
    axis: filters.axis,
    year: filters.year,
  };
}

/** The WHERE clause (public projects only, then the filters), every value bound in `params`. */
function deptFilterSql(filters: DeptFilters, params: SqlParams): string {
  const where = [PUBLIC];
  if (filters.departement) {
    where.push(`p.departement_code = ${params.add(filters.departement)}`);
  }
  if (filters.theme) {
    where.push(`p.theme = ${params.add(filters.theme)}`);
  }
  if (filters.status) {
    where.push(`p.status = ${params.add(filters.status)}`);
  }
  if (filters.axis) {
    where.push(`p.axis_id = ${params.add(filters.axis)}::uuid`);
  }
  if (filters.canton) {
    where.push(`EXISTS (SELECT 1 FROM dept_project_canton dc WHERE dc.project_id = p.id AND dc.canton_code = ${params.add(filters.canton)})`);
  }
  if (filters.year) {
    where.push(`${YEAR} = ${params.add(filters.year)}`);
  }
  const q = searchText(filters.q);
  if (q) {
    where.push(`p.search @@ websearch_to_tsquery('public.french_unaccent', ${params.add(q)})`);
  }
  return where.join(' AND ');
}
