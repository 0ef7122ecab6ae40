import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ProjectTheme, PublicProjectDto, PublicProjectFilters } from '@passerelle/shared/dto';
import { preparedQuery } from '../database/prepared-query';
import { SqlParams } from '../common/sql/sql-params';
import type { StoredFileRow } from '../files/stored-file';
import { publicFilterSql, searchText, SUMMARY_COLUMNS, type SummaryRow } from './public-filters';

type Bbox = [number, number, number, number];
export type PublicSnapshot = Omit<PublicProjectDto, 'slug' | 'publishedAt' | 'reviewedAt'>;

export interface PublicationRow {
  snapshot: PublicSnapshot;
  published_at: Date;
  reviewed_at: Date;
}

/** What the similar projects of one publication are chosen by. */
export interface SimilarKeyRow {
  project_id: string;
  departement_code: string;
  theme: ProjectTheme;
  canton_code: string | null;
}

export interface MapPointRow {
  slug: string;
  title: string;
  theme: ProjectTheme;
  commune_name: string;
  year: number | null;
  longitude: number;
  latitude: number;
}

export interface OpenDataRow {
  slug: string;
  departement_code: string;
  year: number | null;
  latitude: number | null;
  longitude: number | null;
  published_at: Date;
  reviewed_at: Date;
  snapshot: PublicSnapshot;
}

const OPEN_DATA_ROW_COLUMNS = `pp.slug, pp.departement_code, pp.year, pp.latitude, pp.longitude, pp.published_at, pp.reviewed_at, pp.snapshot`;

/**
 * The SQL of the public portal. Every statement reads `project_publication` (the reviewed snapshots), never the
 * live fiche, so a project that is not published cannot leak through any route.
 */
