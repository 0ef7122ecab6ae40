import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  NotificationPageDto,
  NotificationPreferenceDto,
  UnreadCountDto,
  UnsubscribeInput,
  UnsubscribeResultDto,
  UpdateNotificationPreferencesInput,
} from '@passerelle/shared/dto';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import type { Observable } from 'rxjs';

export interface NotificationListQuery {
  /** Only the unread ones; all of them when left out. */
  unread?: boolean;
  limit?: number;
  offset?: number;
}

/** The signed-in user's notifications, their e-mail preferences, and the public unsubscribe link of the e-mails. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  /** Newest first, with the number of unread ones whatever the filter. */
  list(query: NotificationListQuery = {}): Observable<NotificationPageDto> {
    let params = new HttpParams();
    if (query.unread != null) {
      params = params.set('unread', query.unread);
    }
    if (query.limit != null) {
      params = params.set('limit', query.limit);
    }
    if (query.offset != null) {
      params = params.set('offset', query.offset);
    }
    return this.http.get<NotificationPageDto>(`${this.baseUrl}/notifications`, { params });
  }

  unreadCount(): Observable<UnreadCountDto> {
    return this.http.get<UnreadCountDto>(`${this.baseUrl}/notifications/unread-count`);
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(`${this.baseUrl}/notifications/${encodeURIComponent(id)}/read`, null);
  }

  markAllRead(): Observable<void> {
    return this.http.post<void>(`${this.baseUrl}/notifications/read-all`, null);
  }

  /** Only the kinds that the user's role receives. */
  getPreferences(): Observable<NotificationPreferenceDto[]> {
    return this.http.get<NotificationPreferenceDto[]>(`${this.baseUrl}/me/notification-preferences`);
  }

  updatePreferences(input: UpdateNotificationPreferencesInput): Observable<NotificationPreferenceDto[]> {
    return this.http.put<NotificationPreferenceDto[]>(`${this.baseUrl}/me/notification-preferences`, input);
  }

  /** What an e-mail's unsubscribe link is about; changes nothing (mail scanners follow links). No sign-in needed. */
  describeUnsubscribe(token: string): Observable<UnsubscribeResultDto> {
    return this.http.get<UnsubscribeResultDto>(`${this.baseUrl}/notifications/unsubscribe`, {
      params: new HttpParams().set('token', token),
    });
  }

  /** Stops the e-mails of the link's kind. No sign-in needed. */
  unsubscribe(token: string): Observable<UnsubscribeResultDto> {
    const body: UnsubscribeInput = { token };
    return this.http.post<UnsubscribeResultDto>(`${this.baseUrl}/notifications/unsubscribe`, body);
  }
}
