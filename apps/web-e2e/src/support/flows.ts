import type { DevMailDto, Page as ListPage } from '@passerelle/shared/dto';
import type { Page } from 'playwright-core';
import { baseUrl, VIEWPORTS } from './browser';

/** The demo password (`DEMO_PASSWORD`), the same for every demo account. */
export const DEMO_PASSWORD = process.env['DEMO_PASSWORD'] ?? 'Passerelle-Vexin-2026';

export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`);
  if (!response.ok) {
    throw new Error(`GET ${path} answered ${response.status}`);
  }
  return (await response.json()) as T;
}

/** The mails written for `to` (demo mode, no SMTP), oldest first. */
export async function mailsTo(to: string): Promise<DevMailDto[]> {
  const mails = await getJson<ListPage<DevMailDto>>('/api/dev/mails?limit=100');
  return mails.items.filter((m) => m.to === to).reverse();
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/connexion');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
}

/** Dialogs and menus fade in: wait for the end of the animation before a screenshot. */
export async function settleOverlay(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.cdk-overlay-pane')).every((pane) => pane.getAnimations({ subtree: true }).length === 0),
  );
}

/**
 * The page fits the viewport's width: nothing to scroll sideways on a phone. Signed-in pages scroll inside the
 * sidenav's content box, not the document: both are measured.
 */
export async function expectNoSidewaysScroll(page: Page, viewport: keyof typeof VIEWPORTS | number): Promise<void> {
  const width = typeof viewport === 'number' ? viewport : VIEWPORTS[viewport].width;
  const { documentWidth, drawerOverflow, widest } = await sidewaysOverflow(page);
  // Compared as one object so that a failure also names the elements reaching past the edge.
  expect({ scrollsSideways: documentWidth > width || drawerOverflow > 0, documentWidth, drawerOverflow, widest }).toEqual({
    scrollsSideways: false,
    documentWidth,
    drawerOverflow,
    widest,
  });
}

/** What scrolls sideways: the document's width (to compare with the viewport's) and the sidenav content's overflow. */
export function sidewaysOverflow(page: Page): Promise<{ documentWidth: number; drawerOverflow: number; widest: string[] }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    // The elements reaching past the viewport's right edge, named for the failure message.
    const widest = Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((element) => element.getBoundingClientRect().right > viewport + 0.5)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')} → ${Math.round(element.getBoundingClientRect().right)}px`);
    return {
      documentWidth: document.documentElement.scrollWidth,
      drawerOverflow: Math.max(
        0,
        ...Array.from(document.querySelectorAll<HTMLElement>('.mat-drawer-content')).map((box) => box.scrollWidth - box.clientWidth),
      ),
      widest,
    };
  });
}

/** Errors of the page, apart from the tile server that cannot be reached on purpose. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('net::ERR_CONNECTION_REFUSED')) {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Text as a person reads it: French numbers use no-break spaces, which `\s` also matches. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
