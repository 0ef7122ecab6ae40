import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { FaqScope, FaqStatus, FaqVisibility, LegalReferenceDto, ProjectTheme, ThreadCategory } from '@passerelle/shared/dto';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { SqlParams } from '../common/sql/sql-params';
import { changedRows } from '../database/changed-rows';

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
}

export interface FaqText {
  title: string;
  answer: string;
  theme: ProjectTheme;
  category: ThreadCategory;
  scope: FaqScope;
  visibility: FaqVisibility;
  legalReferences: LegalReferenceDto[];
  validUntil: string | null;
}

const ENTRY_COLUMNS = `
  e.id, e.departement_code, d.name AS departement_name, e.scope, e.visibility, e.status, e.title, e.answer, e.theme,
  e.category, e.legal_references, to_char(e.valid_until, 'YYYY-MM-DD') AS valid_until, e.author_id,
  au.display_name AS author_name, e.submitted_by, e.review_comment, e.version, e.view_count, e.helpful_yes,
  e.helpful_no, e.updated_at`;

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
        ORDER BY ${rank} DESC, e.updated_at DESC, e.id LIMIT ${params.add(limit)} OFFSET ${params.add(offset)}`,
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
