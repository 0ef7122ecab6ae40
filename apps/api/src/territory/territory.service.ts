import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CantonDto, CommuneDto, CommuneSummaryDto, DepartementDetailDto, DepartementDto, Page } from '@passerelle/shared/dto';
import { page, type PageQueryDto } from '../common/pagination/page-query.dto';
import type { CommuneListQueryDto } from './dto/commune-list-query.dto';
import {
  type CantonRow,
  type CommuneDetailRow,
  type CommuneRow,
  type DepartementRow,
  mapCanton,
  mapCommune,
  mapCommuneSummary,
  mapDepartement,
  mapDepartementDetail,
} from './territory.mapper';
import { TerritoryCache } from './territory-cache';
import { TerritoryException } from './territory.exception';

const DEPARTEMENT_COLUMNS = `
  d.code, d.name, d.eligibility_threshold,
  (SELECT count(*) FROM commune c WHERE c.departement_code = d.code) AS commune_count,
  (SELECT count(*) FROM commune c WHERE c.departement_code = d.code AND c.eligible) AS eligible_commune_count,
  (SELECT count(*) FROM canton ca WHERE ca.departement_code = d.code) AS canton_count`;

const COMMUNE_COLUMNS = `
  c.insee, c.name, c.population, c.postcodes, c.eligible, c.departement_code, c.latitude, c.longitude,
  ca.code AS canton_code, ca.name AS canton_name, e.siren AS epci_siren, e.name AS epci_name`;

const COMMUNE_JOINS = `
  LEFT JOIN canton ca ON ca.code = c.canton_code
  LEFT JOIN epci e ON e.siren = c.epci_siren`;

/**
 * Read side of the territory. Plain SQL: each list is one query (the total comes from a window count), and
 * the GeoJSON is assembled by PostgreSQL itself.
 */