@Injectable()
export class PublicPortalRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The version of the published set (`public_portal_state.generation`, moved by a trigger on every change). */
  async generation(): Promise<string> {
    const [{ generation }] = await preparedQuery<{ generation: string }>(this.db, 'SELECT generation FROM public_portal_state', []);
    return generation;
  }

  /**
   * One page of summaries, by relevance to the searched words when `byRelevance`, else the latest first. The page
   * is chosen on the narrow columns first; only its rows are then read out of their snapshots. A prepared statement
   * per combination of filters: its generic plan reads the (département, words) index, and the words are parsed
   * once per call (`query`), not once per ranked row.
   */
  summaries(filters: PublicProjectFilters, bbox: Bbox | null, byRelevance: boolean, limit: number, offset: number): Promise<SummaryRow[]> {
    const params = new SqlParams();
    const where = publicFilterSql(filters, params, bbox);
    const q = searchText(filters.q);
    const ranked = byRelevance && q !== null;
    const from = ranked ? `project_publication pp, websearch_to_tsquery('public.french_unaccent', ${params.add(q)}) AS query` : 'project_publication pp';
    return preparedQuery<SummaryRow>(
      this.db,
      `SELECT ${SUMMARY_COLUMNS}
         FROM (SELECT pp.project_id, ${ranked ? 'ts_rank(pp.search, query)' : '0::real'} AS rank, pp.published_at, pp.slug FROM ${from} WHERE ${where}
                ORDER BY rank DESC, pp.published_at DESC, pp.slug LIMIT ${params.add(limit)} OFFSET ${params.add(offset)}) page
         JOIN project_publication pp ON pp.project_id = page.project_id
        ORDER BY page.rank DESC, page.published_at DESC, page.slug`,
      params.values,
    );
  }

  async count(filters: PublicProjectFilters, bbox: Bbox | null): Promise<number> {
    const params = new SqlParams();
    const where = publicFilterSql(filters, params, bbox);
    const [{ total }] = await preparedQuery<{ total: number }>(this.db, `SELECT count(*)::int AS total FROM project_publication pp WHERE ${where}`, params.values);
    return total;
  }

  async publication(slug: string): Promise<PublicationRow | undefined> {
    const [row] = await preparedQuery<PublicationRow>(this.db, `SELECT snapshot, published_at, reviewed_at FROM project_publication WHERE slug = $1`, [slug]);
    return row;
  }

  async similarKey(slug: string): Promise<SimilarKeyRow | undefined> {
    const [row]: SimilarKeyRow[] = await this.db.query(`SELECT project_id, departement_code, theme, canton_code FROM project_publication WHERE slug = $1`, [
      slug,
    ]);
    return row;
  }

  /** Projects of the same département (same theme or the others), the same canton first, the latest first. */
  similar(key: SimilarKeyRow, sameTheme: boolean, limit: number): Promise<SummaryRow[]> {
    return this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM project_publication pp
        WHERE pp.departement_code = $1 AND pp.theme ${sameTheme ? '=' : '<>'} $2 AND pp.project_id <> $3
        ORDER BY (pp.canton_code IS NOT DISTINCT FROM $4) DESC, pp.published_at DESC LIMIT ${limit}`,
      [key.departement_code, key.theme, key.project_id, key.canton_code],
    );
  }

  /** One more consultation on the day of `at` (Paris time); false when no published project has this slug. */
  async recordView(slug: string, at: Date): Promise<boolean> {
    const rows: { project_id: string }[] = await this.db.query(
      `INSERT INTO project_view_day AS v (project_id, day, count)
       SELECT pp.project_id, ($2::timestamptz AT TIME ZONE 'Europe/Paris')::date, 1 FROM project_publication pp WHERE pp.slug = $1
       ON CONFLICT (project_id, day) DO UPDATE SET count = v.count + 1
       RETURNING v.project_id`,
      [slug, at],
    );
    return rows.length > 0;
  }

  /** A live document the reviewed snapshot of its project shows. */
  async publishedDocument(documentId: string): Promise<StoredFileRow | undefined> {
    const [row]: StoredFileRow[] = await this.db.query(
      `SELECT d.filename, d.mime_type, d.kind, d.storage_key, d.thumbnail_key
         FROM document d JOIN project_publication pp ON pp.project_id = d.project_id AND d.id = ANY (pp.document_ids)
        WHERE d.id = $1 AND d.deleted_at IS NULL`,
      [documentId],
    );
    return row;
  }

  /** The located projects of the filters, for the map. */
  mapPoints(filters: PublicProjectFilters): Promise<MapPointRow[]> {
    const params = new SqlParams();
    const where = publicFilterSql(filters, params);
    return this.db.query(
      `SELECT pp.slug, pp.snapshot ->> 'title' AS title, pp.theme, pp.snapshot -> 'commune' ->> 'name' AS commune_name, pp.year,
              pp.longitude, pp.latitude
         FROM project_publication pp
        WHERE ${where} AND pp.latitude IS NOT NULL AND pp.longitude IS NOT NULL`,
      params.values,
    );
  }

  /** The latest publications of the filters (the Atom feed). */
  latest(filters: PublicProjectFilters, limit: number): Promise<OpenDataRow[]> {
    const params = new SqlParams();
    const where = publicFilterSql(filters, params);
    return this.db.query(
      `SELECT ${OPEN_DATA_ROW_COLUMNS}
         FROM project_publication pp WHERE ${where} ORDER BY pp.published_at DESC, pp.slug LIMIT ${limit}`,
      params.values,
    );
  }

  /** One batch of the open data, in slug order after `after` (keyset pagination: '' starts). */
  openDataBatch(filters: PublicProjectFilters, after: string, limit: number): Promise<OpenDataRow[]> {
    const params = new SqlParams();
    const where = publicFilterSql(filters, params);
    return this.db.query(
      `SELECT ${OPEN_DATA_ROW_COLUMNS}
         FROM project_publication pp WHERE ${where} AND pp.slug > ${params.add(after)} ORDER BY pp.slug LIMIT ${limit}`,
      params.values,
    );
  }
}
