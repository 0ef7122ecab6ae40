import type { EntityManager } from 'typeorm';
import type { Outline } from '@passerelle/shared/dto';

/** A commune as the import writes it (snake_case: it travels as one JSON record set to PostgreSQL). */
export interface CommuneRecord {
  insee: string;
  name: string;
  population: number;
  postcodes: string[];
  siren: string | null;
  epci_siren: string | null;
  canton_code: string | null;
  latitude: number | null;
  longitude: number | null;
  outline: Outline | null;
}

export interface CantonRecord {
  code: string;
  name: string;
  outline: Outline;
}

export interface EpciRecord {
  siren: string;
  name: string;
  kind: string;
}

/**
 * The SQL of the territory import, inside the caller's transaction. Every write is an upsert that only rewrites a
 * row when something differs, so a second run changes nothing.
 */
export const TerritoryImportRepository = {
  async upsertDepartement(tx: EntityManager, code: string, name: string, eligibilityThreshold: number, outline: Outline | null): Promise<void> {
    await tx.query(
      `INSERT INTO departement (code, name, eligibility_threshold, outline)
         VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, outline = EXCLUDED.outline, updated_at = now()
           WHERE (departement.name, departement.outline) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.outline)`,
      [code, name, eligibilityThreshold, json(outline)],
    );
  },

  async upsertCantons(tx: EntityManager, code: string, cantons: CantonRecord[]): Promise<void> {
    await tx.query(
      `INSERT INTO canton (code, departement_code, name, outline)
         SELECT x.code, $1, x.name, x.outline FROM jsonb_to_recordset($2::jsonb) AS x(code text, name text, outline jsonb)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, outline = EXCLUDED.outline
           WHERE (canton.name, canton.outline) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.outline)`,
      [code, json(cantons)],
    );
  },

  async upsertEpcis(tx: EntityManager, epcis: EpciRecord[]): Promise<void> {
    await tx.query(
      `INSERT INTO epci (siren, name, kind)
         SELECT x.siren, x.name, x.kind FROM jsonb_to_recordset($1::jsonb) AS x(siren text, name text, kind text)
         ON CONFLICT (siren) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind
           WHERE (epci.name, epci.kind) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind)`,
      [json(epcis)],
    );
  },

  /** Upserts the département's communes; one row per commune written, `inserted` when it is new. */
  upsertCommunes(tx: EntityManager, code: string, records: CommuneRecord[]): Promise<{ inserted: boolean }[]> {
    return tx.query(
      `WITH threshold AS (SELECT eligibility_threshold AS value FROM departement WHERE code = $1)
       INSERT INTO commune (insee, departement_code, canton_code, epci_siren, name, population, postcodes, siren,
                            latitude, longitude, outline, eligible)
       SELECT x.insee, $1, x.canton_code, x.epci_siren, x.name, x.population,
              ARRAY(SELECT jsonb_array_elements_text(x.postcodes)), x.siren, x.latitude, x.longitude, x.outline,
              x.population < (SELECT value FROM threshold)
         FROM jsonb_to_recordset($2::jsonb) AS x(insee text, name text, population integer, postcodes jsonb,
              siren text, epci_siren text, canton_code text, latitude double precision, longitude double precision,
              outline jsonb)
       ON CONFLICT (insee) DO UPDATE SET
              departement_code = EXCLUDED.departement_code, canton_code = EXCLUDED.canton_code,
              epci_siren = EXCLUDED.epci_siren, name = EXCLUDED.name, population = EXCLUDED.population,
              postcodes = EXCLUDED.postcodes, siren = EXCLUDED.siren, latitude = EXCLUDED.latitude,
              longitude = EXCLUDED.longitude, outline = EXCLUDED.outline, eligible = EXCLUDED.eligible,
              updated_at = now()
        WHERE (commune.departement_code, commune.canton_code, commune.epci_siren, commune.name, commune.population,
               commune.postcodes, commune.siren, commune.latitude, commune.longitude, commune.outline, commune.eligible)
              IS DISTINCT FROM
              (EXCLUDED.departement_code, EXCLUDED.canton_code, EXCLUDED.epci_siren, EXCLUDED.name, EXCLUDED.population,
               EXCLUDED.postcodes, EXCLUDED.siren, EXCLUDED.latitude, EXCLUDED.longitude, EXCLUDED.outline,
               EXCLUDED.eligible)
       RETURNING (xmax = 0) AS inserted`,
      [code, json(records)],
    );
  },

  async countEligible(tx: EntityManager, code: string): Promise<number> {
    const [{ count }]: { count: string }[] = await tx.query(`SELECT count(*) FROM commune WHERE departement_code = $1 AND eligible`, [code]);
    return Number(count);
  },
};

function json(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}
