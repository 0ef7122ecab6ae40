import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public searches read one full-text index: (département, words). A multicolumn GIN index answers a condition on
 * the words alone as well (a search over all of France), so the words-only index is dropped. With both, the
 * generic plan of a prepared search intersected the words-only index with the département's list instead of
 * reading the département's matches directly (France's 4,000 matches of "école" walked for a département's 120).
 */
export class PublicSearchOneIndex1764440000000 implements MigrationInterface {
  name = 'PublicSearchOneIndex1764440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX project_publication_search_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX project_publication_search_idx ON project_publication USING gin (search)`);
  }
}
