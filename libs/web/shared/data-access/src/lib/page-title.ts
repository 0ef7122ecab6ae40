import { inject, Injectable } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { NavigationStart, Router } from '@angular/router';

export const PRODUCT_NAME = 'Passerelle';

function pathOf(url: string): string {
  return url.split(/[?#;]/)[0];
}

/**
 * The document title, the first thing a screen reader announces and the only way to tell tabs apart. The route's
 * static title ("Fiche projet") is set by the shell's title strategy; a page whose subject is only known once its data
 * has loaded names it with `set()`: "Fiche projet — Réfection du lavoir · Passerelle".
 */
@Injectable({ providedIn: 'root' })
export class PageTitle {
  private readonly title = inject(Title);
  private routeTitle: string | undefined;
  private parts: readonly string[] = [];

  constructor() {
    const router = inject(Router);
    // A page's own title lasts as long as its path: a query change (the search page's words, a page number) keeps it,
    // leaving for another page drops it even when that page sets none. Cleared at the start of the navigation, so the
    // order in which the strategy and the new page write does not matter.
    router.events.subscribe((event) => {
      if (event instanceof NavigationStart && pathOf(event.url) !== pathOf(router.url)) {
        this.parts = [];
      }
    });
  }

  /** The route's static title, from the shell's title strategy. */
  setRouteTitle(routeTitle: string | undefined): void {
    this.routeTitle = routeTitle;
    this.render();
  }

  /** The page's own title, e.g. `set('Fiche projet', project.title)`; no argument goes back to the route's title. */
  set(...parts: readonly (string | null | undefined)[]): void {
    this.parts = parts.map((part) => part?.trim() ?? '').filter((part) => part !== '');
    this.render();
  }

  private render(): void {
    if (this.parts.length > 0) {
      this.title.setTitle(`${this.parts.join(' — ')} · ${PRODUCT_NAME}`);
    } else {
      this.title.setTitle(this.routeTitle ? `${this.routeTitle} — ${PRODUCT_NAME}` : PRODUCT_NAME);
    }
  }
}
