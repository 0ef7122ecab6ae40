import { Injectable } from '@nestjs/common';
import type { Page, PublicProjectDto, PublicProjectSummaryDto } from '@passerelle/shared/dto';
import { isUuid } from '../common/http/uuid';
import { Clock } from '../common/clock/clock';
import { FileStorage } from '../files/file-storage';
import { openStoredFile, type StoredFile } from '../files/stored-file';
import { type PublicProjectListQueryDto, parseBbox } from './dto/public-query.dto';
import { mapSummary, searchText } from './public-filters';
import { PublicPortalException } from './public-portal.exception';
import { PublicPortalRepository } from './public-portal.repository';
import { GenerationCache, PublishedSet } from './published-set';
import { SerializedJson } from '../common/http/serialized-json';

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
  private readonly pages = new GenerationCache<SerializedJson<Page<PublicProjectSummaryDto>>>(CACHED_PAGES);
  private readonly totals = new GenerationCache<number>(CACHED_PAGES);

  constructor(
    private readonly repository: PublicPortalRepository,
    private readonly published: PublishedSet,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  /** A kept page is kept serialised: sent again, it costs neither `JSON.stringify` nor hashing. */
  async list(query: PublicProjectListQueryDto): Promise<SerializedJson<Page<PublicProjectSummaryDto>>> {
    const filters = JSON.stringify([query.departement, query.theme, query.canton, query.commune, query.year, query.status, searchText(query.q), query.bbox]);
    const generation = await this.published.generation();
    return this.pages.get(JSON.stringify([filters, query.sort, query.limit, query.offset]), generation, async () => new SerializedJson(await this.queryPage(query, filters, generation)));
  }

  /** One page, and the total of its filters (counted once for all the pages and sorts of the same search). */
  private async queryPage(query: PublicProjectListQueryDto, filters: string, generation: string): Promise<Page<PublicProjectSummaryDto>> {
    const bbox = parseBbox(query.bbox);
    const byRelevance = searchText(query.q) !== null && query.sort !== 'recent';
    const [rows, total] = await Promise.all([
      this.repository.summaries(query, bbox, byRelevance, query.limit, query.offset),
      this.totals.get(filters, generation, () => this.repository.count(query, bbox)),
    ]);
    return { items: rows.map(mapSummary), total, limit: query.limit, offset: query.offset };
  }

  async get(slug: string): Promise<PublicProjectDto> {
    assertSlug(slug);
    const row = await this.repository.publication(slug);
    if (!row) {
      throw new PublicPortalException('PROJECT_NOT_FOUND');
    }
    return { ...row.snapshot, slug, publishedAt: row.published_at.toISOString(), reviewedAt: row.reviewed_at.toISOString() };
  }

  /** Same theme first (same canton before others), then the latest of the département to fill the row. */
  async similar(slug: string): Promise<PublicProjectSummaryDto[]> {
    assertSlug(slug);
    const project = await this.repository.similarKey(slug);
    if (!project) {
      throw new PublicPortalException('PROJECT_NOT_FOUND');
    }
    const sameTheme = await this.repository.similar(project, true, SIMILAR_COUNT);
    const others = sameTheme.length < SIMILAR_COUNT ? await this.repository.similar(project, false, SIMILAR_COUNT - sameTheme.length) : [];
    return [...sameTheme, ...others].map(mapSummary);
  }

  /** One more consultation today (Paris time). Only a counter per project and day: nothing about the visitor. */
  async recordView(slug: string): Promise<void> {
    assertSlug(slug);
    if (!(await this.repository.recordView(slug, this.clock.now()))) {
      throw new PublicPortalException('PROJECT_NOT_FOUND');
    }
  }

  /** A document the reviewed snapshot shows; any other (private, deleted, not yet reviewed) is "not found". */
  async openDocument(documentId: string, variant: 'content' | 'thumbnail'): Promise<StoredFile> {
    if (!isUuid(documentId)) {
      throw new PublicPortalException('DOCUMENT_NOT_FOUND');
    }
    const row = await this.repository.publishedDocument(documentId);
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
