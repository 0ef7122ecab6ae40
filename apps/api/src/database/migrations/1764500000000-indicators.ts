import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The département's indicators.
 * - `departement.office_hours`: its office hours on working days (Paris wall clock), which working time counts.
 * - `thread.effort_score`: the customer effort (1–7 agreement with « Il a été facile d’obtenir une réponse à ma
 *   question »), optional, given at closure next to the satisfaction.
 * - `thread_fact`: one row per question, what the figures are computed from. The threads' service rewrites a
 *   question's row in the same transaction as each change of its state; a nightly job rebuilds the rows from the
 *   threads and their events (`indicators_rebuilt_at` says when it last finished). Durations are milliseconds:
 *   `*_working_ms` count office time minus the time spent waiting for the commune, `*_elapsed_ms` calendar time.
 *   `waiting_spans` keeps the pauses, so that the age of a question still unanswered is computed the same way.
 */
export class Indicators1764500000000 implements MigrationInterface {
  name = 'Indicators1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE departement
        ADD COLUMN office_hours jsonb NOT NULL DEFAULT '[{"start":"09:00","end":"12:30"},{"start":"13:30","end":"17:30"}]'
          CHECK (jsonb_typeof(office_hours) = 'array' AND jsonb_array_length(office_hours) BETWEEN 1 AND 4),
        ADD COLUMN indicators_rebuilt_at timestamptz`);
    await q.query(`ALTER TABLE thread ADD COLUMN effort_score smallint CHECK (effort_score BETWEEN 1 AND 7)`);
    await q.query(`
      CREATE TABLE thread_fact (
        thread_id uuid PRIMARY KEY REFERENCES thread (id) ON DELETE CASCADE,
        departement_code varchar(3) NOT NULL REFERENCES departement (code),
        commune_insee varchar(5) NOT NULL REFERENCES commune (insee),
        category text NOT NULL,
        created_at timestamptz NOT NULL,
        first_response_at timestamptz,
        first_responder_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        first_response_elapsed_ms bigint CHECK (first_response_elapsed_ms >= 0),
        first_response_working_ms bigint CHECK (first_response_working_ms >= 0),
        within_target boolean,
        state text NOT NULL,
        closed_at timestamptz,
        closed_ats timestamptz[] NOT NULL DEFAULT '{}',
        reopened_ats timestamptz[] NOT NULL DEFAULT '{}',
        resolution_working_ms bigint CHECK (resolution_working_ms >= 0),
        waiting_spans jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(waiting_spans) = 'array'),
        satisfaction_score smallint,
        effort_score smallint,
        refreshed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT thread_fact_answered CHECK ((first_response_at IS NULL) = (first_response_working_ms IS NULL))
      )`);
    // The dashboard reads a département's questions by the day of their first answer, of their creation, and the
    // ones still waiting for an answer.
    await q.query(`CREATE INDEX thread_fact_answered_idx ON thread_fact (departement_code, first_response_at) WHERE first_response_at IS NOT NULL`);
    await q.query(`CREATE INDEX thread_fact_created_idx ON thread_fact (departement_code, created_at)`);
    await q.query(`CREATE INDEX thread_fact_closed_idx ON thread_fact (departement_code, closed_at) WHERE closed_at IS NOT NULL`);
    await q.query(`CREATE INDEX thread_fact_waiting_idx ON thread_fact (departement_code) WHERE first_response_at IS NULL AND state <> 'CLOSED'`);
    // A question never reopened was closed once at most, at its `closed_at`: only the reopened ones have several
    // closings for the weekly volumes to unnest, and this finds those few rows without reading the whole history.
    await q.query(`CREATE INDEX thread_fact_reopened_idx ON thread_fact (departement_code) WHERE cardinality(reopened_ats) > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE thread_fact`);
    await q.query(`ALTER TABLE thread DROP COLUMN effort_score`);
    await q.query(`ALTER TABLE departement DROP COLUMN office_hours, DROP COLUMN indicators_rebuilt_at`);
  }
}
