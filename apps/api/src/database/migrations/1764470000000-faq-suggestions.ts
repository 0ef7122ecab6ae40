import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'AGENT_REPLY', 'THREAD_CLOSED', 'THREAD_CREATED', 'COMMUNE_REPLY', 'THREAD_ASSIGNED', 'PUBLICATION_TO_CONSENT', 'PUBLICATION_TO_REVIEW', 'PUBLICATION_DECIDED'`;
const KINDS = `${KINDS_BEFORE}, 'FAQ_FROM_QUESTION', 'FAQ_TO_REVIEW'`;

/**
 * The FAQ meets the questions:
 * - `faq_entry.watch_terms`: the words of a draft made from a question that must not reach other communes (the
 *   people of the question and the asking commune's name); the entry cannot be submitted while one remains.
 * - `faq_avoided_question`: a commune member opened a suggestion from the ask form and left without sending, once
 *   per user, suggestion and hour; `faq_entry.avoided_count` keeps the entry's total for the staff.
 * - `faq_entry.suggest_doc`: the title (weight A) and the answer's first 600 characters (B) for the suggestions: small
 *   enough to rank hundreds of candidates within a keystroke, where the whole answer's document is not.
 * - `faq_vocabulary`: every word of the published entries, without accents, so that a word typed with a typo
 *   (« subvension ») is read as the nearest word the FAQ uses (pg_trgm) before the full-text search. A materialized
 *   view, refreshed after each change of what is published and every night.
 * - notifications: the asking commune is told when its question becomes an entry; the staff when an entry waits for
 *   its review.
 */
export class FaqSuggestions1764470000000 implements MigrationInterface {
  name = 'FaqSuggestions1764470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE faq_entry ADD COLUMN watch_terms text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE faq_entry ADD COLUMN avoided_count integer NOT NULL DEFAULT 0`);
    await q.query(`
      ALTER TABLE faq_entry ADD COLUMN suggest_doc tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('public.french_unaccent', title), 'A') || setweight(to_tsvector('public.french_unaccent', left(answer, 600)), 'B')
      ) STORED`);
    await q.query(`CREATE INDEX faq_entry_suggest_idx ON faq_entry USING gin (suggest_doc) WHERE status = 'PUBLISHED'`);
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
    await q.query(`CREATE UNIQUE INDEX faq_vocabulary_word_idx ON faq_vocabulary (word)`);
    // GiST answers « the nearest word » by walking the index (KNN), where GIN must check every word sharing a trigram.
    await q.query(`CREATE INDEX faq_vocabulary_trgm_idx ON faq_vocabulary USING gist (word gist_trgm_ops)`);
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
    await q.query(`DROP MATERIALIZED VIEW faq_vocabulary`);
    await q.query(`DROP TABLE faq_avoided_question`);
    await q.query(`ALTER TABLE faq_entry DROP COLUMN suggest_doc`);
    await q.query(`ALTER TABLE faq_entry DROP COLUMN avoided_count`);
    await q.query(`ALTER TABLE faq_entry DROP COLUMN watch_terms`);
  }
}
