import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { FaqEntryDto, FaqEntryInput, FaqEntrySummaryDto, FaqReviewRequest, Page } from '@passerelle/shared/dto';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { parisDay } from '../common/calendar/working-calendar';
import { Clock } from '../common/clock/clock';
import { isUuid } from '../common/http/uuid';
import { page } from '../common/pagination/page-query.dto';
import type { FaqListQueryDto } from './dto/faq-requests.dto';
import { FaqException } from './faq.exception';
import { type FaqEntryRow, type FaqReader, FaqRepository, type FaqText } from './faq.repository';
import { judgeReview } from './faq-workflow';

const EXCERPT_LENGTH = 220;

/** What a review action leaves in the entry's history. */
const REVIEW_EVENTS = { submit: 'SUBMITTED', publish: 'PUBLISHED', reject: 'REJECTED', archive: 'ARCHIVED' } as const;

/**
 * The FAQ's rules: who reads what (in the repository's queries), who writes (the département's staff, on its own
 * entries only), and the review (`judgeReview`). Every saved text is kept as a revision.
 */
@Injectable()
export class FaqService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: FaqRepository,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, query: FaqListQueryDto): Promise<Page<FaqEntrySummaryDto>> {
    const { rows, total } = await this.repository.list(
      { kind: 'user', user },
      {
        q: query.q?.trim() || null,
        theme: query.theme ?? null,
        category: query.category ?? null,
        // Communes read published entries only: a status asked for by one of them filters nothing more.
        status: isStaff(user) ? (query.status ?? null) : null,
      },
      query.limit,
      query.offset,
    );
    return page(rows.map(summary), total, query);
  }

  async get(user: AuthUser, id: string): Promise<FaqEntryDto> {
    const entry = await this.detail({ kind: 'user', user }, user, id);
    if (!isStaff(user)) {
      await this.repository.recordView(entry.id);
    }
    return entry;
  }

  /** The public FAQ of a département's portal: its public entries and the public national rules, published only. */
  async publicList(departementCode: string | null, query: FaqListQueryDto): Promise<Page<FaqEntrySummaryDto>> {
    const filter = { q: query.q?.trim() || null, theme: query.theme ?? null, category: query.category ?? null, status: null };
    const { rows, total } = await this.repository.list({ kind: 'public', departementCode }, filter, query.limit, query.offset);
    return page(rows.map(summary), total, query);
  }

  async publicGet(departementCode: string | null, id: string): Promise<FaqEntryDto> {
    const entry = await this.detail({ kind: 'public', departementCode }, null, id);
    await this.repository.recordView(entry.id);
    return entry;
  }

  /** « Cette réponse vous a-t-elle aidé ? » on an entry the user may read. */
  async feedback(user: AuthUser, id: string, helpful: boolean): Promise<void> {
    const entry = await this.detail({ kind: 'user', user }, user, id);
    if (entry.status !== 'PUBLISHED') {
      throw new FaqException('FAQ_WRONG_STATUS');
    }
    await this.db.transaction((tx) => this.repository.recordFeedback(tx, entry.id, user.id, helpful));
  }

  async create(user: AuthUser, input: FaqEntryInput): Promise<FaqEntryDto> {
    const at = this.clock.now();
    const text = textOf(input);
    const id = await this.db.transaction(async (tx) => {
      const created = await this.repository.insert(tx, user.departementCode, user.id, text, at);
      await this.repository.insertRevision(tx, created, 1, text, user.id, at);
      return created;
    });
    return this.get(user, id);
  }

  /** Saves a new text. An entry already published goes back to review: every text given to all communes is read by two. */
  async update(user: AuthUser, id: string, input: FaqEntryInput & { version: number }): Promise<FaqEntryDto> {
    const at = this.clock.now();
    const text = textOf(input);
    await this.db.transaction(async (tx) => {
      const entry = await this.lockOwn(tx, user, id, input.version);
      if (entry.status === 'ARCHIVED') {
        throw new FaqException('FAQ_ARCHIVED');
      }
      const version = await this.repository.updateText(tx, entry.id, text, at);
      await this.repository.insertRevision(tx, entry.id, version, text, user.id, at);
      if (entry.status === 'PUBLISHED') {
        await this.repository.setStatus(tx, entry.id, { status: 'IN_REVIEW', submittedBy: user.id }, at);
        await this.repository.insertReviewEvent(tx, entry.id, 'SUBMITTED', user.id, null, at);
      }
    });
    return this.get(user, id);
  }

  async review(user: AuthUser, id: string, request: FaqReviewRequest): Promise<FaqEntryDto> {
    const at = this.clock.now();
    await this.db.transaction(async (tx) => {
      const entry = await this.lockOwn(tx, user, id, request.version);
      const verdict = judgeReview(
        { status: entry.status, authorId: entry.author_id, submittedBy: entry.submitted_by },
        request.action,
        { userId: user.id, isAdmin: user.role === 'ADMIN' },
        request.reason,
      );
      if (!verdict.allowed) {
        throw new FaqException(verdict.reason === 'WRONG_STATUS' ? 'FAQ_WRONG_STATUS' : verdict.reason === 'OWN_ENTRY' ? 'FAQ_OWN_ENTRY' : 'FAQ_REASON_REQUIRED');
      }
      const reason = request.action === 'reject' ? (request.reason?.trim() ?? null) : null;
      await this.repository.setStatus(
        tx,
        entry.id,
        {
          status: verdict.next,
          submittedBy: request.action === 'submit' ? user.id : undefined,
          reviewedBy: request.action === 'publish' || request.action === 'reject' ? user.id : undefined,
          reviewComment: request.action === 'reject' ? reason : request.action === 'publish' ? null : undefined,
          published: request.action === 'publish',
        },
        at,
      );
      await this.repository.insertReviewEvent(tx, entry.id, REVIEW_EVENTS[request.action], user.id, reason, at);
    });
    return this.get(user, id);
  }

  /** The nightly sweep: published entries past their date go back to review. Answers how many. */
  async expireEntries(): Promise<number> {
    const at = this.clock.now();
    return this.db.transaction(async (tx) => {
      const ids = await this.repository.expire(tx, parisDay(at.getTime()), at);
      for (const id of ids) {
        await this.repository.insertReviewEvent(tx, id, 'EXPIRED', null, null, at);
      }
      return ids.length;
    });
  }

  /** An agent marks a legal reference as changed: every published entry of the département citing it goes back to review. */
  async referenceChanged(user: AuthUser, label: string): Promise<{ entries: number }> {
    const at = this.clock.now();
    const ids = await this.db.transaction(async (tx) => {
      const changed = await this.repository.backToReviewCiting(tx, user.departementCode, label, at);
      for (const id of changed) {
        await this.repository.insertReviewEvent(tx, id, 'REFERENCE_CHANGED', user.id, label, at);
      }
      return changed;
    });
    return { entries: ids.length };
  }

  private async detail(reader: FaqReader, user: AuthUser | null, id: string): Promise<FaqEntryDto> {
    const row = isUuid(id) ? await this.repository.find(reader, id) : undefined;
    if (!row) {
      throw new FaqException('FAQ_NOT_FOUND');
    }
    const dto: FaqEntryDto = { ...summary(row), answer: row.answer, legalReferences: row.legal_references, version: row.version };
    if (user && isStaff(user)) {
      const own = row.departement_code === user.departementCode;
      const [revisions, sourceThreadIds] = own ? await Promise.all([this.repository.revisions(row.id), this.repository.sourceThreadIds(row.id)]) : [[], []];
      Object.assign(dto, {
        authorName: row.author_name,
        reviewComment: own ? row.review_comment : null,
        revisions: revisions.map((r) => ({ version: r.version, title: r.title, editedAt: r.edited_at.toISOString(), editedByName: r.edited_by_name })),
        sourceThreadIds,
        canEdit: own && row.status !== 'ARCHIVED',
        canReview: own && row.status === 'IN_REVIEW' && row.author_id !== user.id && row.submitted_by !== user.id,
      });
    }
    return dto;
  }

  /** The caller's own département's entry, locked, at the version the caller read. */
  private async lockOwn(tx: Parameters<FaqRepository['lockOwn']>[0], user: AuthUser, id: string, version: number): Promise<FaqEntryRow> {
    const entry = isUuid(id) ? await this.repository.lockOwn(tx, user.departementCode, id) : undefined;
    if (!entry) {
      throw new FaqException('FAQ_NOT_FOUND');
    }
    if (entry.version !== version) {
      throw new FaqException('FAQ_VERSION_CONFLICT', { currentVersion: entry.version });
    }
    return entry;
  }
}

function textOf(input: FaqEntryInput): FaqText {
  return {
    title: input.title,
    answer: input.answer,
    theme: input.theme,
    category: input.category,
    scope: input.scope,
    visibility: input.visibility,
    legalReferences: input.legalReferences.map((r) => ({ label: r.label, url: r.url })),
    validUntil: input.validUntil,
  };
}

function summary(row: FaqEntryRow): FaqEntrySummaryDto {
  return {
    id: row.id,
    title: row.title,
    excerpt: excerpt(row.answer),
    theme: row.theme,
    category: row.category,
    scope: row.scope,
    visibility: row.visibility,
    status: row.status,
    departementCode: row.departement_code,
    departementName: row.departement_name,
    validUntil: row.valid_until,
    updatedAt: row.updated_at.toISOString(),
    views: row.view_count,
    helpfulYes: row.helpful_yes,
    helpfulNo: row.helpful_no,
  };
}

/** The answer's first words as plain text: Markdown marks, links' addresses and line breaks removed. */
export function excerpt(markdown: string): string {
  const text = markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>~|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH).replace(/\s+\S*$/, '')}…`;
}
