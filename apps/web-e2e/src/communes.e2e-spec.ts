import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from './support/browser';

const COMMUNE_PATHS = '.leaflet-overlay-pane path';
const LIMIT_PATHS = '.leaflet-limits-pane path';

async function countOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).count();
}

/** Waits until the map has drawn exactly `n` commune outlines. */
async function waitForCommuneOutlines(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    ([selector, expected]) => document.querySelectorAll(selector).length === expected,
    [COMMUNE_PATHS, n] as const,
    { timeout: 20_000 },
  );
}

describe('Communes of the département (the territory map)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the 183 commune outlines coloured by size and the canton limits, although no tile can load', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    const failedTiles: string[] = [];
    page.on('requestfailed', (request) => {
      if (request.url().startsWith(`${process.env['E2E_TILE_ORIGIN']}/`)) {
        failedTiles.push(request.url());
      }
    });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('net::ERR_CONNECTION_REFUSED')) {
        consoleErrors.push(message.text());
      }
    });
    // A visitor has no session hint cookie: the page does not even ask for a session.
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/auth/')) {
        apiCalls.push(request.url());
      }
    });

    await page.goto('/communes');
    await waitForCommuneOutlines(page, 183);

    expect(await page.title()).toBe('Les communes — Passerelle');
    // Two colours: 126 communes under 5,000 inhabitants, 57 of 5,000 or more.
    const fills = await page.locator(COMMUNE_PATHS).evaluateAll((paths) =>
      paths.reduce<Record<string, number>>((acc, p) => {
        const fill = p.getAttribute('fill') ?? '';
        acc[fill] = (acc[fill] ?? 0) + 1;
        return acc;
      }, {}),
    );
    expect(Object.values(fills).sort((a, b) => a - b)).toEqual([57, 126]);
    // 21 canton limits, plus the département's outline.
    expect(await countOf(page, LIMIT_PATHS)).toBe(22);
    await expect(page.getByRole('region', { name: /Carte des communes/ }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Contours © IGN Admin Express').isVisible()).resolves.toBe(true);

    await page.getByRole('status').filter({ hasText: '183 communes trouvées' }).waitFor();
    expect(failedTiles.length).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
    expect(apiCalls).toEqual([]);
    await screenshot(page, 'communes-desktop');
    await context.close();
  });

  it('filters the list when searching without accents, and shows the commune chosen on the map', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await page.goto('/communes');
    await waitForCommuneOutlines(page, 183);

    await page.getByRole('searchbox', { name: 'Rechercher une commune' }).fill('ecouen');
    await page.getByRole('status').filter({ hasText: '1 commune trouvée' }).waitFor();
    const names = await page.locator('table .commune-button').allInnerTexts();
    expect(names.map((n) => n.trim())).toEqual(['Écouen']);

    await page.getByRole('button', { name: 'Écouen' }).click();
    const panel = page.getByRole('complementary', { name: 'Fiche de la commune' });
    await panel.getByRole('heading', { name: 'Écouen' }).waitFor();
    expect(await panel.innerText()).toMatch(/95440/);
    // The chosen commune is highlighted on the map too: one outline drawn thicker than the others.
    const weights = await page.locator(COMMUNE_PATHS).evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke-width')));
    expect(weights.filter((w) => w === '4')).toHaveLength(1);

    // Clicking an outline on the map opens that commune's panel.
    await page.getByRole('button', { name: 'Fermer la fiche' }).click();
    const box = await page.getByRole('region', { name: /Carte des communes/ }).boundingBox();
    if (!box) {
      throw new Error('the map has no box');
    }
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await panel.getByRole('heading', { level: 3 }).waitFor();
    expect(await panel.innerText()).toMatch(/Population[\s\S]*habitants[\s\S]*Code INSEE[\s\S]*95\d{3}/);
    await screenshot(page, 'communes-desktop-commune');
    await context.close();
  });

  it('can be used with the keyboard only: skip link first, then the search field and the list', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await page.goto('/communes');
    await waitForCommuneOutlines(page, 183);

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Aller au contenu');

    const search = page.getByRole('searchbox', { name: 'Rechercher une commune' });
    for (let i = 0; i < 40 && !(await search.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('saint');
    await page.getByRole('status').filter({ hasText: /^\d+ communes trouvées$/ }).waitFor();
    await page.locator('table .commune-button', { hasText: 'Saint-Clair-sur-Epte' }).waitFor();

    let focused = '';
    for (let i = 0; i < 20 && !focused.startsWith('Saint'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() =>
        document.activeElement?.classList.contains('commune-button') ? (document.activeElement.textContent?.trim() ?? '') : '',
      );
    }
    expect(focused).toMatch(/^Saint/);
    await page.keyboard.press('Enter');
    const heading = page.getByRole('complementary', { name: 'Fiche de la commune' }).getByRole('heading', { name: focused });
    await heading.waitFor();
    await screenshot(page, 'communes-desktop-keyboard');
    await context.close();
  });

  it('fits a phone: the navigation moves into a menu, the map and the list stay usable', async () => {
    const { context, page } = await newPage(browser, 'phone');
    await page.goto('/communes');
    await waitForCommuneOutlines(page, 183);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'communes-phone');

    await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
    const drawer = page.getByRole('navigation', { name: 'Navigation principale' });
    // The drawer's content is drawn as it opens: its links are read once it shows them.
    await drawer.getByRole('link').first().waitFor();
    expect(await drawer.getByRole('link').allInnerTexts()).toEqual(['Accueil', 'Carte', 'Projets', 'Questions fréquentes']);
    await page.getByRole('button', { name: 'Fermer le menu' }).click();
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect(await page.title()).toBe('Connexion — Passerelle');
    await context.close();
  });

  it('serves the pages of the application on their own address, and a French 404 page for unknown ones', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    // A private page first asks the visitor to sign in, and keeps the way back.
    await page.goto('/departement');
    await page.waitForURL('**/connexion?retour=%2Fdepartement');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.title()).toBe('Connexion — Passerelle');
    await page.goto('/nulle-part');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.title()).toBe('Page introuvable — Passerelle');
    await context.close();
  });
});
