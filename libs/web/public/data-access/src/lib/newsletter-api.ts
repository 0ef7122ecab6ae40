import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { NewsletterConfirmationDto, NewsletterSubscribeRequest } from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import { map, type Observable } from 'rxjs';

/**
 * The partners' newsletter (double opt-in): a subscription only sends the confirmation e-mail; its link confirms, and
 * the link of every letter unsubscribes in one step.
 */
@Injectable({ providedIn: 'root' })
export class NewsletterApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  /** 202 whatever the address: the answer tells nothing about who is subscribed. */
  subscribe(request: NewsletterSubscribeRequest): Observable<void> {
    return this.http
      .post(`${this.baseUrl}/public/newsletter/subscriptions`, request, { observe: 'response', responseType: 'text' })
      .pipe(map(() => undefined));
  }

  confirm(token: string): Observable<NewsletterConfirmationDto> {
    return this.http.get<NewsletterConfirmationDto>(
      `${this.baseUrl}/public/newsletter/confirm/${encodeURIComponent(token)}`,
    );
  }

  unsubscribe(token: string): Observable<void> {
    return this.http.post<void>(`${this.baseUrl}/public/newsletter/unsubscribe/${encodeURIComponent(token)}`, null);
  }
}
