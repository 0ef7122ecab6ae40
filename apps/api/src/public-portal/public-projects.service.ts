import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Page, PublicProjectDto, PublicProjectSummaryDto } from '@passerelle/shared/dto';
import { isUuid } from '../common/http/uuid';
import { Clock } from '../common/clock/clock';
import { preparedQuery } from '../database/prepared-query';
import { FileStorage } from '../files/file-storage';
import { openStoredFile, type StoredFile } from '../files/stored-file';
import { type PublicProjectListQueryDto, parseBbox } from './dto/public-query.dto';
import { mapSummary, publicFilterSql, searchText, SUMMARY_COLUMNS, type SummaryRow } from './public-filters';
import { PublicPortalException } from './public-portal.exception';
import { GenerationCache, PublishedSet } from './published-set';

const SIMILAR_COUNT = 4;
/** Pages of results kept per query until the published set changes: searches repeat, publications are rare. */
const CACHED_PAGES = 1_000;
/** What `slugify` makes; anything else cannot be a published project. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The public read side: published projects only, read from the reviewed snapshots in `project_publication`. No
 * query here ever touches the live fiche, so a project that is not published cannot leak through any route.
 */
@Injectable()
export class PublicProjectsService {
  private readonly pages = new GenerationCache<Page<PublicProjectSummaryDto>>(CACHED_PAGES);
  private readonly totals = new GenerationCache<number>(CACHED_PAGES);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly published: PublishedSet,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  async list(query: PublicProjectListQueryDto): Promise<Page<PublicProjectSummaryDto>> {
    const filters = JSON.stringify([query.departement, query.theme, query.canton, query.commune, query.year, query.status, searchText(query.q), query.bbox]);
    const generation = await this.published.generation();
    return this.pages.get(JSON.stringify([filters, query.sort, query.limit, query.offset]), generation, () => this.queryPage(query, filters, generation));
  }

  /** One page, and the total of its filters (counted once for all the pages and sorts of the same search). */
  private async queryPage(query: PublicProjectListQueryDto, filters: string, generation: string): Promise<Page<PublicProjectSummaryDto>> {
    const params: unknown[] = [];
    const where = publicFilterSql(query, params, parseBbox(query.bbox));
    const q = searchText(query.q);
    const byRelevance = q !== null && query.sort !== 'recent';
    const rank = byRelevance ? `ts_rank(pp.search, websearch_to_tsquery('public.french_unaccent', $${params.indexOf(q) + 1}))` : '0::real';
    // The page is chosen on the narrow columns first; only its rows are then read out of their snapshots. Planned
    // at each call (not prepared): a generic plan cannot know how selective the searched words are.
    const [rows, total]: [SummaryRow[], number] = await Promise.all([
      this.db.query(
        `SELECT ${SUMMARY_COLUMNS}
           FROM (SELECT pp.project_id, ${rank} AS rank, pp.published_at, pp.slug FROM project_publication pp WHERE ${where}
                  ORDER BY rank DESC, pp.published_at DESC, pp.slug LIMIT $${params.length + 1} OFFSET $${params.length + 2}) page
           JOIN project_publication pp ON pp.project_id = page.project_id
          ORDER BY page.rank DESC, page.published_at DESC, page.slug`,
        [...params, query.limit, query.offset],
      ),
      this.totals.get(filters, generation, async () => {
        const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM project_publication pp WHERE ${where}`, params);
        return total as number;
      }),
    ]);
    return { items: rows.map(mapSummary), total, limit: query.limit, offset: query.offset };
  }

  async get(slug: string): Promise<PublicProjectDto> {
    assertSlug(slug);
    const [row] = await preparedQuery<{ snapshot: Omit<PublicProjectDto, 'slug' | 'publishedAt' | 'reviewedAt'>; published_at: Date; reviewed_at: Date }>(
      this.db,
      `SELECT snapshot, published_at, reviewed_at FROM project_publication WHERE slug = $1`,
      [slug],
    );
    if (!row) {
      throw new PublicPortalException('PROJECT_NOT_FOUND');
    }
    return { ...row.snapshot, slug, publishedAt: row.published_at.toISOString(), reviewedAt: row.reviewed_at.toISOString() };
  }

  /** Same theme first (same canton before others), then the latest of the département to fill the row. */
  async similar(slug: string): Promise<PublicProjectSummaryDto[]> {
    assertSlug(slug);
    const [project] = await this.db.query(`SELECT project_id, departement_code, theme, canton_code FROM project_publication WHERE slug = $1`, [slug]);
    if (!project) {
      throw new PublicPortalException('PROJECT_NOT_FOUND');
    }
    const sameTheme: SummaryRow[] = await this.db.query(
      `SELECT ${SUMMARY_COLUMNS} FROM project_publication pp
        WHERE pp.departement_code = $1 AND pp.theme = $2 AND pp.project_id <> $3
        ORDER BY (pp.canton_code IS NOT DISTINCT FROM $4) DESC, pp.published_at DESC LIMIT ${SIMILAR_COUNT}`,
      [project.departement_code, project.theme, project.project_id, project.canton_code],
    );
    const others: SummaryRow[] =
      sameTheme.length < SIMILAR_COUNT
        ? await this.db.query(
            `SELECT ${SUMMARY_COLUMNS} FROM project_publication pp
              WHERE pp.departement_code = $1 AND pp.theme <> $2 AND pp.project_id <> $3
              ORDER BY (pp.canton_code IS NOT DISTINCT FROM $4) DESC, pp.published_at DESC LIMIT ${SIMILAR_COUNT - sameTheme.length}`,
            [project.departement_code, project.theme, project.project_id, project.canton_code],
          )
        : [];
    return [...sameTheme, ...others].map(mapSummary);
  }

  /** One more consultation today (Paris time). Only a counter per project and day: nothing about the visitor. */
  async recordView(slug: string): Promise<void> {
    assertSlug(slug);
    const rows = await this.db.query(
      `INSERT INTO project_view_day AS v (project_id, day, count)
       SELECT pp.project_id, ($2::timestamptz AT TIME ZONE 'Europe/Paris')::date, 1 FROM project_publication pp WHERE pp.slug = $1
       ON CONFLICT (project_id, day) DO UPDATE SET count = v.count + 1
       RETURNING v.project_id`,
      [slug, this.clock.now()],
    );
    if (!rows.length) {
      throw new PublicPortalException('PROJECT_NOT_FOUND');
    }
  }

  /** A document the reviewed snapshot shows; any other (private, deleted, not yet reviewed) is "not found". */
  async openDocument(documentId: string, variant: 'content' | 'thumbnail'): Promise<StoredFile> {
    if (!isUuid(documentId)) {
      throw new PublicPortalException('DOCUMENT_NOT_FOUND');
    }
    const [row] = await this.db.query(
      `SELECT d.filename, d.mime_type, d.kind, d.storage_key, d.thumbnail_key
         FROM document d JOIN project_publication pp ON pp.project_id = d.project_id AND d.id = ANY (pp.document_ids)
        WHERE d.id = $1 AND d.deleted_at IS NULL`,
      [documentId],
    );
    const file = row ? await openStoredFile(this.storage, row, variant) : null;
    if (!file) {
      throw new PublicPortalException('DOCUMENT_NOT_FOUND');
    }
    return file;
  }
}

function assertSlug(slug: string): void {
  if (slug.length > 200 || !SLUG_PATTERN.test(slug)) {
    throw new PublicPortalException('PROJECT_NOT_FOUND');
  }
}
