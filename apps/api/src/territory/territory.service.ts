import { Injectable } from '@nestjs/common';
import type { CantonDto, CommuneDto, CommuneSummaryDto, DepartementDetailDto, DepartementDto, Page } from '@passerelle/shared/dto';
import { page, type PageQueryDto } from '../common/pagination/page-query.dto';
import type { CommuneListQueryDto } from './dto/commune-list-query.dto';
import { mapCanton, mapCommune, mapCommuneSummary, mapDepartement, mapDepartementDetail } from './territory.mapper';
import { TerritoryRepository } from './territory.repository';
import { TerritoryCache } from './territory-cache';
import { TerritoryException } from './territory.exception';
import { SerializedJson } from '../common/http/serialized-json';

/** Read side of the territory: every answer is cached (TerritoryCache) until the next import. */
@Injectable()
export class TerritoryService {
  constructor(
    private readonly repository: TerritoryRepository,
    private readonly cache: TerritoryCache,
  ) {}

  listDepartements(): Promise<Page<DepartementDto>> {
    return this.cache.cached('departements', () => this.queryDepartements());
  }

  getDepartement(code: string): Promise<DepartementDetailDto> {
    return this.cache.cached(`departement:${code}`, () => this.queryDepartement(code));
  }

  /** Kept serialised: a page of communes is asked for again and again, and never changes between imports. */
  listCommunes(code: string, query: CommuneListQueryDto): Promise<SerializedJson<Page<CommuneSummaryDto>>> {
    const key = JSON.stringify(['communes', code, query.q?.trim() || null, query.eligible ?? null, query.canton ?? null, query.limit, query.offset]);
    return this.cache.cached(key, async () => new SerializedJson(await this.queryCommunes(code, query)));
  }

  listCantons(code: string, query: PageQueryDto): Promise<Page<CantonDto>> {
    return this.cache.cached(`cantons:${code}:${query.limit}:${query.offset}`, () => this.queryCantons(code, query));
  }

  getCommune(insee: string): Promise<CommuneDto> {
    return this.cache.cached(`commune:${insee}`, () => this.queryCommune(insee));
  }

  communesGeoJson(code: string): Promise<string> {
    return this.cache.cached(`communes.geojson:${code}`, () => this.queryCommunesGeoJson(code));
  }

  cantonsGeoJson(code: string): Promise<string> {
    return this.cache.cached(`cantons.geojson:${code}`, () => this.queryCantonsGeoJson(code));
  }

  private async queryDepartements(): Promise<Page<DepartementDto>> {
    const rows = await this.repository.departements();
    return { items: rows.map(mapDepartement), total: rows.length, limit: rows.length, offset: 0 };
  }

  private async queryDepartement(code: string): Promise<DepartementDetailDto> {
    const row = await this.repository.departement(code);
    if (!row) {
      throw new TerritoryException('DEPARTEMENT_NOT_FOUND', code);
    }
    return mapDepartementDetail(row);
  }

  private async queryCommunes(code: string, query: CommuneListQueryDto): Promise<Page<CommuneSummaryDto>> {
    await this.assertDepartementExists(code);
    const filter = { q: query.q?.trim() || null, eligible: query.eligible ?? null, canton: query.canton ?? null };
    const rows = await this.repository.communes(code, filter, query.limit, query.offset);
    let total = rows.length > 0 ? Number(rows[0].total) : 0;
    if (rows.length === 0 && query.offset > 0) {
      // Past the last page the window count has no row to ride on.
      total = await this.repository.countCommunes(code, filter);
    }
    return page(rows.map(mapCommuneSummary), total, query);
  }

  private async queryCantons(code: string, query: PageQueryDto): Promise<Page<CantonDto>> {
    await this.assertDepartementExists(code);
    const rows = await this.repository.cantons(code, query.limit, query.offset);
    const total = rows.length > 0 ? Number(rows[0].total) : await this.repository.countCantons(code);
    return page(rows.map(mapCanton), total, query);
  }

  private async queryCommune(insee: string): Promise<CommuneDto> {
    const row = await this.repository.commune(insee);
    if (!row) {
      throw new TerritoryException('COMMUNE_NOT_FOUND', insee);
    }
    return mapCommune(row);
  }

  private async queryCommunesGeoJson(code: string): Promise<string> {
    await this.assertDepartementExists(code);
    return this.repository.communesGeoJson(code);
  }

  private async queryCantonsGeoJson(code: string): Promise<string> {
    await this.assertDepartementExists(code);
    return this.repository.cantonsGeoJson(code);
  }

  private async assertDepartementExists(code: string): Promise<void> {
    if (!(await this.repository.departementExists(code))) {
      throw new TerritoryException('DEPARTEMENT_NOT_FOUND', code);
    }
  }
}
