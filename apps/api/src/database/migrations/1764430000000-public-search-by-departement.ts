import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A département's public search reads its own publications only: the département and the words in one index
 * (btree_gin). With every département on one installation, the word-only index handed each search the matching
 * projects of all of France (4,000 for "école" among 50,000), to be intersected with the département's: 4 ms of
 * the database per search instead of 0.4.
 */
export class PublicSearchByDepartement1764430000000 implements MigrationInterface {
  name = 'PublicSearchByDepartement1764430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await q.query(`CREATE INDEX project_publication_departement_search_idx ON project_publication USING gin (departement_code, search)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX project_publication_departement_search_idx`);
    await q.query(`DROP EXTENSION IF EXISTS btree_gin`);
  }
}
