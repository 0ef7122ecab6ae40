import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  FaqAvoidedRequest,
  FaqEntryDto,
  FaqEntryInput,
  FaqEntrySummaryDto,
  FaqReviewRequest,
  FaqSort,
  FaqStatus,
  FaqSuggestionsDto,
  Page,
  ProjectTheme,
  ThreadCategory,
} from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';

export interface FaqListFilter {
  q?: string;
  theme?: ProjectTheme | null;
  category?: ThreadCategory | null;
  /** Staff only: the entries of one state (the review queue is `IN_REVIEW`). */
  status?: FaqStatus | null;
  /** `OLDEST`: the longest waiting first (the review queue). */
  sort?: FaqSort;
  limit?: number;
  offset?: number;
}

/**
 * The FAQ for signed-in users (communes read published entries; the département's staff write and review theirs),
 * the public FAQ, the suggestions shown while a question or an answer is typed, and the draft made from a question.
 */
@Injectable({ providedIn: 'root' })
export class FaqApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  list(filter: FaqListFilter = {}): Observable<Page<FaqEntrySummaryDto>> {
    return this.http.get<Page<FaqEntrySummaryDto>>(`${this.baseUrl}/faq`, { params: params(filter) });
  }

  get(id: string): Observable<FaqEntryDto> {
    return this.http.get<FaqEntryDto>(this.url(id));
  }

  create(input: FaqEntryInput): Observable<FaqEntryDto> {
    return this.http.post<FaqEntryDto>(`${this.baseUrl}/faq`, input);
  }

  /** A stale `version` answers 409 `FAQ_VERSION_CONFLICT`. A published entry whose text changes goes back to review. */
  update(id: string, input: FaqEntryInput & { version: number }): Observable<FaqEntryDto> {
    return this.http.patch<FaqEntryDto>(this.url(id), input);
  }

  /** `submit` (refused with 409 `FAQ_PERSONAL_DATA` while personal data remains), `publish`, `reject` (with a reason), `archive`. */
  review(id: string, request: FaqReviewRequest): Observable<FaqEntryDto> {
    return this.http.post<FaqEntryDto>(`${this.url(id)}/review`, request);
  }

  /** « Cette réponse vous a-t-elle aidé ? »: one answer per reader, which they may change. */
  feedback(id: string, helpful: boolean): Observable<void> {
    return this.http.post<void>(`${this.url(id)}/feedback`, { helpful });
  }

  /** Marks a legal reference as changed: the département's published entries citing it go back to review. */
  referenceChanged(label: string): Observable<{ entries: number }> {
    return this.http.post<{ entries: number }>(`${this.baseUrl}/faq/references/changed`, { label });
  }

  /** At most five similar entries (and the commune's own open questions, or the agent's templates); none under 8 characters. */
  suggest(title: string, body = ''): Observable<FaqSuggestionsDto> {
    let query = new HttpParams().set('title', title);
    if (body.trim()) {
      query = query.set('body', body);
    }
    return this.http.get<FaqSuggestionsDto>(`${this.baseUrl}/faq/suggest`, { params: query });
  }

  /** The mayor opened this suggestion and left the ask form without sending: a question avoided. */
  avoided(request: FaqAvoidedRequest): Observable<void> {
    return this.http.post<void>(`${this.baseUrl}/faq/suggest/avoided`, request);
  }

  /** A draft pre-filled from an answered or closed question (public messages only); answers the new entry. */
  draftFromThread(threadId: string): Observable<FaqEntryDto> {
    return this.http.post<FaqEntryDto>(`${this.baseUrl}/threads/${encodeURIComponent(threadId)}/faq-draft`, {});
  }

  /** The public FAQ of the portal's département: public published entries only. */
  publicList(filter: Omit<FaqListFilter, 'status'> = {}): Observable<Page<FaqEntrySummaryDto>> {
    return this.http.get<Page<FaqEntrySummaryDto>>(`${this.baseUrl}/public/faq`, { params: params(filter) });
  }

  publicGet(id: string): Observable<FaqEntryDto> {
    return this.http.get<FaqEntryDto>(`${this.baseUrl}/public/faq/${encodeURIComponent(id)}`);
  }

  private url(id: string): string {
    return `${this.baseUrl}/faq/${encodeURIComponent(id)}`;
  }
}

function params(filter: FaqListFilter): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== null && value !== '') {
      result = result.set(key, String(value));
    }
  }
  return result;
}
