import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { FaqEntryInput, FaqScope, FaqStatus, FaqVisibility, LegalReferenceDto, ProjectTheme, ThreadCategory, ThreadState } from '@passerelle/shared/dto';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { SqlParams } from '../common/sql/sql-params';
import { changedRows } from '../database/changed-rows';
import { preparedQuery } from '../database/prepared-query';

export interface FaqEntryRow {
  id: string;
  departement_code: string;
  departement_name: string;
  scope: FaqScope;
  visibility: FaqVisibility;
  status: FaqStatus;
  title: string;
  answer: string;
  theme: ProjectTheme;
  category: ThreadCategory;
  legal_references: LegalReferenceDto[];
  valid_until: string | null;
  author_id: string | null;
  author_name: string | null;
  submitted_by: string | null;
  review_comment: string | null;
  version: number;
  view_count: number;
  helpful_yes: number;
  helpful_no: number;
  avoided_count: number;
  watch_terms: string[];
  published_at: Date | null;
  updated_at: Date;
}

export interface FaqRevisionRow {
  version: number;
  title: string;
  edited_at: Date;
  edited_by_name: string | null;
}

/** Who reads: a signed-in user, or the public of one département's portal. */
export type FaqReader = { kind: 'user'; user: AuthUser } | { kind: 'public'; departementCode: string | null };

export interface FaqListFilter {
  q: string | null;
  theme: ProjectTheme | null;
  category: ThreadCategory | null;
  status: FaqStatus | null;
  oldestFirst: boolean;
}

/** The text of an entry, as the contract takes it. */
export type FaqText = FaqEntryInput;

/** What a similar question is looked for with: the title's words as typed, the title, the body. */
export interface SuggestQuery {
  words: string[];
  title: string;
  body: string;
}

export interface SuggestionRow {
  kind: 'FAQ' | 'THREAD' | 'TEMPLATE';
  id: string;
  title: string;
  text: string;
  score: number;
  matched: string[] | null;
  /** How many of the typed words count (stop words do not). */
  words: number;
}

/** A question an agent makes a draft from: its subject, its commune, and what its project is about. */
export interface DraftSourceRow {
  id: string;
  subject: string;
  category: ThreadCategory;
  state: ThreadState;
  commune_insee: string;
  commune_name: string;
  project_theme: ProjectTheme | null;
}

export interface DraftMessageRow {
  author_side: 'COMMUNE' | 'DEPARTEMENT';
  body: string;
}

const ENTRY_COLUMNS = `
  e.id, e.departement_code, d.name AS departement_name, e.scope, e.visibility, e.status, e.title, e.answer, e.theme,
  e.category, e.legal_references, to_char(e.valid_until, 'YYYY-MM-DD') AS valid_until, e.author_id,
  au.display_name AS author_name, e.submitted_by, e.review_comment, e.version, e.view_count, e.helpful_yes,
  e.helpful_no, e.avoided_count, e.watch_terms, e.published_at, e.updated_at`;

/**
 * The words of a suggestion query (`$1` the title's words as typed, `$2` the title, `$3` the body):
 * - each word is read as the FAQ's nearest word when the FAQ does not use it as typed (« subvension » →
 *   « subvention »): the most similar (trigrams) of the words beginning with the same three letters; `lexeme` keeps each typed word with its French lexemes
 *   (`lexemes`, accents ignored) and its query (`tq`), to say which words matched. Computed once (`MATERIALIZED`);
 * - `wanted`: the lexemes looked for, the title's at full weight, the body's others at a third;
 * - `query.tq` matches a document sharing any of the title's words (the questions and templates, few to rank);
 *   `query.bq` any word of the body; `query.title_key` is the title without accents, for the trigram similarity.
 */
