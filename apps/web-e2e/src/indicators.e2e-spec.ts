import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, networkSettled, newPage, screenshot } from './support/browser';
import { expectNoSidewaysScroll, signIn, squash, watchConsole } from './support/flows';

const ADMIN = 'admin@valdoise.example';
const BACKLOG = 'Questions en attente d’une première réponse';

/** WCAG 2.1 A and AA, as the accessibility suite checks every page. */
async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * The indicators, on the demo data (whose figures change with the day and with the other suites' questions: nothing
 * here depends on a number).
 */
describe('Indicateurs', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets an admin read the backlog first, the figures, a breakdown by canton and the questions behind a figure', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await page.setViewportSize({ width: 1280, height: 900 });
    const errors = watchConsole(page);
    await signIn(page, ADMIN);
    await page.goto('/departement');
    await page.getByRole('heading', { level: 1, name: 'Questions des communes' }).waitFor();
    await page.getByRole('navigation', { name: 'Espace du département' }).getByRole('link', { name: 'Indicateurs' }).click();
    await page.waitForURL('**/departement/indicateurs');
    await page.getByRole('heading', { level: 1, name: 'Indicateurs du département' }).waitFor();

    // The page starts with the questions still waiting.
    await page.getByRole('heading', { level: 2, name: BACKLOG }).waitFor();
    expect(squash(await page.locator('main h2').first().innerText())).toBe(BACKLOG);
    expect(squash(await page.locator('.backlog-figures').innerText())).toMatch(/^\d+ questions? en attente aujourd’hui, dont \d+ en retard/);
    await page.getByRole('table', { name: /Questions en attente par ancienneté/ }).waitFor();

    // The figure cards, each with its definition behind « ? ».
    const firstResponse = page.getByRole('article', { name: 'Première réponse, en temps ouvré' });
    await firstResponse.waitFor();
    expect(await page.locator('pas-figure-card').count()).toBe(7);
    expect(squash(await firstResponse.innerText())).toMatch(/Médiane .+ 90e centile .+ (Sur \d+|\d+ questions? répondues?|Aucune)/);
    await firstResponse.getByRole('button', { name: 'Définition : Première réponse, en temps ouvré' }).click();
    await firstResponse.getByText(/heures ouvrées/).first().waitFor();
    await page.locator('pas-chart-canvas canvas').first().waitFor();
    await networkSettled(page);
    await screenshot(page, 'indicators/departement-1280');

    // Another breakdown, then the cantons again: their table and their map.
    const groupSelect = page.getByRole('combobox', { name: 'Regrouper par' });
    await groupSelect.click();
    await page.getByRole('option', { name: 'Catégorie' }).click();
    await page.waitForURL(/groupBy=category/);
    await page.getByRole('table', { name: /^Première réponse par catégorie/ }).waitFor();
    await groupSelect.click();
    await page.getByRole('option', { name: 'Canton' }).click();
    const cantons = page.getByRole('table', { name: /^Première réponse par canton/ });
    await cantons.waitFor();
    expect(await cantons.getByRole('columnheader', { name: 'Communes' }).count()).toBe(1);
    await page.getByRole('region', { name: /^Carte des cantons/ }).waitFor();
    await page.locator('pas-choropleth-map path.leaflet-interactive').first().waitFor();

    // The questions behind a figure: the demo's questions of the last days.
    await page.getByRole('article', { name: 'Questions déposées' }).getByRole('button', { name: 'Voir les questions déposées' }).click();
    const drill = page.getByRole('heading', { level: 2, name: 'Questions déposées dans la période' });
    await drill.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'ind-drill-title');
    const list = page.getByRole('table', { name: /^Questions déposées dans la période/ });
    const firstQuestion = list.getByRole('row').nth(1).getByRole('link');
    await firstQuestion.waitFor();
    await screenshot(page, 'indicators/departement-drill-1280', { fullPage: false });
    expect(await axeViolations(page)).toEqual([]);

    // At 320 px nothing scrolls sideways: the wide tables scroll in their own region.
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByRole('button', { name: 'Ouvrir le menu' }).waitFor();
    await expectNoSidewaysScroll(page, 320);
    await screenshot(page, 'indicators/departement-320');

    await firstQuestion.click();
    await page.waitForURL(/\/departement\/questions\/[^/]+$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets a visitor open the public indicators from the footer, without any figure per agent or commune', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await page.setViewportSize({ width: 1280, height: 900 });
    const errors = watchConsole(page);
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Indicateurs', exact: true }).click();
    await page.waitForURL('**/indicateurs');
    await page.getByRole('heading', { level: 1, name: 'Délais de réponse du département aux communes' }).waitFor();
    // Every chart has its table, behind « Voir le tableau ».
    await page.locator('pas-volumes-view').getByText('Voir le tableau').click();
    await page.getByRole('table', { name: /^Questions par semaine/ }).waitFor();
    await page.getByRole('article', { name: 'Réponses dans l’objectif' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Regrouper par' }).count()).toBe(0);
    expect(squash(await page.locator('main').innerText())).not.toMatch(/Par canton|Par agent|Voir les questions/);
    const csv = page.getByRole('link', { name: 'Télécharger le fichier CSV' });
    expect(await csv.getAttribute('href')).toMatch(/\/api\/public\/indicators\.csv/);
    expect(await page.getByRole('link', { name: /Licence Ouverte/ }).count()).toBeGreaterThan(0);
    await page.locator('pas-chart-canvas canvas').first().waitFor();
    await networkSettled(page);
    await screenshot(page, 'indicators/public-1280');
    expect(await axeViolations(page)).toEqual([]);

    // The shell switches to its phone layout (the menu button) after the resize.
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByRole('button', { name: 'Ouvrir le menu' }).waitFor();
    await expectNoSidewaysScroll(page, 320);
    await screenshot(page, 'indicators/public-320');
    expect(errors).toEqual([]);
    await context.close();
  });
});
