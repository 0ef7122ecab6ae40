import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The collaborative FAQ: answers written once by a département for all its communes, or as a national rule shared
 * read-only with every département of the installation.
 * - `faq_entry`: the current text, its life (`DRAFT` → `IN_REVIEW` → `PUBLISHED` → `ARCHIVED`), its counters, and
 *   two search keys: a weighted full-text document (title above answer, accents ignored) and the title without
 *   accents for trigram similarity (pg_trgm, installed with the territory).
 * - `faq_revision`: every saved text, for the history.
 * - `faq_review_event`: submissions, publications, rejections (with their reason), archiving, automatic returns to
 *   review (date passed, reference changed).
 * - `faq_source_thread`: the questions an entry was drafted from (they stay private).
 * - `faq_feedback`: one « cette réponse vous a-t-elle aidé ? » per signed-in reader and entry (the counters on the
 *   entry also count the public's answers).
 */
export class Faq1764460000000 implements MigrationInterface {
  name = 'Faq1764460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE faq_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        departement_code varchar(3) NOT NULL REFERENCES departement(code),
        scope text NOT NULL CHECK (scope IN ('DEPARTEMENT', 'NATIONAL')),
        visibility text NOT NULL CHECK (visibility IN ('COMMUNES', 'PUBLIC')),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED')),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        answer text NOT NULL CHECK (char_length(answer) <= 20000),
        theme text NOT NULL,
        category text NOT NULL,
        legal_references jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(legal_references) = 'array'),
        valid_until date,
        author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        submitted_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        reviewed_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        review_comment text,
        published_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        view_count integer NOT NULL DEFAULT 0,
        helpful_yes integer NOT NULL DEFAULT 0,
        helpful_no integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('public.french_unaccent', title), 'A') || setweight(to_tsvector('public.french_unaccent', answer), 'B')
        ) STORED,
        title_key text GENERATED ALWAYS AS (lower(public.immutable_unaccent(title))) STORED
      )`);
    await q.query(`CREATE INDEX faq_entry_list_idx ON faq_entry (departement_code, status, updated_at DESC)`);
    await q.query(`CREATE INDEX faq_entry_national_idx ON faq_entry (status, updated_at DESC) WHERE scope = 'NATIONAL'`);
    await q.query(`CREATE INDEX faq_entry_search_idx ON faq_entry USING gin (search)`);
    await q.query(`CREATE INDEX faq_entry_title_trgm_idx ON faq_entry USING gin (title_key gin_trgm_ops)`);
    await q.query(`CREATE INDEX faq_entry_references_idx ON faq_entry USING gin (legal_references jsonb_path_ops)`);
    await q.query(`CREATE INDEX faq_entry_expiry_idx ON faq_entry (valid_until) WHERE status = 'PUBLISHED' AND valid_until IS NOT NULL`);

    await q.query(`
      CREATE TABLE faq_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        entry_id uuid NOT NULL REFERENCES faq_entry(id) ON DELETE CASCADE,
        version integer NOT NULL,
        title text NOT NULL,
        answer text NOT NULL,
        theme text NOT NULL,
        category text NOT NULL,
        legal_references jsonb NOT NULL,
        valid_until date,
        edited_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        edited_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (entry_id, version)
      )`);
    await q.query(`
      CREATE TABLE faq_review_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        entry_id uuid NOT NULL REFERENCES faq_entry(id) ON DELETE CASCADE,
        action text NOT NULL CHECK (action IN ('SUBMITTED', 'PUBLISHED', 'REJECTED', 'ARCHIVED', 'EXPIRED', 'REFERENCE_CHANGED')),
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        comment text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX faq_review_event_entry_idx ON faq_review_event (entry_id, created_at)`);
    await q.query(`
      CREATE TABLE faq_source_thread (
        entry_id uuid NOT NULL REFERENCES faq_entry(id) ON DELETE CASCADE,
        thread_id uuid NOT NULL REFERENCES thread(id) ON DELETE CASCADE,
        PRIMARY KEY (entry_id, thread_id)
      )`);
    await q.query(`CREATE INDEX faq_source_thread_thread_idx ON faq_source_thread (thread_id)`);
    await q.query(`
      CREATE TABLE faq_feedback (
        entry_id uuid NOT NULL REFERENCES faq_entry(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        helpful boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (entry_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE faq_feedback`);
    await q.query(`DROP TABLE faq_source_thread`);
    await q.query(`DROP TABLE faq_review_event`);
    await q.query(`DROP TABLE faq_revision`);
    await q.query(`DROP TABLE faq_entry`);
  }
}