const SUGGEST_WORDS = `
  token AS (
    SELECT t.ord, t.word, lower(public.immutable_unaccent(t.word)) AS folded FROM unnest($1::text[]) WITH ORDINALITY AS t(word, ord)
  ),
  corrected AS (
    SELECT ord, word, coalesce(
      (SELECT v.word FROM faq_vocabulary v WHERE v.word = folded),
      (SELECT v.word FROM faq_vocabulary v
        WHERE length(folded) >= 4 AND similarity(v.word, folded) >= 0.5
          -- The words beginning with its first three letters, as an index range (a prepared plan cannot use LIKE's).
          AND v.word ~>=~ left(folded, 3) AND v.word ~<~ (left(folded, 2) || chr(ascii(substr(folded, 3, 1)) + 1))
        ORDER BY similarity(v.word, folded) DESC, v.ndoc DESC LIMIT 1),
      folded) AS key
    FROM token
  ),
  lexeme AS MATERIALIZED (
    SELECT ord, word, plainto_tsquery('public.french_unaccent', key) AS tq,
           tsvector_to_array(to_tsvector('public.french_unaccent', key)) AS lexemes
      FROM corrected
  ),
  wanted AS MATERIALIZED (
    SELECT DISTINCT x AS lexeme, 1.0::real AS factor FROM lexeme, unnest(lexemes) x
    UNION ALL
    SELECT DISTINCT x, 0.33 FROM unnest(tsvector_to_array(to_tsvector('public.french_unaccent', $3))) x
     WHERE NOT EXISTS (SELECT 1 FROM lexeme l WHERE x = ANY(l.lexemes))
  ),
  query AS (
    SELECT coalesce(string_agg('(' || l.tq::text || ')', ' | ') FILTER (WHERE numnode(l.tq) > 0), '')::tsquery AS tq,
           replace(plainto_tsquery('public.french_unaccent', $3)::text, ' & ', ' | ')::tsquery AS bq,
           lower(public.immutable_unaccent($2)) AS title_key
      FROM lexeme l
  )`;

/** How many of the best candidates by their shared words the trigram similarity of the titles re-ranks. */
const RERANKED = 20;
/** The scale of the words' rarity (idf = ln(1 + scale / entries using the word)): a rare word counts more. */
const IDF_SCALE = 1000;
/**
 * A word used by more than this share of the entries (« commune ») does not choose the candidates when another word
 * does: it would add little to their rank and cost the most (one row per entry to add up). It still counts among the
 * words matched.
 */
const COMMON_SHARE = 0.4;

/** The typed words found in an entry's shared lexemes `hit` (a text[]), in their order, and how many typed words count. */
const MATCHED_LEXEMES = (hit: string) =>
  `(SELECT array_agg(l.word ORDER BY l.ord) FROM lexeme l WHERE l.lexemes && ${hit}) AS matched,
   (SELECT count(*)::int FROM lexeme l WHERE numnode(l.tq) > 0) AS words`;

/** The typed words found in a document `doc` (a tsvector), in their order, and how many typed words count. */
const MATCHED_WORDS = (doc: string) =>
  `(SELECT array_agg(l.word ORDER BY l.ord) FROM lexeme l WHERE numnode(l.tq) > 0 AND ${doc} @@ l.tq) AS matched,
   (SELECT count(*)::int FROM lexeme l WHERE numnode(l.tq) > 0) AS words`;

const ENTRY_FROM = `faq_entry e JOIN departement d ON d.code = e.departement_code LEFT JOIN app_user au ON au.id = e.author_id`;

/**
 * Which entries a reader sees, as a condition on alias `e`:
 * - the public: published public entries of the portal's département, and published public national rules;
 * - a commune member: the published entries of their département, and the published national rules;
 * - staff: every entry of their own département, whatever its status, and the published national rules of others.
 */
export function faqVisibleTo(reader: FaqReader, params: SqlParams): string {
  if (reader.kind === 'public') {
    const own = reader.departementCode === null ? 'false' : `e.departement_code = ${params.add(reader.departementCode)}`;
    return `(e.status = 'PUBLISHED' AND e.visibility = 'PUBLIC' AND (${own} OR e.scope = 'NATIONAL'))`;
  }
  const departement = params.add(reader.user.departementCode);
  if (isStaff(reader.user)) {
    return `(e.departement_code = ${departement} OR (e.status = 'PUBLISHED' AND e.scope = 'NATIONAL'))`;
  }
  return `(e.status = 'PUBLISHED' AND (e.departement_code = ${departement} OR e.scope = 'NATIONAL'))`;
}

