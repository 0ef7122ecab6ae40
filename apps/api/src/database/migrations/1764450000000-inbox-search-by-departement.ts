import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox's search reads its own département's documents only. `thread_search` carries the thread's département
 * (a thread never changes département), and its full-text indexes lead with it (btree_gin), as the public search's
 * do. With every département on one installation, the words-only indexes handed each search France's matching
 * threads (8,300 for "subvention école" over all states) to be intersected with the département's 1,700.
 */
export class InboxSearchByDepartement1764450000000 implements MigrationInterface {
  name = 'InboxSearchByDepartement1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE thread_search ADD COLUMN departement_code varchar(3)`);
    await q.query(`UPDATE thread_search s SET departement_code = t.departement_code FROM thread t WHERE t.id = s.thread_id`);
    await q.query(`ALTER TABLE thread_search ALTER COLUMN departement_code SET NOT NULL`);
    await q.query(`DROP INDEX thread_search_document_idx`);
    await q.query(`DROP INDEX thread_search_active_idx`);
    await q.query(`CREATE INDEX thread_search_document_idx ON thread_search USING gin (departement_code, document)`);
    await q.query(`CREATE INDEX thread_search_active_idx ON thread_search USING gin (departement_code, document) WHERE active`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX thread_search_document_idx`);
    await q.query(`DROP INDEX thread_search_active_idx`);
    await q.query(`ALTER TABLE thread_search DROP COLUMN departement_code`);
    await q.query(`CREATE INDEX thread_search_document_idx ON thread_search USING gin (document)`);
    await q.query(`CREATE INDEX thread_search_active_idx ON thread_search USING gin (document) WHERE active`);
  }
}
