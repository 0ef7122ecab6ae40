import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `indicator_stamp`: one counter per département, raised in the transaction of every change of what its indicators
 * are computed from (a question's fact row, the labels of its questions, a rebuild). The dashboard keeps its
 * computed figures under the counter it read: a figure is reused only while nothing changed, on every instance.
 * A separate row rather than a column of `departement`, so that the lock taken while raising it never waits on,
 * or holds up, a change of the département's settings.
 */
export class IndicatorStamp1764510000000 implements MigrationInterface {
  name = 'IndicatorStamp1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE indicator_stamp (
        departement_code varchar(3) PRIMARY KEY REFERENCES departement (code) ON DELETE CASCADE,
        version bigint NOT NULL DEFAULT 0,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE indicator_stamp`);
  }
}
