import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The publication log gains `edit`: a collaborator changed what would go online while the fiche waited for its
 * review, so the request went back to the mayor's consent.
 */
export class PublicationIntegrity1764410000000 implements MigrationInterface {
  name = 'PublicationIntegrity1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE publication_event DROP CONSTRAINT publication_event_action_check`);
    await q.query(`ALTER TABLE publication_event ADD CONSTRAINT publication_event_action_check
      CHECK (action IN ('request', 'consent', 'approve', 'reject', 'withdraw', 'edit'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM publication_event WHERE action = 'edit'`);
    await q.query(`ALTER TABLE publication_event DROP CONSTRAINT publication_event_action_check`);
    await q.query(`ALTER TABLE publication_event ADD CONSTRAINT publication_event_action_check
      CHECK (action IN ('request', 'consent', 'approve', 'reject', 'withdraw'))`);
  }
}
