import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public portal's read side: which documents each published snapshot shows (so a public download is checked
 * against the reviewed version, not the live fiche), indexes for the filters, and consultation counts per project
 * and day (a counter only: nothing about the visitor is stored).
 */
export class PublicPortal1764300000000 implements MigrationInterface {
  name = 'PublicPortal1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project_publication ADD COLUMN document_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      UPDATE project_publication SET document_ids = ARRAY(
        SELECT (d ->> 'id')::uuid FROM jsonb_array_elements(coalesce(snapshot -> 'photos', '[]') || coalesce(snapshot -> 'documents', '[]')) d)`);
    await q.query(`CREATE INDEX project_publication_commune_idx ON project_publication (commune_insee, published_at DESC)`);
    await q.query(`CREATE INDEX project_publication_canton_idx ON project_publication (canton_code, published_at DESC)`);
    await q.query(`CREATE INDEX project_publication_theme_idx ON project_publication (departement_code, theme, published_at DESC)`);
    // A counter every change of the published set moves: the map's in-memory clusters are rebuilt when it has
    // moved, whichever instance or statement (a publication, a withdrawal, a deleted project) changed the set.
    await q.query(`CREATE TABLE public_portal_state (id boolean PRIMARY KEY DEFAULT true CHECK (id), generation bigint NOT NULL)`);
    await q.query(`INSERT INTO public_portal_state (generation) VALUES (1)`);
    await q.query(`
      CREATE FUNCTION public_portal_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE public_portal_state SET generation = generation + 1;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER project_publication_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_publication
      FOR EACH STATEMENT EXECUTE FUNCTION public_portal_bump()`);
    await q.query(`
      CREATE TABLE project_view_day (
        project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        day date NOT NULL,
        count integer NOT NULL DEFAULT 0 CHECK (count >= 0),
        PRIMARY KEY (project_id, day)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_view_day`);
    await q.query(`DROP TRIGGER project_publication_changed ON project_publication`);
    await q.query(`DROP FUNCTION public_portal_bump()`);
    await q.query(`DROP TABLE public_portal_state`);
    await q.query(`DROP INDEX project_publication_theme_idx`);
    await q.query(`DROP INDEX project_publication_canton_idx`);
    await q.query(`DROP INDEX project_publication_commune_idx`);
    await q.query(`ALTER TABLE project_publication DROP COLUMN document_ids`);
  }
}