@Injectable()
export class TerritoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cache: TerritoryCache,
  ) {}

  listDepartements(): Promise<Page<DepartementDto>> {
    return this.cache.cached('departements', () => this.queryDepartements());
  }

  getDepartement(code: string): Promise<DepartementDetailDto> {
    return this.cache.cached(`departement:${code}`, () => this.queryDepartement(code));
  }

  listCommunes(code: string, query: CommuneListQueryDto): Promise<Page<CommuneSummaryDto>> {
    const key = JSON.stringify(['communes', code, query.q?.trim() || null, query.eligible ?? null, query.canton ?? null, query.limit, query.offset]);
    return this.cache.cached(key, () => this.queryCommunes(code, query));
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
    const rows: DepartementRow[] = await this.db.query(`SELECT ${DEPARTEMENT_COLUMNS} FROM departement d ORDER BY d.code`);
    return { items: rows.map(mapDepartement), total: rows.length, limit: rows.length, offset: 0 };
  }

  private async queryDepartement(code: string): Promise<DepartementDetailDto> {
    const rows: DepartementRow[] = await this.db.query(
      `SELECT ${DEPARTEMENT_COLUMNS}, d.outline FROM departement d WHERE d.code = $1`,
      [code],
    );
    if (rows.length === 0) {
      throw new TerritoryException('DEPARTEMENT_NOT_FOUND', code);
    }
    return mapDepartementDetail(rows[0]);
  }

  private async queryCommunes(code: string, query: CommuneListQueryDto): Promise<Page<CommuneSummaryDto>> {
    await this.assertDepartementExists(code);
    const q = query.q?.trim() || null;
    const where = `
      c.departement_code = $1
      AND ($2::boolean IS NULL OR c.eligible = $2)
      AND ($3::text IS NULL OR c.canton_code = $3)
      AND ($4::text IS NULL OR c.search_key LIKE '%' || search_key($4) || '%' OR $4 = ANY (c.postcodes) OR c.insee = $4)`;
    const params = [code, query.eligible ?? null, query.canton ?? null, q];
    const rows: (CommuneRow & { total: string })[] = await this.db.query(
      `SELECT ${COMMUNE_COLUMNS}, count(*) OVER () AS total
         FROM commune c ${COMMUNE_JOINS}
        WHERE ${where}
        ORDER BY (CASE WHEN $4::text IS NOT NULL AND c.search_key LIKE search_key($4) || '%' THEN 0 ELSE 1 END),
                 c.search_key, c.insee
        LIMIT $5 OFFSET $6`,
      [...params, query.limit, query.offset],
    );
    let total = rows.length > 0 ? Number(rows[0].total) : 0;
    if (rows.length === 0 && query.offset > 0) {
      // Past the last page the window count has no row to ride on.
      const [{ count }] = await this.db.query(`SELECT count(*) FROM commune c WHERE ${where}`, params);
      total = Number(count);
    }
    return page(rows.map(mapCommuneSummary), total, query);
  }

  private async queryCantons(code: string, query: PageQueryDto): Promise<Page<CantonDto>> {
    await this.assertDepartementExists(code);
    const rows: (CantonRow & { total: string })[] = await this.db.query(
      `SELECT ca.code, ca.name, ca.departement_code,
              (SELECT count(*) FROM commune c WHERE c.canton_code = ca.code) AS commune_count,
              count(*) OVER () AS total
         FROM canton ca
        WHERE ca.departement_code = $1
        ORDER BY search_key(ca.name), ca.code
        LIMIT $2 OFFSET $3`,
      [code, query.limit, query.offset],
    );
    const total = rows.length > 0 ? Number(rows[0].total) : await this.countCantons(code);
    return page(rows.map(mapCanton), total, query);
  }

  private async queryCommune(insee: string): Promise<CommuneDto> {
    const rows: CommuneDetailRow[] = await this.db.query(
      `SELECT ${COMMUNE_COLUMNS}, c.siren, c.outline, d.name AS departement_name
         FROM commune c ${COMMUNE_JOINS}
         JOIN departement d ON d.code = c.departement_code
        WHERE c.insee = $1`,
      [insee],
    );
    if (rows.length === 0) {
      throw new TerritoryException('COMMUNE_NOT_FOUND', insee);
    }
    return mapCommune(rows[0]);
  }

  /** FeatureCollection of the communes' outlines, serialised by PostgreSQL (the API passes the text through). */
  private async queryCommunesGeoJson(code: string): Promise<string> {
    await this.assertDepartementExists(code);
    const [{ geojson }] = await this.db.query(
      `SELECT json_build_object(
                'type', 'FeatureCollection',
                'features', coalesce(json_agg(json_build_object(
                  'type', 'Feature',
                  'id', c.insee,
                  'geometry', c.outline,
                  'properties', json_build_object(
                    'insee', c.insee, 'name', c.name, 'population', c.population,
                    'eligible', c.eligible, 'cantonCode', c.canton_code)
                ) ORDER BY c.insee), '[]'::json)
              )::text AS geojson
         FROM commune c
        WHERE c.departement_code = $1 AND c.outline IS NOT NULL`,
      [code],
    );
    return geojson;
  }

  private async queryCantonsGeoJson(code: string): Promise<string> {
    await this.assertDepartementExists(code);
    const [{ geojson }] = await this.db.query(
      `SELECT json_build_object(
                'type', 'FeatureCollection',
                'features', coalesce(json_agg(json_build_object(
                  'type', 'Feature',
                  'id', ca.code,
                  'geometry', ca.outline,
                  'properties', json_build_object(
                    'code', ca.code, 'name', ca.name,
                    'communeCount', (SELECT count(*) FROM commune c WHERE c.canton_code = ca.code))
                ) ORDER BY ca.code), '[]'::json)
              )::text AS geojson
         FROM canton ca
        WHERE ca.departement_code = $1 AND ca.outline IS NOT NULL`,
      [code],
    );
    return geojson;
  }

  private async assertDepartementExists(code: string): Promise<void> {
    const rows = await this.db.query(`SELECT 1 FROM departement WHERE code = $1`, [code]);
    if (rows.length === 0) {
      throw new TerritoryException('DEPARTEMENT_NOT_FOUND', code);
    }
  }

  private async countCantons(code: string): Promise<number> {
    const [{ count }] = await this.db.query(`SELECT count(*) FROM canton WHERE departement_code = $1`, [code]);
    return Number(count);
  }
}
