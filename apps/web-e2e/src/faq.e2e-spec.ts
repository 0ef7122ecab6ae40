import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { expectNoSidewaysScroll, signIn, watchConsole } from './support/flows';

const TITLE = 'Qui prête la balayeuse de voirie aux communes du Vexin ?';
const WITH_EMAIL =
  'Le centre routier départemental prête la balayeuse deux jours par mois. Écrivez à jeanne.martin@valdoise.fr pour la réserver.';
const REWORDED =
  'Le centre routier départemental prête la balayeuse deux jours par mois. Réservez-la auprès du centre routier de votre secteur.';
/** A published demo entry for the communes only: the public FAQ must not show it. */
const COMMUNES_ONLY = 'La DSIL, quelle différence avec la DETR et comment la demander ?';

async function expectAccessible(page: Page, name: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect([name, summary]).toEqual([name, []]);
}

describe('The collaborative FAQ', () => {
  let browser: Browser;
  let entryId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets an agent write an entry, which cannot be submitted while it holds an e-mail address', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await signIn(page, 'agent.voirie@valdoise.example');
    await page.goto('/departement/faq');
    await page.getByRole('link', { name: 'Nouvelle réponse' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Nouvelle réponse' }).waitFor();

    await page.getByRole('textbox', { name: 'Question' }).fill(TITLE);
    const answer = page.getByRole('textbox', { name: 'Réponse' });
    await answer.fill(WITH_EMAIL);
    await page.getByRole('combobox', { name: 'Thème' }).click();
    await page.getByRole('option', { name: 'Voirie' }).click();
    await page.getByRole('combobox', { name: 'Catégorie' }).click();
    await page.getByRole('option', { name: 'Interlocuteurs' }).click();
    await page.getByRole('radio', { name: /Communes et public/ }).check();

    await page.getByRole('button', { name: 'Enregistrer et soumettre' }).click();
    // Saved as a draft, with the address flagged under the answer, and nothing submitted.
    await page.getByText('Reformulez les passages signalés avant de soumettre.').waitFor();
    await page.getByText('Adresse électronique', { exact: false }).first().waitFor();
    await page.waitForURL(/\/departement\/faq\/[0-9a-f-]{36}\/modifier$/);
    entryId = new URL(page.url()).pathname.split('/')[3];
    expect(await page.getByRole('button', { name: 'Enregistrer et soumettre' }).isDisabled()).toBe(true);
    await screenshot(page, 'faq-editor-personal-data-desktop');

    // The button under the list selects the passage in the answer, to reword it.
    await page.getByRole('button', { name: /^Sélectionner .*jeanne\.martin@valdoise\.fr.* dans le champ Réponse$/ }).click();
    const selected = await answer.evaluate((field: HTMLTextAreaElement) => field.value.slice(field.selectionStart, field.selectionEnd));
    expect(selected).toBe('jeanne.martin@valdoise.fr');

    await answer.fill(REWORDED);
    const submit = page.getByRole('button', { name: 'Enregistrer et soumettre' });
    await page.waitForFunction(
      () => !Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Enregistrer et soumettre')?.disabled,
    );
    await submit.click();
    await page.waitForURL(`**/departement/faq/${entryId}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.locator('.follow-up').getByText('À relire').first().waitFor();
    await context.close();
  });

  it('lets an admin publish it from the review queue', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await signIn(page, 'admin@valdoise.example');
    await page.goto('/departement/faq/a-relire');
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByText('Réponse publiée.').waitFor();
    await page.locator('.follow-up').getByText('Publiée').first().waitFor();
    await context.close();
  });

  it('lets the mayor find it by searching, on a phone, and say it helped', async () => {
    const { context, page } = await newPage(browser, 'phone');
    const errors = watchConsole(page);
    await signIn(page, 'maire@ableiges.example');
    await page.goto('/espace/faq');
    await page.getByRole('heading', { level: 1, name: 'Questions fréquentes' }).waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher une question' }).fill('balayeuse');
    const result = page.getByRole('link', { name: TITLE });
    await result.waitFor();
    // The search is in the address: the back button comes back to it.
    await page.waitForURL(/[?&]q=balayeuse/);
    await expectNoSidewaysScroll(page, 'phone');
    await result.click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Réservez-la auprès du centre routier', { exact: false }).waitFor();

    const yes = page.getByRole('button', { name: 'Oui' });
    await yes.click();
    await page.getByText('Merci pour votre réponse').waitFor();
    expect(await yes.getAttribute('aria-pressed')).toBe('true');
    await expectNoSidewaysScroll(page, 'phone');
    await screenshot(page, 'faq-entry-mayor-phone');

    await page.goBack();
    await page.waitForURL(/\/espace\/faq\?q=balayeuse/);
    expect(await page.getByRole('searchbox', { name: 'Rechercher une question' }).inputValue()).toBe('balayeuse');
    // The communes read the entries kept from the public too.
    await page.goto('/espace/faq?q=DSIL');
    await page.getByRole('link', { name: COMMUNES_ONLY }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a visitor the public entries only, without asking whether they helped', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const { context, page } = await newPage(browser, viewport);
      await page.goto('/faq?q=balayeuse');
      const result = page.getByRole('link', { name: TITLE });
      await result.waitFor();
      await expectAccessible(page, `faq-${viewport}`);
      await expectNoSidewaysScroll(page, viewport);
      await result.click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Références' }).or(page.getByText('Mise à jour le')).first().waitFor();
      expect(await page.getByText('Cette réponse vous a-t-elle aidé').count()).toBe(0);
      await expectAccessible(page, `faq-entry-${viewport}`);
      await screenshot(page, `faq-public-entry-${viewport}`);

      // Public entries may cite the DSIL too: wait for the search's count, then look for the communes' entry.
      await page.goto('/faq?q=DSIL');
      await page.getByRole('status').filter({ hasText: /réponse/i }).waitFor();
      expect(await page.getByRole('link', { name: COMMUNES_ONLY }).count()).toBe(0);
      await page.goto(`/faq/${entryId}`);
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await context.close();
    }
  });
});