/**
 * The same rule as `faqVisibleTo` for rows known to be published (the postings of `faq_term`, alias `alias`): the
 * public reads the public ones of its portal's département and the public national rules; everyone signed in reads
 * their département's and the national rules.
 */
export function publishedVisibleTo(reader: FaqReader, params: SqlParams, alias: string): string {
  const departement = params.add(reader.kind === 'public' ? reader.departementCode : reader.user.departementCode);
  const scope = `(${alias}.departement_code = ${departement} OR ${alias}.scope = 'NATIONAL')`;
  return reader.kind === 'public' ? `(${alias}.visibility = 'PUBLIC' AND ${scope})` : scope;
}

/** The SQL of the FAQ. Every read states who reads (`faqVisibleTo`); every write names the owning département. */
@Injectable()
export class FaqRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One page of the entries the reader sees, by relevance to the words when searching, else the latest first. */
  async list(reader: FaqReader, filter: FaqListFilter, limit: number, offset: number): Promise<{ rows: FaqEntryRow[]; total: number }> {
    const params = new SqlParams();
    const where = [faqVisibleTo(reader, params)];
    let rank = '0::real';
    if (filter.q) {
      const query = `websearch_to_tsquery('public.french_unaccent', ${params.add(filter.q)})`;
      where.push(`e.search @@ ${query}`);
      rank = `ts_rank(e.search, ${query})`;
    }
    if (filter.theme) {
      where.push(`e.theme = ${params.add(filter.theme)}`);
    }
    if (filter.category) {
      where.push(`e.category = ${params.add(filter.category)}`);
    }
    if (filter.status) {
      where.push(`e.status = ${params.add(filter.status)}`);
    }
    const rows: (FaqEntryRow & { total: string })[] = await this.db.query(
      `SELECT ${ENTRY_COLUMNS}, count(*) OVER () AS total FROM ${ENTRY_FROM}
        WHERE ${where.join(' AND ')}
        ORDER BY ${rank} DESC, e.updated_at ${filter.oldestFirst ? 'ASC' : 'DESC'}, e.id LIMIT ${params.add(limit)} OFFSET ${params.add(offset)}`,
      params.values,
    );
    return { rows, total: rows[0] ? Number(rows[0].total) : 0 };
  }

  async find(reader: FaqReader, id: string): Promise<FaqEntryRow | undefined> {
    const params = new SqlParams(id);
    const rows: FaqEntryRow[] = await this.db.query(`SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_FROM} WHERE e.id = $1 AND ${faqVisibleTo(reader, params)}`, params.values);
    return rows[0];
  }

  /** The entry of département `departement`, locked for a change (`FOR UPDATE`). */
  async lockOwn(tx: EntityManager, departement: string, id: string): Promise<FaqEntryRow | undefined> {
    const rows: FaqEntryRow[] = await tx.query(
      `SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_FROM} WHERE e.id = $1 AND e.departement_code = $2 FOR UPDATE OF e`,
      [id, departement],
    );
    return rows[0];
  }

  async insert(tx: EntityManager, departement: string, authorId: string, text: FaqText, at: Date): Promise<string> {
    const [{ id }]: { id: string }[] = await tx.query(
      `INSERT INTO faq_entry (departement_code, scope, visibility, title, answer, theme, category, legal_references, valid_until,
                              author_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::date, $10, $11, $11) RETURNING id`,
      [departement, text.scope, text.visibility, text.title, text.answer, text.theme, text.category, JSON.stringify(text.legalReferences), text.validUntil, authorId, at],
    );
    return id;
  }

  /** Replaces the text of a locked entry and moves its version on. */
  async updateText(tx: EntityManager, id: string, text: FaqText, at: Date): Promise<number> {
    const [{ version }] = await changedRows<{ version: number }>(
      tx,
      `UPDATE faq_entry SET scope = $2, visibility = $3, title = $4, answer = $5, theme = $6, category = $7,
              legal_references = $8::jsonb, valid_until = $9::date, version = version + 1, updated_at = $10
        WHERE id = $1 RETURNING version`,
      [id, text.scope, text.visibility, text.title, text.answer, text.theme, text.category, JSON.stringify(text.legalReferences), text.validUntil, at],
    );
    return version;
  }

  /** Keeps the text of version `version` in the history. */
  async insertRevision(tx: EntityManager, id: string, version: number, text: FaqText, editorId: string, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO faq_revision (entry_id, version, title, answer, theme, category, legal_references, valid_until, edited_by, edited_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::date, $9, $10)`,
      [id, version, text.title, text.answer, text.theme, text.category, JSON.stringify(text.legalReferences), text.validUntil, editorId, at],
    );
  }

  async revisions(id: string): Promise<FaqRevisionRow[]> {
    return this.db.query(
      `SELECT r.version, r.title, r.edited_at, u.display_name AS edited_by_name
         FROM faq_revision r LEFT JOIN app_user u ON u.id = r.edited_by WHERE r.entry_id = $1 ORDER BY r.version DESC`,
      [id],
    );
  }

  async setStatus(
    tx: EntityManager,
    id: string,
    change: { status: FaqStatus; submittedBy?: string; reviewedBy?: string; reviewComment?: string | null; published?: boolean },
    at: Date,
  ): Promise<number> {
    const [{ version }] = await changedRows<{ version: number }>(
      tx,
      `UPDATE faq_entry
          SET status = $2, submitted_by = coalesce($3, submitted_by), reviewed_by = coalesce($4, reviewed_by),
              review_comment = CASE WHEN $5::boolean THEN $6 ELSE review_comment END,
              published_at = CASE WHEN $7::boolean THEN $8 ELSE published_at END,
              version = version + 1, updated_at = $8
        WHERE id = $1 RETURNING version`,
      [id, change.status, change.submittedBy ?? null, change.reviewedBy ?? null, change.reviewComment !== undefined, change.reviewComment ?? null, change.published === true, at],
    );
    return version;
  }

  async insertReviewEvent(tx: EntityManager, id: string, action: string, actorId: string | null, comment: string | null, at: Date): Promise<void> {
    await tx.query(`INSERT INTO faq_review_event (entry_id, action, actor_id, comment, created_at) VALUES ($1, $2, $3, $4, $5)`, [id, action, actorId, comment, at]);
  }

  async linkSourceThread(tx: EntityManager, id: string, threadId: string): Promise<void> {
    await tx.query(`INSERT INTO faq_source_thread (entry_id, thread_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [id, threadId]);
  }

  async sourceThreadIds(id: string): Promise<string[]> {
    const rows: { thread_id: string }[] = await this.db.query(`SELECT thread_id FROM faq_source_thread WHERE entry_id = $1 ORDER BY thread_id`, [id]);
    return rows.map((r) => r.thread_id);
  }

  /** The reader's answer to « cette réponse vous a-t-elle aidé ? », if any. */
  async feedbackOf(id: string, userId: string): Promise<boolean | null> {
    const rows: { helpful: boolean }[] = await this.db.query(`SELECT helpful FROM faq_feedback WHERE entry_id = $1 AND user_id = $2`, [id, userId]);
    return rows[0]?.helpful ?? null;
  }

  /** One more reading of a published entry (readers outside the département's staff only). */
  async recordView(id: string): Promise<void> {
    await this.db.query(`UPDATE faq_entry SET view_count = view_count + 1 WHERE id = $1 AND status = 'PUBLISHED'`, [id]);
  }

  /**
   * The reader's answer to « cette réponse vous a-t-elle aidé ? », one per reader and entry: a changed mind moves
   * the counters, the same answer twice counts once.
   */
  async recordFeedback(tx: EntityManager, id: string, userId: string, helpful: boolean): Promise<void> {
    // The entry's row is locked first: two answers of one reader at once are counted one after the other.
    await tx.query(`SELECT 1 FROM faq_entry WHERE id = $1 FOR UPDATE`, [id]);
    const [previous]: { helpful: boolean }[] = await tx.query(`SELECT helpful FROM faq_feedback WHERE entry_id = $1 AND user_id = $2`, [id, userId]);
    if (previous?.helpful === helpful) {
      return;
    }
    await tx.query(
      `INSERT INTO faq_feedback (entry_id, user_id, helpful) VALUES ($1, $2, $3)
       ON CONFLICT (entry_id, user_id) DO UPDATE SET helpful = excluded.helpful, created_at = now()`,
      [id, userId, helpful],
    );
    const before = previous ? previous.helpful : null;
    await tx.query(`UPDATE faq_entry SET helpful_yes = helpful_yes + $2, helpful_no = helpful_no + $3 WHERE id = $1`, [
      id,
      (helpful ? 1 : 0) - (before === true ? 1 : 0),
      (helpful ? 0 : 1) - (before === false ? 1 : 0),
    ]);
  }


  /**
   * Everything that looks like the question being typed, in one statement (the typed words are read once), best
   * first within each kind:
   * - `FAQ`: the published entries the reader sees: full-text rank of the title's words (title above the answer's
   *   start) and of the body's words, a little helpfulness; the trigram similarity of the titles then re-ranks the
   *   best of them (it costs far more than the rank);
   * - `THREAD` (`sources.commune`): that commune's own open questions, by their subject;
   * - `TEMPLATE` (`sources.templatesOf`): that département's answer templates.
   * A named prepared statement: planned once per connection, not at every keystroke.
   */
  async suggest(
    reader: FaqReader,
    query: SuggestQuery,
    sources: { commune: string | null; templatesOf: string | null },
    limits: { entries: number; threads: number; templates: number },
  ): Promise<SuggestionRow[]> {
    const params = new SqlParams(query.words, query.title, query.body);
    const parts = [
      `WITH ${SUGGEST_WORDS},
       known AS (
         SELECT w.lexeme, w.factor, x.ndoc, x.ndoc > ${COMMON_SHARE} * (SELECT max(ndoc) FROM faq_lexeme) AS common
           FROM wanted w JOIN faq_lexeme x ON x.lexeme = w.lexeme
       ),
       weight AS (
         SELECT k.lexeme, k.factor * ln(1 + ${IDF_SCALE}::real / k.ndoc) AS idf FROM known k
          WHERE NOT k.common OR NOT EXISTS (SELECT 1 FROM known o WHERE NOT o.common)
       ),
       title_hit AS (
         SELECT p.entry_id AS id FROM faq_term p JOIN weight g ON g.lexeme = p.lexeme
          WHERE p.in_title AND ${publishedVisibleTo(reader, params, 'p')}
          GROUP BY p.entry_id ORDER BY sum(g.idf) DESC LIMIT ${RERANKED}
       ),
       answer_hit AS (
         SELECT p.entry_id AS id FROM faq_term p JOIN weight g ON g.lexeme = p.lexeme
          WHERE (SELECT count(*) FROM title_hit) < ${RERANKED} AND ${publishedVisibleTo(reader, params, 'p')}
          GROUP BY p.entry_id ORDER BY sum(p.score * g.idf) DESC LIMIT ${RERANKED}
       ),
       entry_candidate AS (
         SELECT c.id, (SELECT sum(p.score * g.idf) FROM faq_term p JOIN weight g ON g.lexeme = p.lexeme WHERE p.entry_id = c.id)
                        / greatest((SELECT sum(idf) FROM weight), 1e-6) AS rank
           FROM (SELECT id FROM title_hit UNION SELECT id FROM answer_hit) c
       ),
       entry_best AS (
         SELECT c.id,
                3 * c.rank + 2 * similarity(e.title_key, query.title_key) + 0.3 * (e.helpful_yes + 1)::real / (e.helpful_yes + e.helpful_no + 2) AS score
           FROM entry_candidate c JOIN faq_entry e ON e.id = c.id, query
          ORDER BY score DESC LIMIT ${params.add(limits.entries)}
       )`,
    ];
    const selects = [
      `SELECT 'FAQ' AS kind, b.id, e.title, left(e.answer, 1000) AS text, b.score,
              ${MATCHED_LEXEMES('(SELECT array_agg(t.lexeme) FROM faq_term t WHERE t.entry_id = b.id AND t.lexeme IN (SELECT lexeme FROM wanted))')}
         FROM entry_best b JOIN faq_entry e ON e.id = b.id`,
    ];
    if (sources.commune) {
      parts.push(`
       thread_best AS (
         SELECT t.id, t.subject, t.search_subject,
                3 * ts_rank(t.search_subject, query.tq) + 2 * similarity(lower(public.immutable_unaccent(t.subject)), query.title_key) AS score
           FROM thread t, query
          WHERE t.commune_insee = ${params.add(sources.commune)} AND t.state <> 'CLOSED'
            AND (t.search_subject @@ query.tq OR lower(public.immutable_unaccent(t.subject)) % query.title_key)
          ORDER BY score DESC LIMIT ${params.add(limits.threads)}
       )`);
      selects.push(`SELECT 'THREAD', c.id, c.subject, coalesce((SELECT m.body FROM thread_message m WHERE m.thread_id = c.id AND NOT m.internal
                                                  ORDER BY m.created_at, m.id LIMIT 1), ''), c.score, ${MATCHED_WORDS('c.search_subject')}
         FROM thread_best c`);
    }
    if (sources.templatesOf) {
      parts.push(`
       template_best AS (
         SELECT a.id, a.title, a.body, d.doc, 3 * ts_rank(d.doc, query.tq) + ts_rank(d.doc, query.bq) AS score
           FROM answer_template a, query,
                LATERAL (SELECT setweight(to_tsvector('public.french_unaccent', a.title), 'A')
                                || setweight(to_tsvector('public.french_unaccent', a.body), 'B') AS doc) d
          WHERE a.departement_code = ${params.add(sources.templatesOf)} AND d.doc @@ query.tq
          ORDER BY score DESC LIMIT ${params.add(limits.templates)}
       )`);
      selects.push(`SELECT 'TEMPLATE', c.id, c.title, c.body, c.score, ${MATCHED_WORDS('c.doc')} FROM template_best c`);
    }
    return preparedQuery(this.db, `${parts.join(',')} ${selects.join(' UNION ALL ')} ORDER BY score DESC`, params.values);
  }

  /** Reads the words of the published entries again (after a change of what is published, and every night). */
  async refreshVocabulary(): Promise<void> {
    await this.db.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY faq_vocabulary`);
    await this.db.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY faq_lexeme`);
  }

  /** A question an agent of `departement` may make a draft from. */
  async draftSource(departement: string, threadId: string): Promise<DraftSourceRow | undefined> {
    const rows: DraftSourceRow[] = await this.db.query(
      `SELECT t.id, t.subject, t.category, t.state, t.commune_insee, c.name AS commune_name, p.theme AS project_theme
         FROM thread t JOIN commune c ON c.insee = t.commune_insee LEFT JOIN project p ON p.id = t.project_id
        WHERE t.id = $1 AND t.departement_code = $2`,
      [threadId, departement],
    );
    return rows[0];
  }

  /** The public messages of a question, in order: internal notes never. */
  async draftMessages(threadId: string): Promise<DraftMessageRow[]> {
    return this.db.query(
      `SELECT author_side, body FROM thread_message WHERE thread_id = $1 AND NOT internal ORDER BY created_at, id`,
      [threadId],
    );
  }

  /** The people of a question: whoever wrote in it (notes included), and the commune's members. */
  async peopleOf(threadId: string, insee: string): Promise<string[]> {
    const rows: { name: string }[] = await this.db.query(
      `SELECT DISTINCT u.display_name AS name FROM app_user u
        WHERE u.id IN (SELECT m.author_id FROM thread_message m WHERE m.thread_id = $1)
           OR u.id IN (SELECT t.created_by FROM thread t WHERE t.id = $1 UNION SELECT t.assignee_id FROM thread t WHERE t.id = $1)
           OR u.commune_insee = $2`,
      [threadId, insee],
    );
    return rows.map((r) => r.name).filter((name) => name.trim().length > 0);
  }

  /** The entry of the département already made from this question, unless archived. */
  async draftOf(departement: string, threadId: string): Promise<string | undefined> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT e.id FROM faq_source_thread s JOIN faq_entry e ON e.id = s.entry_id
        WHERE s.thread_id = $1 AND e.departement_code = $2 AND e.status <> 'ARCHIVED' ORDER BY e.created_at LIMIT 1`,
      [threadId, departement],
    );
    return rows[0]?.id;
  }

  async setWatchTerms(tx: EntityManager, id: string, terms: string[]): Promise<void> {
    await tx.query(`UPDATE faq_entry SET watch_terms = $2 WHERE id = $1`, [id, terms]);
  }

  /** The questions an entry was made from, with their commune (to tell it that its question now helps others). */
  async sourceThreads(tx: EntityManager, id: string): Promise<{ thread_id: string; commune_insee: string; subject: string }[]> {
    return tx.query(
      `SELECT t.id AS thread_id, t.commune_insee, t.subject FROM faq_source_thread s JOIN thread t ON t.id = s.thread_id WHERE s.entry_id = $1`,
      [id],
    );
  }

  /**
   * A commune member opened a suggestion and left without asking: counted once per user, suggestion and hour.
   * Answers whether it counted.
   */
  async recordAvoided(
    tx: EntityManager,
    at: Date,
    who: { userId: string; departement: string; insee: string },
    target: { entryId: string | null; threadId: string | null },
  ): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO faq_avoided_question (user_id, departement_code, commune_insee, entry_id, thread_id, hour)
       VALUES ($1, $2, $3, $4, $5, date_trunc('hour', $6::timestamptz))
       ON CONFLICT ON CONSTRAINT faq_avoided_once DO NOTHING RETURNING id`,
      [who.userId, who.departement, who.insee, target.entryId, target.threadId, at],
    );
    if (rows.length > 0 && target.entryId) {
      await tx.query(`UPDATE faq_entry SET avoided_count = avoided_count + 1 WHERE id = $1`, [target.entryId]);
    }
    return rows.length > 0;
  }

  /** Whether the commune's question `threadId` is still open. */
  async isOpenCommuneThread(insee: string, threadId: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM thread WHERE id = $1 AND commune_insee = $2 AND state <> 'CLOSED'`, [threadId, insee]);
    return rows.length > 0;
  }

  /** Published entries past their « valable jusqu'au » date on `today` go back to review; answers their ids. */
  async expire(tx: EntityManager, today: string, at: Date): Promise<string[]> {
    const rows = await changedRows<{ id: string }>(
      tx,
      `UPDATE faq_entry SET status = 'IN_REVIEW', submitted_by = NULL, version = version + 1, updated_at = $2
        WHERE status = 'PUBLISHED' AND valid_until < $1::date RETURNING id`,
      [today, at],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The département's published entries citing a reference (its label compared without case, accents or extra
   * spaces) go back to review; answers their ids.
   */
  async backToReviewCiting(tx: EntityManager, departement: string, label: string, at: Date): Promise<string[]> {
    const key = (value: string) => `lower(regexp_replace(btrim(public.immutable_unaccent(${value})), '\\s+', ' ', 'g'))`;
    const rows = await changedRows<{ id: string }>(
      tx,
      `UPDATE faq_entry e SET status = 'IN_REVIEW', submitted_by = NULL, version = version + 1, updated_at = $3
        WHERE e.departement_code = $1 AND e.status = 'PUBLISHED'
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(e.legal_references) r WHERE ${key("r ->> 'label'")} = ${key('$2')})
        RETURNING e.id`,
      [departement, label, at],
    );
    return rows.map((r) => r.id);
  }
}
