import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Browser, type BrowserContext, type Page, type Request, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`), or the one named by CHROMIUM_PATH. */
function chromiumPath(): string {
  const candidates = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => !!p,
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error('Chromium not found: install Debian\'s "chromium" package or set CHROMIUM_PATH.');
  }
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    // The machines have no network but loopback: background services of Chromium would only fail.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1440, height: 900 },
} as const;

export function baseUrl(): string {
  const url = process.env['E2E_BASE_URL'];
  if (!url) {
    throw new Error('E2E_BASE_URL is not set: run the browser tests through their Jest config (global setup).');
  }
  return url;
}

/** The requests of each page still waiting for their answer, but its live stream (open for as long as the page). */
const inFlight = new WeakMap<Page, Set<Request>>();

/** Starts counting the pending requests of a page made without `newPage()`, for `networkSettled`. */
export function trackRequests(page: Page): void {
  const pending = new Set<Request>();
  inFlight.set(page, pending);
  page.on('request', (request) => {
    if (!new URL(request.url()).pathname.startsWith('/api/events')) {
      pending.add(request);
    }
  });
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => pending.delete(request));
}

export async function newPage(browser: Browser, viewport: keyof typeof VIEWPORTS): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'fr-FR', timezoneId: 'Europe/Paris', baseURL: baseUrl() });
  const page = await context.newPage();
  trackRequests(page);
  return { context, page };
}

/**
 * Playwright's `networkidle` never comes while the page holds its live stream (`/api/events`): this waits until
 * no other request of the page has been pending for `quietMs` (or `timeoutMs` passed; resolves either way).
 */
export async function networkSettled(page: Page, { quietMs = 500, timeoutMs = 5_000 } = {}): Promise<void> {
  const pending = inFlight.get(page);
  if (!pending) {
    throw new Error('networkSettled: open the page with newPage()');
  }
  const deadline = Date.now() + timeoutMs;
  let quietSince = pending.size === 0 ? Date.now() : Infinity;
  while (Date.now() < deadline) {
    if (pending.size > 0) {
      quietSince = Infinity;
    } else if (quietSince === Infinity) {
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) {
      return;
    }
    await page.waitForTimeout(50);
  }
}

/**
 * Screenshots land in test-output/web-e2e/screenshots, to be looked at. `fullPage: false` for dialogs and menus: a
 * full-page capture resizes the viewport, which moves overlays away from what the user sees.
 */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<string> {
  // `name` may hold a folder (`pages/accueil-390`).
  const path = join(__dirname, '../../../../test-output/web-e2e/screenshots', `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage });
  return path;
}
