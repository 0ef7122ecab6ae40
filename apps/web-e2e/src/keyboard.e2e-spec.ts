import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { DEMO_PASSWORD, watchConsole } from './support/flows';

/**
 * The mayor's and the agent's main tasks with the keyboard only (RGAA 7.3, 12.8, 12.10): no click, no `fill`, no
 * `focus()`. Each step asserts where focus lands, because a keyboard or screen-reader user who is left on `<body>`
 * after an action has to start again from the top of the page.
 */

const MAYOR = 'maire@ableiges.example';
/** Receives the new FUNDING questions (routing rule of the demo data). */
const AGENT = 'agent.financements@valdoise.example';

/** What has focus, in words, for failure messages. */
function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) {
      return '<body>';
    }
    const name = el.getAttribute('aria-label') ?? (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> ${name}`;
  });
}

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user does; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { max = 80, back = false } = {}): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await target.evaluate((el) => el === document.activeElement)) {
      return;
    }
  }
  throw new Error(`not reached with ${max} presses of Tab: ${target.toString()} (focus is on ${await describeFocus(page)})`);
}

/** Focus lands on `target` by itself (after a navigation or an action), within a few seconds. */
async function expectFocusOn(page: Page, target: Locator, what: string): Promise<void> {
  await target.first().waitFor();
  const handle = await target.first().elementHandle();
  try {
    await page.waitForFunction((el) => el === document.activeElement, handle, { timeout: 5_000 });
  } catch {
    throw new Error(`focus should be on ${what}, but is on ${await describeFocus(page)}`);
  }
}

/** Opens a Material select with the keyboard and picks `option` with the arrow keys. */
async function chooseOption(page: Page, combobox: Locator, option: string): Promise<void> {
  await page.keyboard.press('Enter');
  const wanted = page.getByRole('option', { name: option, exact: true });
  await wanted.waitFor();
  const wantedId = await wanted.getAttribute('id');
  const handle = await combobox.elementHandle();
  for (let presses = 0; presses < 40; presses++) {
    const active = await combobox.getAttribute('aria-activedescendant');
    if (active === wantedId) {
      await page.keyboard.press('Enter');
      await wanted.waitFor({ state: 'detached' });
      return;
    }
    await page.keyboard.press('ArrowDown');
    // The page renders the new active option on its next frame: read it only once it has moved.
    await page.waitForFunction(({ el, before }) => el?.getAttribute('aria-activedescendant') !== before, { el: handle, before: active });
  }
  throw new Error(`option "${option}" not reached with the arrow keys`);
}

async function signInWithKeyboard(page: Page, email: string): Promise<void> {
  await page.goto('/connexion');
  await tabTo(page, page.getByRole('textbox', { name: /^Adresse/ }));
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel('Mot de passe', { exact: true }));
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
}

describe('Keyboard only: a mayor creates, places and asks; an agent answers and closes', () => {
  let browser: Browser;
  const title = `Abri vélos de la mairie ${Date.now()}`;
  const subject = `Financement de l’abri vélos ${Date.now()}`;
  let threadPath = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the mayor sign in, create a project, place it and ask a question about it', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    const errors = watchConsole(page);

    await signInWithKeyboard(page, MAYOR);
    await page.waitForURL('**/espace');
    await expectFocusOn(page, page.getByRole('heading', { level: 1 }), 'the workspace’s heading after signing in');

    // Create: a short screen, its error summary, then the title and the theme.
    await tabTo(page, page.getByRole('link', { name: 'Créer un projet' }).first());
    await page.keyboard.press('Enter');
    await page.waitForURL('**/espace/projets/nouveau');
    await expectFocusOn(page, page.getByRole('heading', { level: 1 }), 'the new project’s heading');
    const titleField = page.getByRole('textbox', { name: /Titre du projet/ });
    await tabTo(page, titleField);
    await page.keyboard.press('Enter');
    const summary = page.locator('pas-error-summary [tabindex="-1"]');
    await expectFocusOn(page, summary, 'the error summary of the empty form');
    await tabTo(page, summary.getByRole('link', { name: /Titre du projet/ }));
    await page.keyboard.press('Enter');
    await expectFocusOn(page, titleField, 'the title field, from the summary’s link');
    await page.keyboard.type(title);
    const theme = page.getByRole('combobox', { name: /Thème/ });
    await tabTo(page, theme);
    await chooseOption(page, theme, 'Mobilité');
    await tabTo(page, page.getByRole('button', { name: 'Créer le projet' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/espace\/projets\/[0-9a-f-]{36}/);
    const projectId = new URL(page.url()).pathname.split('/')[3];
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await describeFocus(page)).not.toBe('<body>');

    // Place it on the map with the keyboard, and save that section on its own.
    if (!page.url().endsWith('/modifier')) {
      await tabTo(page, page.getByRole('link', { name: /Modifier la fiche|Compléter la fiche/ }).first());
      await page.keyboard.press('Enter');
      await page.waitForURL('**/modifier');
    }
    const map = page.getByRole('region', { name: /^Carte d/ });
    await tabTo(page, map);
    const announcement = page.locator('pas-location-map [aria-live="polite"]');
    await page.keyboard.press('Enter');
    // Enter places the point at the map's centre, inside the commune; Shift+→ moves it 100 m east. Both are read out.
    await page.waitForFunction((el) => /^Position.*dans la commune$/.test((el?.textContent ?? '').trim()), await announcement.elementHandle());
    const placed = (await announcement.textContent())?.trim() ?? '';
    await page.keyboard.press('Shift+ArrowRight');
    await page.waitForFunction(
      ({ el, before }) => /^Position/.test((el?.textContent ?? '').trim()) && (el?.textContent ?? '').trim() !== before,
      { el: await announcement.elementHandle(), before: placed },
    );
    expect(await describeFocus(page)).toMatch(/^<div/);
    const location = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Emplacement' }) });
    await tabTo(page, location.getByRole('button', { name: /Enregistrer/ }));
    await page.keyboard.press('Enter');
    const saved = location.getByRole('status').filter({ hasText: /enregistrée/ });
    await saved.waitFor();
    expect(await describeFocus(page)).not.toBe('<body>');
    await screenshot(page, 'keyboard-project-placed-desktop', { fullPage: false });

    // The project page offers a question about it.
    await page.goto(`/espace/projets/${projectId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await tabTo(page, page.getByRole('link', { name: 'Poser une question sur ce projet' }));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/espace/questions/nouvelle**');
    await expectFocusOn(page, page.getByRole('heading', { level: 1 }), 'the question form’s heading');
    // The project is chosen once the commune's projects have loaded: wait for it rather than read the field at once.
    await page.getByRole('combobox', { name: /Projet concerné/ }).filter({ hasText: title }).waitFor();
    await tabTo(page, page.getByRole('textbox', { name: /Objet de la question/ }));
    await page.keyboard.type(subject);
    const category = page.getByRole('combobox', { name: /Catégorie/ });
    await tabTo(page, category);
    await chooseOption(page, category, 'Financement');
    await tabTo(page, page.getByRole('textbox', { name: /Votre question/ }));
    await page.keyboard.type('Bonjour, quelles aides pour un abri vélos couvert devant la mairie ?');
    await tabTo(page, page.getByRole('button', { name: 'Envoyer la question' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/espace\/questions\/[0-9a-f-]{36}$/);
    threadPath = new URL(page.url()).pathname.replace('/espace/', '/departement/');
    await expectFocusOn(page, page.locator('.notice', { hasText: 'Votre question a été envoyée au département.' }), 'the confirmation after sending');
    await page.getByText(/Réponse attendue au plus tard le \d{2}\/\d{2}\/\d{4}/).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets the agent answer and close the question, confirming the closure', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    const errors = watchConsole(page);
    await signInWithKeyboard(page, AGENT);
    await page.waitForURL('**/departement');
    await expectFocusOn(page, page.getByRole('heading', { level: 1 }), 'the inbox’s heading after signing in');

    // The demo inbox holds a year of questions: the agent finds this one by typing in the search field.
    await tabTo(page, page.getByLabel('Rechercher', { exact: true }), { max: 60 });
    await page.keyboard.type(subject);
    await tabTo(page, page.getByRole('link', { name: subject }).first(), { max: 150 });
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${threadPath}`);
    await expectFocusOn(page, page.getByRole('heading', { level: 1, name: subject }), 'the question’s heading');

    await tabTo(page, page.getByRole('textbox', { name: 'Réponse à la commune' }));
    await page.keyboard.type('Bonjour, le Fonds vert peut financer un abri vélos : déposez la demande avant le 31 mars.');
    await tabTo(page, page.getByRole('button', { name: 'Répondre', exact: true }));
    await page.keyboard.press('Enter');
    const notice = page.locator('.notice');
    await expectFocusOn(page, notice.filter({ hasText: /réponse/i }), 'the confirmation of the answer');

    const close = page.getByRole('button', { name: 'Fermer la question' });
    await tabTo(page, close);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Fermer la question/ });
    await dialog.waitFor();
    await page.waitForFunction((el) => !!el?.contains(document.activeElement), await dialog.elementHandle());
    await screenshot(page, 'keyboard-close-dialog-desktop', { fullPage: false });
    // Escape gives focus back to the button; the second time, the closure is confirmed.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectFocusOn(page, close, 'the « Fermer la question » button after cancelling');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await tabTo(page, dialog.getByRole('button', { name: 'Fermer la question' }));
    await page.keyboard.press('Enter');
    await expectFocusOn(page, notice.filter({ hasText: 'La question est fermée.' }), 'the confirmation of the closure');
    expect(errors).toEqual([]);
    await context.close();
  });
});
