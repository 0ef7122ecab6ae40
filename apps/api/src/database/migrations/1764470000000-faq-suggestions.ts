import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'AGENT_REPLY', 'THREAD_CLOSED', 'THREAD_CREATED', 'COMMUNE_REPLY', 'THREAD_ASSIGNED', 'PUBLICATION_TO_CONSENT', 'PUBLICATION_TO_REVIEW', 'PUBLICATION_DECIDED'`;
const KINDS = `${KINDS_BEFORE}, 'FAQ_FROM_QUESTION', 'FAQ_TO_REVIEW'`;

/**
 * The FAQ meets the questions:
 * - `faq_entry.watch_terms`: the words of a draft made from a question that must not reach other communes (the
 *   people of the question and the asking commune's name); the entry cannot be submitted while one remains.
 * - `faq_avoided_question`: a commune member opened a suggestion from the ask form and left without sending, once
 *   per user, suggestion and hour; `faq_entry.avoided_count` keeps the entry's total for the staff.
 * - `faq_term`: the lexemes of the published entries (their `search` document), one row per entry and lexeme with
 *   the entry's reach (département, scope, visibility), whether it is in the title, and a weight (title 1, answer
 *   0.4), kept by a trigger. A common word matches hundreds of entries: choosing candidates from one index
 *   (index-only, titles first) and ranking only those costs a tenth of ranking each entry's whole document.
 * - `faq_vocabulary`: every word of the published entries, without accents, so that a word typed with a typo
 *   (« subvension ») is read as the nearest word the FAQ uses (pg_trgm similarity among the words sharing its
 *   first letters) before the search; `faq_lexeme`: how many published entries use each lexeme (a rare word counts
 *   more). Materialized views, refreshed after each change of what is published and every night.
 * - notifications: the asking commune is told when its question becomes an entry; the staff when an entry waits for
 *   its review.
 */
export class FaqSuggestions1764470000000 implements MigrationInterface {
  name = 'FaqSuggestions1764470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE faq_entry ADD COLUMN watch_terms text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE faq_entry ADD COLUMN avoided_count integer NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE TABLE faq_term (
        lexeme text NOT NULL,
        departement_code varchar(3) NOT NULL,
        scope text NOT NULL,
        visibility text NOT NULL,
        entry_id uuid NOT NULL REFERENCES faq_entry (id) ON DELETE CASCADE,
        in_title boolean NOT NULL,
        score real NOT NULL
      )`);
    // Title words first: the candidates come from the titles' few rows, the answers' many only when titles lack.
    await q.query(`CREATE INDEX faq_term_lookup_idx ON faq_term (lexeme, in_title, departement_code, scope, visibility, entry_id)`);
    // An entry's lexemes and their weights, for the rank of a few candidates.
    await q.query(`CREATE INDEX faq_term_entry_idx ON faq_term (entry_id, lexeme, score)`);
    await q.query(`
      CREATE FUNCTION faq_term_follow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM faq_term WHERE entry_id = NEW.id;
        IF NEW.status = 'PUBLISHED' THEN
          INSERT INTO faq_term (lexeme, departement_code, scope, visibility, entry_id, in_title, score)
          SELECT u.lexeme, NEW.departement_code, NEW.scope, NEW.visibility, NEW.id, 'A' = ANY (u.weights),
                 CASE WHEN 'A' = ANY (u.weights) THEN 1.0 ELSE 0.4 END
            FROM unnest(NEW.search) u;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER faq_term_follow AFTER INSERT OR UPDATE OF status, title, answer, departement_code, scope, visibility ON faq_entry
        FOR EACH ROW EXECUTE FUNCTION faq_term_follow()`);
    await q.query(`
      CREATE TABLE faq_avoided_question (
        id bigserial PRIMARY KEY,
        user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        departement_code varchar(3) NOT NULL REFERENCES departement (code),
        commune_insee varchar(5) NOT NULL REFERENCES commune (insee),
        entry_id uuid REFERENCES faq_entry (id) ON DELETE CASCADE,
        thread_id uuid REFERENCES thread (id) ON DELETE CASCADE,
        hour timestamptz NOT NULL,
        CONSTRAINT faq_avoided_one_target CHECK ((entry_id IS NULL) <> (thread_id IS NULL)),
        CONSTRAINT faq_avoided_once UNIQUE NULLS NOT DISTINCT (user_id, entry_id, thread_id, hour)
      )`);
    await q.query(`CREATE INDEX faq_avoided_question_departement_idx ON faq_avoided_question (departement_code, hour)`);
    await q.query(`CREATE INDEX faq_avoided_question_entry_idx ON faq_avoided_question (entry_id) WHERE entry_id IS NOT NULL`);
    await q.query(`CREATE INDEX faq_avoided_question_thread_idx ON faq_avoided_question (thread_id) WHERE thread_id IS NOT NULL`);
    await q.query(`
      CREATE MATERIALIZED VIEW faq_vocabulary AS
        SELECT word, ndoc FROM ts_stat($$
          SELECT to_tsvector('simple', lower(public.immutable_unaccent(title || ' ' || answer))) FROM public.faq_entry WHERE status = 'PUBLISHED'
        $$) WHERE length(word) >= 3`);
    // text_pattern_ops: equality, and the words beginning with the typed word's first letters (a typo is rarely there).
    await q.query(`CREATE UNIQUE INDEX faq_vocabulary_word_idx ON faq_vocabulary (word text_pattern_ops)`);
    await q.query(`
      CREATE MATERIALIZED VIEW faq_lexeme AS
        SELECT word AS lexeme, ndoc FROM ts_stat($$ SELECT search FROM public.faq_entry WHERE status = 'PUBLISHED' $$)`);
    await q.query(`CREATE UNIQUE INDEX faq_lexeme_idx ON faq_lexeme (lexeme)`);
    for (const table of ['notification', 'notification_preference']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_kind_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_kind_check CHECK (kind IN (${KINDS}))`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['notification', 'notification_preference']) {
      await q.query(`DELETE FROM ${table} WHERE kind LIKE 'FAQ%'`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_kind_check`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_kind_check CHECK (kind IN (${KINDS_BEFORE}))`);
    }
    await q.query(`DROP MATERIALIZED VIEW faq_lexeme`);
    await q.query(`DROP MATERIALIZED VIEW faq_vocabulary`);
    await q.query(`DROP TABLE faq_avoided_question`);
    await q.query(`DROP TRIGGER faq_term_follow ON faq_entry`);
    await q.query(`DROP FUNCTION faq_term_follow()`);
    await q.query(`DROP TABLE faq_term`);
    await q.query(`ALTER TABLE faq_entry DROP COLUMN avoided_count`);
    await q.query(`ALTER TABLE faq_entry DROP COLUMN watch_terms`);
  }
}
