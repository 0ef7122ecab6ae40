import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import pointOnFeature from '@turf/point-on-feature';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_ELIGIBILITY_THRESHOLD, type Outline } from '@passerelle/shared/dto';
import { TerritoryCache } from '../territory-cache';
import { TerritoryException } from '../territory.exception';
import { loadDepartementSource } from './commune-source';
import { type DepartementGeo, loadDepartementGeo } from './geo-source';
import { type CommuneRecord, TerritoryImportRepository } from './territory-import.repository';

export interface ImportReport {
  departement: string;
  name: string;
  communes: number;
  eligible: number;
  cantons: number;
  withOutline: number;
  withoutCanton: number;
  inserted: number;
  updated: number;
}

/**
 * Loads a département's current communes from `@etalab/decoupage-administratif` and, where shipped, the IGN
 * outlines; the canton of a commune is the canton outline holding its interior point. Idempotent: rows are
 * upserted and only rewritten when something differs, so a second run reports no change.
 */
@Injectable()
export class TerritoryImportService {
  private readonly logger = new Logger(TerritoryImportService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() private readonly cache?: TerritoryCache,
  ) {}

  async importDepartement(code: string): Promise<ImportReport> {
    const source = loadDepartementSource(code);
    if (!source) {
      throw new TerritoryException('DEPARTEMENT_UNKNOWN_IN_SOURCE', code);
    }
    const geo = loadDepartementGeo(code);
    const records = source.communes.map((c): CommuneRecord => {
      const epci = source.epciByCommune.get(c.code);
      const outline = geo?.communes.get(c.code) ?? null;
      const point = outline ? pointOnFeature(outline).geometry.coordinates : null;
      return {
        insee: c.code,
        name: c.nom,
        population: c.population ?? 0,
        postcodes: c.codesPostaux ?? [],
        siren: c.siren ?? null,
        epci_siren: epci?.code ?? null,
        canton_code: point && outline && geo ? cantonOf(point, outline, geo) : null,
        latitude: point ? round(point[1]) : null,
        longitude: point ? round(point[0]) : null,
        outline,
      };
    });
    const epcis = [...new Map([...source.epciByCommune.values()].map((e) => [e.code, e])).values()];

    const counts = await this.db.transaction(async (tx) => {
      await TerritoryImportRepository.upsertDepartement(tx, code, source.departement.nom, DEFAULT_ELIGIBILITY_THRESHOLD, geo?.departement?.geometry ?? null);
      await TerritoryImportRepository.upsertCantons(
        tx,
        code,
        (geo?.cantons ?? []).map((f) => ({ code: f.properties.code, name: f.properties.nom, outline: f.geometry })),
      );
      await TerritoryImportRepository.upsertEpcis(
        tx,
        epcis.map((e) => ({ siren: e.code, name: e.nom, kind: e.type })),
      );
      return this.upsertCommunes(tx, code, records);
    });

    await this.cache?.invalidate();
    const report: ImportReport = {
      departement: code,
      name: source.departement.nom,
      communes: records.length,
      eligible: counts.eligible,
      cantons: geo?.cantons.length ?? 0,
      withOutline: records.filter((r) => r.outline).length,
      withoutCanton: records.filter((r) => !r.canton_code).length,
      inserted: counts.inserted,
      updated: counts.updated,
    };
    this.logger.log(
      `${report.name} (${code}) : ${report.communes} communes dont ${report.eligible} éligibles, ` +
        `${report.cantons} cantons, ${report.withOutline} contours ; ${report.inserted} ajoutées, ${report.updated} mises à jour`,
    );
    return report;
  }

  private async upsertCommunes(tx: EntityManager, code: string, records: CommuneRecord[]): Promise<{ inserted: number; updated: number; eligible: number }> {
    const changed = await TerritoryImportRepository.upsertCommunes(tx, code, records);
    const eligible = await TerritoryImportRepository.countEligible(tx, code);
    const inserted = changed.filter((r) => r.inserted).length;
    return { inserted, updated: changed.length - inserted, eligible };
  }
}

/**
 * The canton whose outline holds the commune's interior point. Outlines are simplified independently, so a
 * small commune on a border may fall outside every canton: it then goes to the canton that holds most of its
 * outline's vertices.
 */
function cantonOf(point: number[], outline: Outline, geo: DepartementGeo): string | null {
  const holding = geo.cantons.find((c) => booleanPointInPolygon(point, c.geometry));
  if (holding) {
    return holding.properties.code;
  }
  const vertices = (outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates).flat(2);
  let best: { code: string; count: number } | null = null;
  for (const canton of geo.cantons) {
    const count = vertices.filter((v) => booleanPointInPolygon(v, canton.geometry)).length;
    if (count > 0 && (!best || count > best.count)) {
      best = { code: canton.properties.code, count };
    }
  }
  return best?.code ?? null;
}

/** 6 decimals ≈ 10 cm: more would only make the re-import see noise as a change. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
