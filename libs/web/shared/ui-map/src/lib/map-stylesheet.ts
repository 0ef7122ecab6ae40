import { DOCUMENT, inject, InjectionToken } from '@angular/core';

/**
 * URL of Leaflet's stylesheet, built by the app as a non-injected global style (`bundleName: "leaflet"`), so that
 * the pages without a map never download it and the CSP needs no inline style block for it. `null` skips loading
 * (unit tests, or an app that injects the stylesheet itself).
 */
export const MAP_STYLESHEET_URL = new InjectionToken<string | null>('MAP_STYLESHEET_URL', {
  providedIn: 'root',
  factory: () => 'leaflet.css',
});

const LINK_MARKER = 'data-map-stylesheet';

/** Adds the stylesheet once per document and resolves when it is applied (or failed: the outlines still draw). */
export function loadMapStylesheet(): Promise<void> {
  const href = inject(MAP_STYLESHEET_URL);
  const document = inject(DOCUMENT);
  if (href == null) {
    return Promise.resolve();
  }
  const existing = document.head.querySelector<HTMLLinkElement>(`link[${LINK_MARKER}]`);
  if (existing?.sheet) {
    return Promise.resolve();
  }
  const link = existing ?? document.createElement('link');
  const done = new Promise<void>((resolve) => {
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
  });
  if (!existing) {
    link.rel = 'stylesheet';
    link.href = href;
    link.setAttribute(LINK_MARKER, '');
    document.head.appendChild(link);
  }
  return done;
}
