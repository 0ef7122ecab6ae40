import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, networkSettled, newPage, screenshot, type VIEWPORTS } from './support/browser';
import { expectNoSidewaysScroll, signIn, watchConsole } from './support/flows';

const TITLE = 'Réfection du lavoir de la Viosne';

/** Every rule of axe-core (WCAG 2.x A and AA, best practices): no violation at all on the public pages. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect([name, summary]).toEqual([name, []]);
}

async function look(page: Page, name: string, viewport: keyof typeof VIEWPORTS): Promise<void> {
  await expectNoSidewaysScroll(page, viewport);
  await screenshot(page, `public-${name}-${viewport}`);
}

describe('Publication of a completed project and the public portal', () => {
  let browser: Browser;
  let projectPath = '';
  let slug = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets a collaborator ask for the publication of a completed project', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await signIn(page, 'secretariat@ableiges.example');
    await page.goto('/espace');
    await page.getByRole('link', { name: new RegExp(TITLE) }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Publication sur le portail public' }).waitFor();
    projectPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Demander la publication' }).waitFor();
    // The side column settles (session, thumbnails, storage) just after the panel appears: let it finish first.
    await networkSettled(page, { timeoutMs: 30_000 });
    const funding = page.getByLabel('Publier le financement obtenu (financeurs et montants)');
    for (let i = 0; i < 5 && (await funding.getAttribute('aria-checked')) !== 'true'; i++) {
      await funding.click();
      await page.waitForTimeout(200);
    }
    expect(await funding.getAttribute('aria-checked')).toBe('true');
    await page.getByRole('button', { name: 'Demander la publication' }).click();
    await page.getByText('le maire est prévenu', { exact: false }).first().waitFor();
    await page.getByText('En attente de l’accord du maire').first().waitFor();
    await context.close();
  });

  it('lets the mayor consent, which sends the fiche to the département', async () => {
    const { context, page } = await newPage(browser, 'phone');
    await signIn(page, 'maire@ableiges.example');
    await page.goto(projectPath);
    await page.getByRole('button', { name: 'Donner mon accord' }).click();
    await page.getByText('En attente de relecture par le département').first().waitFor();
    await screenshot(page, 'publication-panel-mayor-phone');
    await context.close();
  });

  it('lets an agent review exactly what the public will see, and approve', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await signIn(page, 'agent.voirie@valdoise.example');
    await page.goto('/departement/publications');
    await page.getByRole('link', { name: new RegExp(TITLE) }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Relecture avant publication' }).waitFor();
    // The preview shows the lessons learned and the public funding the commune chose to show.
    await page.getByText('Fondation du patrimoine').first().waitFor();
    await page.getByText('Faire réaliser un diagnostic de la charpente', { exact: false }).first().waitFor();
    await screenshot(page, 'publication-review-desktop');
    await page.getByRole('button', { name: 'Approuver et publier' }).click();
    // Publishing is public at once and e-mails the commune: a dialog asks first, and takes the focus.
    const confirm = page.getByRole('dialog', { name: 'Approuver et publier cette fiche ?' });
    await confirm.getByText('La commune sera prévenue par courriel.', { exact: false }).waitFor();
    // Focus moves into the dialog once it has opened.
    await page.waitForFunction(() => document.querySelector('[role="dialog"]')?.contains(document.activeElement) ?? false);
    await confirm.getByRole('button', { name: 'Approuver et publier' }).click();
    await page.waitForURL('**/departement/publications');
    await context.close();
  });

  it('lets a visitor find it by searching without accents, on the map and on its page, all accessible', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const { context, page } = await newPage(browser, viewport);
      const errors = watchConsole(page);

      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('link', { name: new RegExp(TITLE) }).first().waitFor();
      await expectAccessible(page, 'accueil');
      await look(page, 'home', viewport);

      await page.goto('/projets');
      await page.getByRole('searchbox').first().fill('refection lavoir viosne');
      await page.keyboard.press('Enter');
      const result = page.getByRole('link', { name: new RegExp(TITLE) }).first();
      await result.waitFor();
      await expectAccessible(page, 'recherche');
      await look(page, 'search', viewport);

      await result.click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      slug = new URL(page.url()).pathname.split('/').pop() as string;
      expect(await page.title()).toContain(TITLE);
      expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toContain(TITLE);
      await page.getByText('Faire réaliser un diagnostic de la charpente', { exact: false }).first().waitFor();
      await expectAccessible(page, 'projet');
      await look(page, 'project', viewport);

      // On the map, filtered by the same words: one marker, whose popup leads to the page.
      await page.goto('/carte?q=viosne');
      const marker = page.locator('.leaflet-marker-icon').first();
      await marker.waitFor();
      expect(await page.locator('.leaflet-marker-icon').count()).toBe(1);
      await marker.click();
      const link = page.locator('.leaflet-popup').getByRole('link', { name: new RegExp(`Voir le projet.*${TITLE}`) });
      await link.waitFor();
      // Leaflet fades the popup in: measure contrast once it is opaque.
      await page.waitForFunction(() => getComputedStyle(document.querySelector('.leaflet-popup') as Element).opacity === '1');
      await expectAccessible(page, 'carte');
      await look(page, 'map', viewport);
      await link.click();
      await page.waitForURL(`**/projets/${slug}`);

      for (const [path, name] of [
        ['/donnees-ouvertes', 'open-data'],
        ['/accessibilite', 'accessibility'],
        ['/mentions-legales', 'legal'],
      ] as const) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await expectAccessible(page, name);
        await look(page, name, viewport);
      }
      expect(errors).toEqual([]);
      await context.close();
    }
    // Fourteen pages checked by axe, at two widths, while other browser tests run alongside.
  }, 180_000);

  it('takes it off the portal at once when the mayor withdraws consent', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await signIn(page, 'maire@ableiges.example');
    await page.goto(projectPath);
    await page.getByRole('button', { name: 'Retirer l’accord' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Retirer l’accord' }).click();
    await page.getByText('Non publié').first().waitFor();
    await context.close();

    const visitor = await newPage(browser, 'desktop');
    await visitor.page.goto(`/projets/${slug}`);
    await visitor.page.getByText('n’est pas publié', { exact: false }).first().waitFor();
    await visitor.page.goto('/projets?q=refection%20lavoir%20viosne');
    await visitor.page.getByText(/aucun projet/i).first().waitFor();
    expect(await visitor.page.getByRole('link', { name: new RegExp(TITLE) }).count()).toBe(0);
    await visitor.page.goto('/carte?q=viosne');
    await visitor.page.getByText(/0 projet|aucun projet/i).first().waitFor();
    expect(await visitor.page.locator('.leaflet-marker-icon').count()).toBe(0);
    await visitor.context.close();
  });
});
