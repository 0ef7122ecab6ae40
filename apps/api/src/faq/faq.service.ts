import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { FaqEntryDto, FaqEntryInput, FaqEntrySummaryDto, FaqReviewRequest, LegalReferenceDto, Page } from '@passerelle/shared/dto';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { parisDay } from '../common/calendar/working-calendar';
import { Clock } from '../common/clock/clock';
import { isUuid } from '../common/http/uuid';
import { page } from '../common/pagination/page-query.dto';
import type { FaqListQueryDto } from './dto/faq-requests.dto';
import { FaqException } from './faq.exception';
import { renderMarkdown } from '../common/text/markdown';
import { NotificationsService } from '../notifications/notifications.service';
import { type DraftMessageRow, type DraftSourceRow, type FaqEntryRow, type FaqReader, FaqRepository, type FaqText } from './faq.repository';
import { excerpt } from './faq-text';
import { judgeReview } from './faq-workflow';
import { personalDataMarks, watchTerm } from './personal-data';

/** What a review action leaves in the entry's history. */
const REVIEW_EVENTS = { submit: 'SUBMITTED', publish: 'PUBLISHED', reject: 'REJECTED', archive: 'ARCHIVED' } as const;

/**
 * The FAQ's rules: who reads what (in the repository's queries), who writes (the département's staff, on its own
 * entries only), and the review (`judgeReview`). Every saved text is kept as a revision.
 */
