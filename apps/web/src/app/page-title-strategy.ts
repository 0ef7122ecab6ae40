import { inject, Injectable, Injector } from '@angular/core';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { PageTitle } from '@passerelle/web/shared/data-access';

/**
 * "<page> — Passerelle": the page first, so that tabs and screen-reader announcements start with what differs. A page
 * that knows its subject once loaded refines it through `PageTitle` ("Fiche projet — Réfection du lavoir · Passerelle").
 */
@Injectable()
export class PageTitleStrategy extends TitleStrategy {
  // Looked up on first use: `PageTitle` follows the router's events, and the router needs this strategy to be built.
  private readonly injector = inject(Injector);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.injector.get(PageTitle).setRouteTitle(this.buildTitle(snapshot));
  }
}
