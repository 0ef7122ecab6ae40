import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Page, PublicationActionInput, PublicationDto, PublicationPreviewDto, PublicationQueueItemDto, PublicationStalePreviewError } from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';

/** Publication of a completed project: its state and log, the actions, the preview, and the agents' queue. */
@Injectable({ providedIn: 'root' })
export class PublicationApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  get(projectId: string): Observable<PublicationDto> {
    return this.http.get<PublicationDto>(this.url(projectId));
  }

  /**
   * `request`, `consent`, `approve` (with the preview's `version`), `reject` (with a reason) or `withdraw`; answers the
   * new state. A stale `version` answers 409 `PUBLICATION_STALE_PREVIEW` with the current preview (`staleCurrent`).
   */
  act(projectId: string, input: PublicationActionInput): Observable<PublicationDto> {
    return this.http.post<PublicationDto>(this.url(projectId), input);
  }

  /**
   * Exactly what the public would see if the fiche were approved now, and its `version` for `approve`. Its photos and
   * documents point to the signed-in routes (`/api/documents/…`): load them with `ObjectUrls`.
   */
  preview(projectId: string): Observable<PublicationPreviewDto> {
    return this.http.get<PublicationPreviewDto>(`${this.url(projectId)}/preview`);
  }

  /** Projects of the département waiting for a review, oldest request first. */
  queue(limit = 50, offset = 0): Observable<Page<PublicationQueueItemDto>> {
    return this.http.get<Page<PublicationQueueItemDto>>(`${this.baseUrl}/publication/queue`, {
      params: new HttpParams().set('limit', limit).set('offset', offset),
    });
  }

  private url(projectId: string): string {
    return `${this.baseUrl}/projects/${encodeURIComponent(projectId)}/publication`;
  }
}

/** The current preview carried by a `409 PUBLICATION_STALE_PREVIEW`, or `null` for any other error. */
export function staleCurrent(error: unknown): PublicationPreviewDto | null {
  const body = (error as { error?: unknown } | null)?.error as Partial<PublicationStalePreviewError> | null | undefined;
  return body?.code === 'PUBLICATION_STALE_PREVIEW' && body.current ? body.current : null;
}