@Injectable()
export class FaqService {
  private readonly logger = new Logger(FaqService.name);
  /** The vocabulary refresh running, and whether another was asked for meanwhile. */
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: FaqRepository,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
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
        oldestFirst: query.sort === 'OLDEST',
      },
      query.limit,
      query.offset,
    );
    return page(
      rows.map((row) => (isStaff(user) && row.departement_code === user.departementCode ? { ...summary(row), ...staffSummary(row, user) } : summary(row))),
      total,
      query,
    );
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
    const filter = { q: query.q?.trim() || null, theme: query.theme ?? null, category: query.category ?? null, status: null, oldestFirst: query.sort === 'OLDEST' };
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
    const wasPublished = await this.db.transaction(async (tx) => {
      const entry = await this.lockOwn(tx, user, id, input.version);
      if (entry.status === 'ARCHIVED') {
        throw new FaqException('FAQ_ARCHIVED');
      }
      const version = await this.repository.updateText(tx, entry.id, text, at);
      await this.repository.insertRevision(tx, entry.id, version, text, user.id, at);
      if (entry.status === 'PUBLISHED') {
        await this.repository.setStatus(tx, entry.id, { status: 'IN_REVIEW', submittedBy: user.id }, at);
        await this.repository.insertReviewEvent(tx, entry.id, 'SUBMITTED', user.id, null, at);
        await this.notifyReviewers(tx, user, entry.id, text.title);
        return true;
      }
      return false;
    });
    if (wasPublished) {
      void this.refreshVocabulary();
    }
    return this.get(user, id);
  }

  async review(user: AuthUser, id: string, request: FaqReviewRequest): Promise<FaqEntryDto> {
    const at = this.clock.now();
    const publishedChanged = await this.db.transaction(async (tx) => {
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
      if (request.action === 'submit' || request.action === 'publish') {
        const marks = personalDataMarks(entry, entry.watch_terms);
        if (marks.length > 0) {
          throw new FaqException('FAQ_PERSONAL_DATA', { personalData: marks });
        }
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
      if (request.action === 'submit') {
        await this.notifyReviewers(tx, user, entry.id, entry.title);
      }
      if (request.action === 'publish' && entry.published_at === null) {
        await this.notifyAskingCommunes(tx, user, entry);
      }
      return entry.status === 'PUBLISHED' || verdict.next === 'PUBLISHED';
    });
    if (publishedChanged) {
      void this.refreshVocabulary();
    }
    return this.get(user, id);
  }

  /**
   * « Proposer en FAQ » on a question the département answered: a draft of the agent's département, pre-filled
   * with the question's subject, the commune's question as a quote to reword and the agents' public answers —
   * internal notes never —, the Légifrance links of the answers as references, and the people of the question and
   * the commune's name watched until reworded. The question stays private. Asked twice, the same draft comes back.
   */
  async draftFromThread(user: AuthUser, threadId: string): Promise<FaqEntryDto> {
    const source = isUuid(threadId) ? await this.repository.draftSource(user.departementCode, threadId) : undefined;
    if (!source) {
      throw new FaqException('FAQ_THREAD_NOT_FOUND');
    }
    const existing = await this.repository.draftOf(user.departementCode, source.id);
    if (existing) {
      return this.get(user, existing);
    }
    const messages = await this.repository.draftMessages(source.id);
    if (!messages.some((m) => m.author_side === 'DEPARTEMENT')) {
      throw new FaqException('FAQ_THREAD_NOT_ANSWERED');
    }
    const people = await this.repository.peopleOf(source.id, source.commune_insee);
    const text = draftText(source, messages);
    const terms = [watchTerm('COMMUNE', source.commune_name), ...people.map((name) => watchTerm('NAME', name))];
    const at = this.clock.now();
    const id = await this.db.transaction(async (tx) => {
      const created = await this.repository.insert(tx, user.departementCode, user.id, text, at);
      await this.repository.insertRevision(tx, created, 1, text, user.id, at);
      await this.repository.setWatchTerms(tx, created, terms);
      await this.repository.linkSourceThread(tx, created, source.id);
      return created;
    });
    return this.get(user, id);
  }

  /** Every agent and admin of the département but the one who submitted and the author: one of them reviews. */
  private async notifyReviewers(tx: EntityManager, user: AuthUser, entryId: string, title: string): Promise<void> {
    const staff = await this.notifications.departementStaff(tx, user.departementCode);
    await this.notifications.notify(tx, {
      recipients: staff.filter((id) => id !== user.id),
      kind: 'FAQ_TO_REVIEW',
      faqEntryId: entryId,
      title: `Réponse de la FAQ à relire : « ${title} »`,
      excerpt: '',
    });
  }

  /** On its first publication, the communes whose questions an entry was made from learn that they now help others. */
  private async notifyAskingCommunes(tx: EntityManager, publisher: AuthUser, entry: FaqEntryRow): Promise<void> {
    for (const source of await this.repository.sourceThreads(tx, entry.id)) {
      await this.notifications.notify(tx, {
        recipients: await this.notifications.communeMembers(tx, source.commune_insee, publisher.id),
        kind: 'FAQ_FROM_QUESTION',
        faqEntryId: entry.id,
        threadId: source.thread_id,
        title: `Votre question « ${source.subject} » aide désormais d’autres communes`,
        excerpt: entry.title,
      });
    }
  }

  /**
   * Reads the words of the published entries again, after the change that moved them is committed; one refresh at
   * a time, and one more if another change came meanwhile. A failure is logged: the nightly job catches up.
   */
  refreshVocabulary(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        try {
          await this.repository.refreshVocabulary();
        } catch (error) {
          this.logger.warn(`Vocabulaire de la FAQ non rafraîchi : ${(error as Error).message}`);
        }
      } while (this.refreshAgain);
      this.refreshing = null;
    })();
    return this.refreshing;
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
    }).finally(() => this.refreshVocabulary());
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
    if (ids.length > 0) {
      void this.refreshVocabulary();
    }
    return { entries: ids.length };
  }

  private async detail(reader: FaqReader, user: AuthUser | null, id: string): Promise<FaqEntryDto> {
    const row = isUuid(id) ? await this.repository.find(reader, id) : undefined;
    if (!row) {
      throw new FaqException('FAQ_NOT_FOUND');
    }
    const dto: FaqEntryDto = {
      ...summary(row),
      answer: row.answer,
      answerHtml: renderMarkdown(row.answer),
      legalReferences: row.legal_references,
      version: row.version,
    };
    if (user) {
      dto.myFeedback = await this.repository.feedbackOf(row.id, user.id);
    }
    if (user && isStaff(user)) {
      const own = row.departement_code === user.departementCode;
      const [revisions, sourceThreadIds] = own ? await Promise.all([this.repository.revisions(row.id), this.repository.sourceThreadIds(row.id)]) : [[], []];
      Object.assign(dto, {
        ...(own ? staffSummary(row, user) : { authorName: row.author_name }),
        reviewComment: own ? row.review_comment : null,
        revisions: revisions.map((r) => ({ version: r.version, title: r.title, editedAt: r.edited_at.toISOString(), editedByName: r.edited_by_name })),
        sourceThreadIds,
        canEdit: own && row.status !== 'ARCHIVED',
        personalData: own ? personalDataMarks(row, row.watch_terms) : [],
        avoidedCount: row.avoided_count,
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

const LEGIFRANCE_LINK = /\[([^\]]{3,200})\]\((https:\/\/www\.legifrance\.gouv\.fr\/[^)\s]{1,400})\)/g;

/** The draft of a question: its subject, the commune's words as a quote to reword, then the agents' answers. */
export function draftText(source: Pick<DraftSourceRow, 'subject' | 'category' | 'project_theme'>, messages: DraftMessageRow[]): FaqText {
  const question = messages.find((m) => m.author_side === 'COMMUNE');
  const answers = messages.filter((m) => m.author_side === 'DEPARTEMENT').map((m) => m.body.trim());
  const quote = question ? `> **Question posée, à reformuler pour toutes les communes :**\n${question.body.trim().replace(/^/gm, '> ')}\n\n` : '';
  const references = new Map<string, LegalReferenceDto>();
  for (const answer of answers) {
    for (const [, label, url] of answer.matchAll(LEGIFRANCE_LINK)) {
      references.set(url, { label: label.trim(), url });
    }
  }
  return {
    title: source.subject.trim(),
    answer: `${quote}${answers.join('\n\n')}`.slice(0, 20_000),
    theme: source.project_theme ?? 'AUTRE',
    category: source.category,
    scope: 'DEPARTEMENT',
    visibility: 'COMMUNES',
    legalReferences: [...references.values()].slice(0, 10),
    validUntil: null,
  };
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

/** What the staff of the entry's own département also read: its author, and whether they may review it. */
function staffSummary(row: FaqEntryRow, user: AuthUser): Pick<FaqEntrySummaryDto, 'authorName' | 'canReview'> {
  return { authorName: row.author_name, canReview: row.status === 'IN_REVIEW' && row.author_id !== user.id && row.submitted_by !== user.id };
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
