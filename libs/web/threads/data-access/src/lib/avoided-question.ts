import { DestroyRef, DOCUMENT, inject, Injectable } from '@angular/core';
import type { FaqAvoidedRequest, FaqSuggestionDto } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { FaqApi } from '@passerelle/web/faq/data-access';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';

/**
 * « Question évitée »: the user opened at least one suggestion from the ask form, then left it without sending their
 * question. Told to the API once, with the last suggestion opened, when the page is left: by a navigation inside
 * the app (this service is provided by the page, and ends with it), or by closing the tab (`pagehide`, with a
 * `keepalive` request that outlives the page). Sending the question never counts, nor does a send under way.
 */
@Injectable()
export class AvoidedQuestion {
  private readonly faq = inject(FaqApi);
  private readonly session = inject(AuthSession);
  private readonly baseUrl = inject(API_BASE_URL);
  private readonly window = inject(DOCUMENT).defaultView;

  private lastOpened: FaqAvoidedRequest | null = null;
  private sending = false;
  private settled = false;

  constructor() {
    const pageHidden = () => this.leave('unload');
    this.window?.addEventListener('pagehide', pageHidden);
    inject(DestroyRef).onDestroy(() => {
      this.window?.removeEventListener('pagehide', pageHidden);
      this.leave('navigation');
    });
  }

  /** A suggestion read from the form; a template (agents only) is no answer to a commune's question. */
  opened(suggestion: FaqSuggestionDto): void {
    if (suggestion.kind === 'FAQ' || suggestion.kind === 'THREAD') {
      this.lastOpened = { kind: suggestion.kind, id: suggestion.id };
    }
  }

  /** The question is on its way: leaving now is not giving it up. */
  sendStarted(): void {
    this.sending = true;
  }

  /** The question was not sent (refused, failed): leaving would again be giving it up. */
  sendFailed(): void {
    this.sending = false;
  }

  /** The question was sent: nothing will be counted. */
  sent(): void {
    this.settled = true;
  }

  private leave(how: 'navigation' | 'unload'): void {
    const avoided = this.lastOpened;
    if (this.settled || this.sending || !avoided) {
      return;
    }
    // Signed out from this page: there is nobody left to count it for.
    const token = this.session.accessToken();
    if (!token) {
      return;
    }
    this.settled = true;
    if (how === 'navigation') {
      this.faq.avoided(avoided).subscribe({ error: () => undefined });
      return;
    }
    // HttpClient's request would be cut as the page goes: `keepalive` lets this one finish, with the header that
    // the app's interceptor would have added.
    this.window
      ?.fetch(`${this.baseUrl}/faq/suggest/avoided`, {
        method: 'POST',
        keepalive: true,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(avoided),
      })
      .catch(() => undefined);
  }
}
