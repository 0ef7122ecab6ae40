import { Injectable } from '@nestjs/common';
import type { Page, PublicAxisDto, PublicDeptProjectDto, PublicDeptProjectSummaryDto } from '@passerelle/shared/dto';
import { Clock } from '../common/clock/clock';
import { isUuid } from '../common/http/uuid';
import { SerializedJson } from '../common/http/serialized-json';
import { FileStorage } from '../files/file-storage';
import { openStoredFile, type StoredFile } from '../files/stored-file';
import type { PublicDeptProjectListQueryDto } from './dto/public-dept-query.dto';
import { searchText } from './public-filters';
import { mapDeptProject, mapDeptSummary, photoIdsOf } from './public-dept-projects.mapper';
import { PublicDeptProjectsRepository } from './public-dept-projects.repository';
import { PublicPortalException } from './public-portal.exception';
import { SLUG_PATTERN } from './public-projects.service';
import { GenerationCache, PublishedSet } from './published-set';

/** Pages and fiches kept until the published set changes (a report reviewed, a fiche edited, a project deleted). */
const CACHED_PAGES = 500;
const CACHED_PROJECTS = 500;
const CACHED_AXES = 20;

/**
 * The public side of the département's projects: public projects only (published once, not deleted), their live
 * fiche and their reports as reviewed. Answers are kept per generation of the published set, which the
 * migration's triggers move on every change of the tables read here.
 */
@Injectable()
export class PublicDeptProjectsService {
  private readonly pages = new GenerationCache<SerializedJson<Page<PublicDeptProjectSummaryDto>>>(CACHED_PAGES);
  private readonly totals = new GenerationCache<number>(CACHED_PAGES);
  private readonly projects = new GenerationCache<PublicDeptProjectDto | null>(CACHED_PROJECTS);
  private readonly axesCache = new GenerationCache<PublicAxisDto[] | null>(CACHED_AXES);

  constructor(
    private readonly repository: PublicDeptProjectsRepository,
    private readonly published: PublishedSet,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
  ) {}

  async list(query: PublicDeptProjectListQueryDto): Promise<SerializedJson<Page<PublicDeptProjectSummaryDto>>> {
    const filters = JSON.stringify([query.departement, query.theme, query.status, query.canton, query.axis?.toLowerCase(), searchText(query.q)]);
    const generation = await this.published.generation();
    return this.pages.get(JSON.stringify([filters, query.limit, query.offset]), generation, async () => {
      const [rows, total] = await Promise.all([
        this.repository.summaries(query, query.limit, query.offset),
        this.totals.get(filters, generation, () => this.repository.count(query)),
      ]);
      return new SerializedJson({ items: rows.map(mapDeptSummary), total, limit: query.limit, offset: query.offset });
    });
  }

  async get(slug: string): Promise<PublicDeptProjectDto> {
    assertSlug(slug);
    const project = await this.projects.get(slug, await this.published.generation(), () => this.load(slug));
    if (!project) {
      throw new PublicPortalException('DEPT_PROJECT_NOT_FOUND');
    }
    return project;
  }

  /** One more consultation today (Paris time). Only a counter per project and day: nothing about the visitor. */
  async recordView(slug: string): Promise<void> {
    assertSlug(slug);
    if (!(await this.repository.recordView(slug, this.clock.now()))) {
      throw new PublicPortalException('DEPT_PROJECT_NOT_FOUND');
    }
  }

  /** A photo a reviewed report of a public project shows; any other (draft, waiting, deleted project…) is "not found". */
  async openPhoto(photoId: string, variant: 'content' | 'thumbnail'): Promise<StoredFile> {
    if (!isUuid(photoId)) {
      throw new PublicPortalException('PHOTO_NOT_FOUND');
    }
    const row = await this.repository.publicPhoto(photoId);
    // Shown in the page only when it is an image a browser draws safely; anything else is downloaded.
    const file = row ? await openStoredFile(this.storage, { ...row, kind: SAFE_IMAGES.has(row.mime_type) ? 'PHOTO' : 'DOCUMENT' }, variant) : null;
    if (!file) {
      throw new PublicPortalException('PHOTO_NOT_FOUND');
    }
    return file;
  }

  /** The axes of a département's programme, each with its public projects counted. */
  async axes(departementCode: string): Promise<PublicAxisDto[]> {
    const axes = await this.axesCache.get(departementCode, await this.published.generation(), async () => {
      const rows = await this.repository.axes(departementCode);
      if (!rows.length && !(await this.repository.departementExists(departementCode))) {
        return null;
      }
      return rows.map((r) => ({ id: r.id, label: r.label, description: r.description, publishedCount: r.published_count }));
    });
    if (!axes) {
      throw new PublicPortalException('DEPARTEMENT_NOT_FOUND');
    }
    return axes;
  }

  private async load(slug: string): Promise<PublicDeptProjectDto | null> {
    const row = await this.repository.project(slug);
    if (!row) {
      return null;
    }
    const photos = await this.repository.photos(row.id, [...new Set(row.reports.flatMap((r) => photoIdsOf(r.published)))]);
    return mapDeptProject(row, photos);
  }
}

const SAFE_IMAGES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']);

function assertSlug(slug: string): void {
  if (slug.length > 200 || !SLUG_PATTERN.test(slug)) {
    throw new PublicPortalException('DEPT_PROJECT_NOT_FOUND');
  }
}
