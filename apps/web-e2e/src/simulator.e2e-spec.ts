import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { expectNoSidewaysScroll, signIn, squash, watchConsole } from './support/flows';

const MAYOR = 'maire@ableiges.example';
const PROJECT = 'Rénovation énergétique de l’école communale';

describe('Simulateur de subventions', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the mayor simulate the aids of a project, see the DETR and the plan, save, print it and add its aids to the fiche’s funding plan', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    const errors = watchConsole(page);
    await signIn(page, MAYOR);
    await page.waitForURL('**/espace');

    await page.getByRole('link', { name: new RegExp(PROJECT) }).first().click();
    await page.waitForURL('**/espace/projets/*');
    await page.getByRole('link', { name: 'Simuler les aides' }).click();
    await page.waitForURL('**/espace/projets/*/simulateur');
    await page.getByRole('heading', { level: 1, name: 'Simuler les aides' }).waitFor();

    // Pre-filled from the project, then replaced by the amounts of the case.
    const ht = page.getByLabel(/Dépense éligible HT/);
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('#sim-ht')?.value ?? '') !== '');
    await ht.fill('180 000');
    await page.getByLabel(/Coût TTC/).fill('216 000');
    // The préfet granted the school-renovation derogation: the commune pays at least 10 %, so the DETR's 80 % leaves
    // room for another aid.
    await page.getByRole('combobox', { name: /Dérogation à la part minimale/ }).click();
    await page.getByRole('option', { name: /Rénovation énergétique d’un bâtiment scolaire/ }).click();
    await page.getByRole('button', { name: 'Simuler', exact: true }).click();

    const heading = page.getByRole('heading', { level: 2, name: 'Résultat de la simulation' });
    await heading.waitFor();
    // The focus moves to the result, so that a screen reader user hears it.
    await page.waitForFunction(() => document.activeElement?.id === 'sim-result-title');

    const detr = page.locator('article').filter({ has: page.getByRole('heading', { level: 4, name: /^DETR — / }) });
    await detr.waitFor();
    expect(squash(await detr.innerText())).toContain('Éligible');
    await detr.getByText('Détail du calcul').click();
    await detr.locator('details ol li').first().waitFor();

    const plan = page.getByRole('table', { name: /Plan de financement estimé/ });
    await plan.waitFor();
    const planText = squash(await plan.innerText());
    expect(planText).toContain('Aide DETR');
    expect(planText).toMatch(/Dépense éligible HT 180 000,00 €/);
    expect(planText).toMatch(/FCTVA \(versé en \d{4}\)/);
    expect(planText).toContain('Trésorerie à avancer');
    await screenshot(page, 'simulator-result-desktop');

    // Saving it puts it in the project's list; opening it shows the result as computed then.
    await page.getByRole('button', { name: 'Enregistrer la simulation' }).click();
    await page.getByText('Simulation enregistrée avec le projet.').waitFor();
    const saved = page.getByRole('table', { name: /Simulations enregistrées du projet/ });
    await saved.getByRole('row').nth(1).waitFor();
    const firstRow = squash(await saved.getByRole('row').nth(1).innerText());
    expect(firstRow).toContain('€');
    await saved.getByRole('button', { name: /^Afficher/ }).first().click();
    await page.getByRole('heading', { level: 2, name: /^Simulation enregistrée le / }).waitFor();
    expect(squash(await page.getByRole('table', { name: /Plan de financement estimé/ }).innerText())).toContain('Aide DETR');

    // Printed: the plan and the notice, without the form or the buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('heading', { level: 2, name: 'Votre projet' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
    expect(await page.getByRole('table', { name: /Plan de financement estimé/ }).isVisible()).toBe(true);
    expect(squash(await page.locator('main').innerText())).toContain('estimations');
    await screenshot(page, 'simulator-print');
    await page.emulateMedia({ media: 'screen' });

    // The aids the plan retains join the fiche's funding plan, « envisagé »; the DETR, already obtained, is left alone.
    const picker = page.getByRole('group', { name: 'Aides à ajouter au plan de financement de la fiche' });
    const detrBox = picker.getByRole('checkbox', { name: /^DETR \(État\)/ });
    await detrBox.waitFor();
    expect(await detrBox.isChecked()).toBe(false);
    expect(await detrBox.isDisabled()).toBe(true);
    const ticked = picker.getByRole('checkbox', { checked: true });
    await ticked.first().waitFor();
    const label = await ticked.first().evaluate((box) => (box as HTMLInputElement).labels?.[0]?.textContent ?? '');
    const added = squash(label).split(' (')[0];
    expect(added).not.toBe('');
    await page.getByRole('button', { name: 'Ajouter au plan de financement' }).click();
    await page.getByText(/ajoutées? au plan de financement de la fiche/).waitFor();
    await page.getByRole('link', { name: 'Voir le plan de financement sur la fiche projet' }).click();
    await page.waitForURL(/\/espace\/projets\/[^/]+$/);
    const addedRow = page.getByRole('row').filter({ hasText: added });
    await addedRow.first().waitFor();
    expect(squash(await addedRow.first().innerText())).toContain('Envisagé');
    await screenshot(page, 'simulator-added-to-fiche');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Simuler les aides' }).waitFor();
    await page.getByRole('table', { name: /Simulations enregistrées du projet/ }).getByRole('button', { name: /^Afficher/ }).first().click();
    await page.getByRole('table', { name: /Plan de financement estimé/ }).waitFor();

    // A phone: nothing scrolls sideways, the wide tables scroll inside their own region.
    await page.setViewportSize({ width: 360, height: 780 });
    await page.getByRole('button', { name: 'Ouvrir le menu' }).waitFor();
    await expectNoSidewaysScroll(page, 360);
    await screenshot(page, 'simulator-result-360');

    expect(errors).toEqual([]);
    await context.close();
  });
});
