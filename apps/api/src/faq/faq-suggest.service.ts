import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FAQ_LIMITS, type FaqAvoidedRequest, type FaqSuggestionDto, type FaqSuggestionsDto } from '@passerelle/shared/dto';
import { type AuthUser, isStaff } from '../common/access/auth-user';
import { Clock } from '../common/clock/clock';
import { FaqException } from './faq.exception';
import { FaqRepository, type SuggestionRow, type SuggestQuery } from './faq.repository';
import { excerpt } from './faq-text';

/** Below this score a candidate shares too little with the question to be worth a mayor's attention. */
export const MIN_ENTRY_SCORE = 0.35;
/** The commune's own question comes first, but only when it is really close. */
export const MIN_THREAD_SCORE = 0.6;
/** A suggestion shares at least a third of the words that count (« comment » alone is no reason). */
const MIN_COVERAGE = 1 / 3;
const MAX_WORDS = 24;
const THREADS_MAX = 2;
const TEMPLATES_MAX = 2;
const SUGGESTION_EXCERPT = 160;

/**
 * Similar questions while someone types: the FAQ entries the user may read and, for a commune member, the commune's
 * own open questions (a duplicate of its own question is the first thing to catch); for an agent, the département's
 * answer templates. Each says which typed words it matched.
 */
@Injectable()
export class FaqSuggestService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: FaqRepository,
    private readonly clock: Clock,
  ) {}

  async suggest(user: AuthUser, title: string, body: string | undefined): Promise<FaqSuggestionsDto> {
    const query = suggestQuery(title, body);
    if (!query) {
      return { items: [] };
    }
    const max = FAQ_LIMITS.suggestionsMax;
    const staff = isStaff(user);
    const rows = await this.repository.suggest(
      { kind: 'user', user },
      query,
      { commune: staff ? null : user.communeInsee, templatesOf: staff ? user.departementCode : null },
      { entries: max, threads: THREADS_MAX, templates: TEMPLATES_MAX },
    );
    const of = (kind: SuggestionRow['kind'], minScore: number) => rows.filter((r) => r.kind === kind && relevant(r, minScore));
    if (staff) {
      const templates = rows.filter((r) => r.kind === 'TEMPLATE');
      const entries = of('FAQ', MIN_ENTRY_SCORE);
      return {
        items: [
          ...entries.slice(0, max - templates.length).map((r) => suggestion('FAQ', r, `/departement/faq/${r.id}`)),
          ...templates.map((r) => ({ ...suggestion('TEMPLATE', r, null), body: r.text })),
        ],
      };
    }
    return {
      items: [
        ...of('THREAD', MIN_THREAD_SCORE).map((r) => suggestion('THREAD', r, `/espace/questions/${r.id}`)),
        ...of('FAQ', MIN_ENTRY_SCORE).map((r) => suggestion('FAQ', r, `/espace/faq/${r.id}`)),
      ].slice(0, max),
    };
  }

  /** A commune member opened a suggestion from the ask form and left without asking. */
  async avoided(user: AuthUser, request: FaqAvoidedRequest): Promise<void> {
    const insee = user.communeInsee;
    const found =
      insee !== null &&
      (request.kind === 'FAQ'
        ? (await this.repository.find({ kind: 'user', user }, request.id))?.status === 'PUBLISHED'
        : await this.repository.isOpenCommuneThread(insee, request.id));
    if (!found || insee === null) {
      throw new FaqException('FAQ_NOT_FOUND');
    }
    const target = request.kind === 'FAQ' ? { entryId: request.id, threadId: null } : { entryId: null, threadId: request.id };
    const at = this.clock.now();
    await this.db.transaction((tx) => this.repository.recordAvoided(tx, at, { userId: user.id, departement: user.departementCode, insee }, target));
  }
}

/** The words of a title as typed (letters and digits, each once), or `null` when too short to suggest anything. */
export function suggestQuery(title: string, body: string | undefined): SuggestQuery | null {
  const trimmed = title.trim();
  if (trimmed.length < FAQ_LIMITS.suggestTitleMin) {
    return null;
  }
  const seen = new Set<string>();
  const words: string[] = [];
  for (const word of trimmed.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []) {
    const key = word.toLocaleLowerCase('fr');
    if (word.length >= 2 && !seen.has(key) && words.length < MAX_WORDS) {
      seen.add(key);
      words.push(word);
    }
  }
  return words.length === 0 ? null : { words, title: trimmed, body: (body ?? '').slice(0, FAQ_LIMITS.suggestBodyMax) };
}

function relevant(row: SuggestionRow, minScore: number): boolean {
  return row.score >= minScore && (row.matched?.length ?? 0) >= row.words * MIN_COVERAGE;
}

function suggestion(kind: FaqSuggestionDto['kind'], row: SuggestionRow, link: string | null): FaqSuggestionDto {
  return { kind, id: row.id, title: row.title, matchedWords: [...new Set(row.matched ?? [])], excerpt: excerpt(row.text, SUGGESTION_EXCERPT), link };
}
