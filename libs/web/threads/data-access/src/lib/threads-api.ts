import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable, Injector } from '@angular/core';
import type {
  AssignThreadInput,
  BulkThreadsInput,
  BulkThreadsResult,
  ChangeThreadStateInput,
  CommuneFileDto,
  CommuneThreadsQuery,
  CreateThreadInput,
  EditMessageInput,
  FilledTemplateDto,
  InboxQuery,
  MessageDto,
  MessageRevisionDto,
  Page,
  PostMessageInput,
  SatisfactionInput,
  ThreadDto,
  ThreadSummaryDto,
} from '@passerelle/shared/dto';
import { NotificationCenter } from '@passerelle/web/notifications/data-access';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import { type Observable, tap } from 'rxjs';

/** Questions to the département: the commune's lists, the agents' inbox, one thread and what can be done with it. */
@Injectable({ providedIn: 'root' })
export class ThreadsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);
  private readonly injector = inject(Injector);

  listCommuneThreads(insee: string, query: CommuneThreadsQuery = {}): Observable<Page<ThreadSummaryDto>> {
    return this.http.get<Page<ThreadSummaryDto>>(`${this.communeUrl(insee)}/threads`, { params: queryParams(query) });
  }

  createThread(insee: string, input: CreateThreadInput): Observable<ThreadDto> {
    return this.http.post<ThreadDto>(`${this.communeUrl(insee)}/threads`, input);
  }

  /** Agents and admins: the département's queue. */
  inbox(query: InboxQuery = {}): Observable<Page<ThreadSummaryDto>> {
    return this.http.get<Page<ThreadSummaryDto>>(`${this.baseUrl}/inbox`, { params: queryParams(query) });
  }

  bulk(input: BulkThreadsInput): Observable<BulkThreadsResult> {
    return this.http.post<BulkThreadsResult>(`${this.baseUrl}/inbox/bulk`, input);
  }

  /** Opening a thread also marks it (and its notifications) read: the bell's count is asked for again at once. */
  getThread(id: string): Observable<ThreadDto> {
    return this.http.get<ThreadDto>(this.threadUrl(id)).pipe(tap(() => this.injector.get(NotificationCenter).refresh()));
  }

  /** Answers the thread as it is after the message (state, clock, messages). */
  postMessage(threadId: string, input: PostMessageInput): Observable<ThreadDto> {
    return this.http.post<ThreadDto>(`${this.threadUrl(threadId)}/messages`, input);
  }

  editMessage(messageId: string, input: EditMessageInput): Observable<MessageDto> {
    return this.http.patch<MessageDto>(`${this.baseUrl}/messages/${encodeURIComponent(messageId)}`, input);
  }

  messageRevisions(messageId: string): Observable<MessageRevisionDto[]> {
    return this.http.get<MessageRevisionDto[]>(`${this.baseUrl}/messages/${encodeURIComponent(messageId)}/revisions`);
  }

  /** 409 when the thread changed since `input.version` (e.g. a colleague closed it first). */
  changeState(threadId: string, input: ChangeThreadStateInput): Observable<ThreadDto> {
    return this.http.post<ThreadDto>(`${this.threadUrl(threadId)}/state`, input);
  }

  assign(threadId: string, input: AssignThreadInput): Observable<ThreadDto> {
    return this.http.put<ThreadDto>(`${this.threadUrl(threadId)}/assignee`, input);
  }

  setLabels(threadId: string, labelIds: string[]): Observable<ThreadDto> {
    return this.http.put<ThreadDto>(`${this.threadUrl(threadId)}/labels`, { labelIds });
  }

  rate(threadId: string, input: SatisfactionInput): Observable<ThreadDto> {
    return this.http.post<ThreadDto>(`${this.threadUrl(threadId)}/satisfaction`, input);
  }

  /** The département's answer templates with `{{commune}}` and `{{maire}}` filled in for this thread. */
  templatesFor(threadId: string): Observable<FilledTemplateDto[]> {
    return this.http.get<FilledTemplateDto[]>(`${this.threadUrl(threadId)}/answer-templates`);
  }

  /** Staff: the commune's facts, projects, threads, satisfaction and timeline. */
  communeFile(insee: string): Observable<CommuneFileDto> {
    return this.http.get<CommuneFileDto>(`${this.communeUrl(insee)}/file`);
  }

  private communeUrl(insee: string): string {
    return `${this.baseUrl}/communes/${encodeURIComponent(insee)}`;
  }

  private threadUrl(id: string): string {
    return `${this.baseUrl}/threads/${encodeURIComponent(id)}`;
  }
}

/** Query parameters without the empty ones. */
export function queryParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params = params.set(key, String(value));
    }
  }
  return params;
}
