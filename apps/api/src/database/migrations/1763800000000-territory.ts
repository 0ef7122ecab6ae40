import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search helpers and the territory: départements, cantons, EPCIs, communes.
 * `search_key()` folds accents, case, hyphens and apostrophes so that "st ouen l aumone" finds
 * "Saint-Ouen-l'Aumône"; `french_unaccent` is the full-text configuration later features index with.
 */
export class Territory1763800000000 implements MigrationInterface {
  name = 'Territory1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = pg_catalog.french)`);
    await q.query(
      `ALTER TEXT SEARCH CONFIGURATION french_unaccent
         ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.french_stem`,
    );
    // unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes it safe to index.
    await q.query(
      `CREATE FUNCTION immutable_unaccent(text) RETURNS text
         LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
         AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`,
    );
    await q.query(
      `CREATE FUNCTION search_key(text) RETURNS text
         LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
         AS $$ SELECT btrim(regexp_replace(lower(public.immutable_unaccent($1)), '[^a-z0-9]+', ' ', 'g')) $$`,
    );

    await q.query(`
      CREATE TABLE departement (
        code varchar(3) PRIMARY KEY,
        name text NOT NULL,
        eligibility_threshold integer NOT NULL DEFAULT 5000 CHECK (eligibility_threshold > 0),
        outline jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE canton (
        code varchar(5) PRIMARY KEY,
        departement_code varchar(3) NOT NULL REFERENCES departement (code) ON DELETE CASCADE,
        name text NOT NULL,
        outline jsonb
      )`);
    await q.query(`CREATE INDEX canton_departement_idx ON canton (departement_code)`);
    await q.query(`
      CREATE TABLE epci (
        siren varchar(9) PRIMARY KEY,
        name text NOT NULL,
        kind varchar(10) NOT NULL
      )`);
    await q.query(`
      CREATE TABLE commune (
        insee varchar(5) PRIMARY KEY,
        departement_code varchar(3) NOT NULL REFERENCES departement (code) ON DELETE CASCADE,
        canton_code varchar(5) REFERENCES canton (code) ON DELETE SET NULL,
        epci_siren varchar(9) REFERENCES epci (siren) ON DELETE SET NULL,
        name text NOT NULL,
        search_key text GENERATED ALWAYS AS (public.search_key(name)) STORED,
        population integer NOT NULL CHECK (population >= 0),
        postcodes text[] NOT NULL DEFAULT '{}',
        siren varchar(9),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        outline jsonb,
        eligible boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX commune_departement_search_idx ON commune (departement_code, search_key)`);
    await q.query(`CREATE INDEX commune_search_trgm_idx ON commune USING gin (search_key gin_trgm_ops)`);
    await q.query(`CREATE INDEX commune_canton_idx ON commune (canton_code)`);
    await q.query(`CREATE INDEX commune_epci_idx ON commune (epci_siren)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE commune`);
    await q.query(`DROP TABLE epci`);
    await q.query(`DROP TABLE canton`);
    await q.query(`DROP TABLE departement`);
    await q.query(`DROP FUNCTION search_key(text)`);
    await q.query(`DROP FUNCTION immutable_unaccent(text)`);
    await q.query(`DROP TEXT SEARCH CONFIGURATION french_unaccent`);
    await q.query(`DROP EXTENSION IF EXISTS pg_trgm`);
    await q.query(`DROP EXTENSION IF EXISTS unaccent`);
  }
}
