import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, networkSettled, newPage, screenshot } from './support/browser';
import { expectNoSidewaysScroll, settleOverlay, signIn, squash, watchConsole } from './support/flows';

const MAYOR = 'maire@ableiges.example';
const ADMIN = 'admin@valdoise.example';

/** WCAG 2.1 A and AA, as the accessibility suite checks every page. */
async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Personal data (RGPD): the public notice, « Télécharger mes données », the retention job's dry run. */
describe('Données personnelles', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets a visitor read the notice from the footer, with the register for the DPO', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    const errors = watchConsole(page);
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Données personnelles', exact: true }).click();
    await page.waitForURL('**/donnees-personnelles');
    await page.getByRole('heading', { level: 1, name: 'Données personnelles' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Comptes et accès' }).waitFor();
    for (const name of ['Journal de sécurité', 'Publication des projets terminés', 'Statistiques et indicateurs']) {
      expect(await page.getByRole('heading', { level: 3, name, exact: true }).count()).toBe(1);
    }
    const main = squash(await page.locator('main').innerText());
    expect(main).toContain('Droit d’opposition (article 21 du RGPD)');
    expect(main).toMatch(/Journal de sécurité et d’activité\s*1 an/);
    expect(await page.getByRole('table').getByRole('row').count()).toBeGreaterThan(5);

    const register = page.getByRole('link', { name: 'Télécharger le registre (CSV)' });
    const href = await register.getAttribute('href');
    expect(href).toBe('/api/public/privacy/register.csv');
    const csv = await page.request.get(href ?? '');
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const text = (await csv.body()).toString('utf8');
    expect(text.startsWith('\ufeffRéférence;Activité de traitement;Responsable du traitement;')).toBe(true);
    expect(text.split('\r\n').filter((line) => line !== '')).toHaveLength(10);

    await networkSettled(page);
    await screenshot(page, 'privacy/notice-1440');
    expect(await axeViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByRole('button', { name: 'Ouvrir le menu' }).waitFor();
    await expectNoSidewaysScroll(page, 320);
    await screenshot(page, 'privacy/notice-320');

    // Where a user lands once they asked for their account to be deleted (signed out by then).
    await page.goto('/suppression-du-compte?date=2026-04-13T09:00:00.000Z');
    await page.getByRole('heading', { level: 1, name: 'Votre compte sera supprimé le 13/04/2026' }).waitFor();
    expect(await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).getAttribute('href')).toBe('/connexion');
    await expectNoSidewaysScroll(page, 320);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets the mayor ask for their data, see the archive become ready and download the zip', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    const errors = watchConsole(page);
    await signIn(page, MAYOR);
    await page.goto('/compte');
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    const section = page.getByRole('region', { name: 'Mes données' });
    await section.getByRole('button', { name: 'Télécharger mes données' }).click();
    await section.getByRole('status').filter({ hasText: 'Votre archive est en préparation' }).waitFor();

    // Built in the background; the list refreshes by itself until it is ready.
    const download = section.getByRole('button', { name: /^Télécharger l’archive demandée le / });
    await download.waitFor({ timeout: 45_000 });
    await section.getByRole('status').filter({ hasText: 'Votre archive est prête' }).waitFor();
    expect(squash(await section.locator('.exports li').first().innerText())).toMatch(/Prête\s*:\s*Télécharger\s*\(jusqu’au \d\d\/\d\d\/\d{4} à \d\d:\d\d/);
    await screenshot(page, 'privacy/account-export-ready-1440');
    expect(await axeViolations(page)).toEqual([]);

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/^passerelle-mes-donnees-\d{4}-\d\d-\d\d\.zip$/);
    const path = await file.path();
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets the admin open « Données personnelles » from the administration and run a dry run', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    const errors = watchConsole(page);
    await signIn(page, ADMIN);
    await page.goto('/departement/administration');
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Données personnelles', exact: true }).click();
    await page.waitForURL('**/departement/administration/donnees-personnelles');
    await page.getByRole('heading', { level: 1, name: 'Données personnelles' }).waitFor();
    const policies = page.getByRole('table', { name: 'Durées de conservation configurées' });
    await policies.waitFor();
    expect(await policies.getByRole('row').count()).toBeGreaterThan(5);

    await page.getByRole('button', { name: 'Simuler (sans rien changer)' }).click();
    const status = page.getByRole('status').filter({ hasText: /^Simulation terminée/ });
    await status.waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { level: 3, name: 'Résultat de la simulation' }).waitFor();
    const latest = page.getByRole('list', { name: 'Derniers passages' }).getByRole('listitem').first();
    await latest.filter({ hasText: 'Simulation' }).waitFor();
    expect(squash(await latest.innerText())).toContain('Déclenché par : Un administrateur');
    await networkSettled(page);
    await screenshot(page, 'privacy/admin-dry-run-1440');
    expect(await axeViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByRole('button', { name: 'Ouvrir le menu' }).waitFor();
    await expectNoSidewaysScroll(page, 320);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers the admin « Supprimer le compte (à la demande de la personne) » on the agents, with a reason to give', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    const errors = watchConsole(page);
    await signIn(page, ADMIN);
    await page.goto('/departement/administration');
    await page.getByRole('tab', { name: 'Agents' }).click();
    const remove = page.getByRole('button', { name: /^Supprimer le compte \(à la demande de la personne\) de / }).first();
    await remove.waitFor();
    // Never on the admin's own account: that goes through « Mon compte ».
    expect(await page.getByRole('button', { name: 'Supprimer le compte (à la demande de la personne) de Claire Fontaine' }).count()).toBe(0);
    await remove.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /^Supprimer le compte de / }).waitFor();
    await dialog.getByRole('button', { name: 'Supprimer le compte' }).click();
    // The reason is required: nothing is sent without it.
    await dialog.getByText('Ce champ est obligatoire.').waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Motif de la demande' }).evaluate((e) => e === document.activeElement)).toBe(true);
    await settleOverlay(page);
    await screenshot(page, 'privacy/admin-agent-deletion-dialog-1440', { fullPage: false });
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByRole('button', { name: 'Ouvrir le menu' }).waitFor();
    await expectNoSidewaysScroll(page, 320);
    await screenshot(page, 'privacy/admin-agents-320');
    expect(errors).toEqual([]);
    await context.close();
  });
});
