import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CantonRow, CommuneDetailRow, CommuneRow, DepartementRow } from './territory.mapper';

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

/** The filter of a commune list: $1 département, $2 eligibility, $3 canton, $4 searched text (see communeParams). */
const COMMUNE_WHERE = `
      c.departement_code = $1
      AND ($2::boolean IS NULL OR c.eligible = $2)
      AND ($3::text IS NULL OR c.canton_code = $3)
      AND ($4::text IS NULL OR c.search_key LIKE '%' || search_key($4) || '%' OR $4 = ANY (c.postcodes) OR c.insee = $4)`;

function communeParams(code: string, filter: CommuneFilter): unknown[] {
  return [code, filter.eligible, filter.canton, filter.q];
}

/** The communes of a département a list asks for: a name, postcode or INSEE code, eligibility, canton. */
export interface CommuneFilter {
  q: string | null;
  eligible: boolean | null;
  canton: string | null;
}

/** A row of a page, with the total of its query (a window count: bigint, so a string). */
export type Counted<Row> = Row & { total: string };

/**
 * The SQL of the territory's read side. Each list is one query (the total comes from a window count), and the
 * GeoJSON is assembled by PostgreSQL itself.
 */
@Injectable()
export class TerritoryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  departements(): Promise<DepartementRow[]> {
    return this.db.query(`SELECT ${DEPARTEMENT_COLUMNS} FROM departement d ORDER BY d.code`);
  }

  /** The département with its outline. */
  async departement(code: string): Promise<DepartementRow | undefined> {
    const rows: DepartementRow[] = await this.db.query(`SELECT ${DEPARTEMENT_COLUMNS}, d.outline FROM departement d WHERE d.code = $1`, [code]);
    return rows[0];
  }

  async departementExists(code: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM departement WHERE code = $1`, [code]);
    return rows.length > 0;
  }

  /** A page of the département's communes, those starting with the searched text first. */
  communes(code: string, filter: CommuneFilter, limit: number, offset: number): Promise<Counted<CommuneRow>[]> {
    return this.db.query(
      `SELECT ${COMMUNE_COLUMNS}, count(*) OVER () AS total
         FROM commune c ${COMMUNE_JOINS}
        WHERE ${COMMUNE_WHERE}
        ORDER BY (CASE WHEN $4::text IS NOT NULL AND c.search_key LIKE search_key($4) || '%' THEN 0 ELSE 1 END),
                 c.search_key, c.insee
        LIMIT $5 OFFSET $6`,
      [...communeParams(code, filter), limit, offset],
    );
  }

  /** The count of `communes` without its page (past the last page the window count has no row to ride on). */
  async countCommunes(code: string, filter: CommuneFilter): Promise<number> {
    const [{ count }]: { count: string }[] = await this.db.query(`SELECT count(*) FROM commune c WHERE ${COMMUNE_WHERE}`, communeParams(code, filter));
    return Number(count);
  }

  cantons(code: string, limit: number, offset: number): Promise<Counted<CantonRow>[]> {
    return this.db.query(
      `SELECT ca.code, ca.name, ca.departement_code,
              (SELECT count(*) FROM commune c WHERE c.canton_code = ca.code) AS commune_count,
              count(*) OVER () AS total
         FROM canton ca
        WHERE ca.departement_code = $1
        ORDER BY search_key(ca.name), ca.code
        LIMIT $2 OFFSET $3`,
      [code, limit, offset],
    );
  }

  async countCantons(code: string): Promise<number> {
    const [{ count }]: { count: string }[] = await this.db.query(`SELECT count(*) FROM canton WHERE departement_code = $1`, [code]);
    return Number(count);
  }

  async commune(insee: string): Promise<CommuneDetailRow | undefined> {
    const rows: CommuneDetailRow[] = await this.db.query(
      `SELECT ${COMMUNE_COLUMNS}, c.siren, c.outline, d.name AS departement_name
         FROM commune c ${COMMUNE_JOINS}
         JOIN departement d ON d.code = c.departement_code
        WHERE c.insee = $1`,
      [insee],
    );
    return rows[0];
  }

  /** FeatureCollection of the communes' outlines, serialised by PostgreSQL (the API passes the text through). */
  async communesGeoJson(code: string): Promise<string> {
    const [{ geojson }]: { geojson: string }[] = await this.db.query(
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

  async cantonsGeoJson(code: string): Promise<string> {
    const [{ geojson }]: { geojson: string }[] = await this.db.query(
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
}
