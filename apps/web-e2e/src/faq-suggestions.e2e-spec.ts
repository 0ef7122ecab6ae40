import type { Page as ListPage, LoginResponse, ThreadSummaryDto } from '@passerelle/shared/dto';
import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser, newPage, screenshot } from './support/browser';
import { DEMO_PASSWORD, expectNoSidewaysScroll, settleOverlay, signIn, watchConsole } from './support/flows';

const MAYOR = 'maire@ableiges.example';
const AGENT = 'agent.voirie@valdoise.example';
/** Close to the demo FAQ's « Quel taux de DETR peut-on obtenir et peut-on la cumuler avec d'autres subventions ? ». */
const QUESTION = 'Peut-on cumuler la DETR et une autre subvention ?';
/** An answered question of Ableiges in the demo data. */
const ANSWERED = 'Cumul de la DETR et de l’aide départementale pour l’école';

/** The id of one of Ableiges' questions, read through the API as its mayor. */
async function ableigesThreadId(subject: string): Promise<string> {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: MAYOR, password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as Extract<LoginResponse, { accessToken: string }>;
  const response = await fetch(`${baseUrl()}/api/communes/95002/threads?limit=100`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  const threads = (await response.json()) as ListPage<ThreadSummaryDto>;
  const found = threads.items.find((thread) => thread.subject === subject);
  if (!found) {
    throw new Error(`no question "${subject}" for Ableiges`);
  }
  return found.id;
}

describe('FAQ suggestions', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the mayor answers that may already exist as the question is typed; one read and the page left is a question avoided', async () => {
    const { context, page } = await newPage(browser, 'phone');
    const errors = watchConsole(page);
    await signIn(page, MAYOR);
    await page.goto('/espace/questions/nouvelle');
    await page.getByRole('heading', { name: 'Poser une question au département' }).waitFor();

    await page.getByLabel('Objet de la question').fill(QUESTION);
    const suggestions = page.locator('pas-faq-suggestion-list');
    await suggestions.getByRole('heading', { name: 'Ces réponses existent peut-être déjà' }).waitFor();
    expect(await suggestions.getAttribute('aria-live')).toBe('polite');
    await suggestions.locator('mark', { hasText: 'DETR' }).first().waitFor();
    // Typing goes on in the subject: the suggestions never take the focus.
    expect(await page.getByLabel('Objet de la question').evaluate((field) => field === document.activeElement)).toBe(true);
    // Above the send button.
    const listBottom = (await suggestions.boundingBox())?.y ?? Infinity;
    const sendTop = (await page.getByRole('button', { name: 'Envoyer la question' }).boundingBox())?.y ?? -Infinity;
    expect(listBottom).toBeLessThan(sendTop);
    await expectNoSidewaysScroll(page, 'phone');
    await screenshot(page, 'faq-suggestions-ask-phone');

    // Read over the form, which keeps the question.
    const entry = suggestions.getByRole('listitem').filter({ hasText: 'Réponse de la FAQ' }).first();
    const title = (await entry.locator('.title').innerText()).trim();
    await entry.getByRole('button', { name: /^Lire la réponse/ }).click();
    const dialog = page.getByRole('dialog', { name: title });
    // The answer the API rendered, as the mayor reads it.
    await dialog.locator('.answer p').first().waitFor();
    await settleOverlay(page);
    await screenshot(page, 'faq-suggestions-dialog-phone', { fullPage: false });
    await dialog.getByRole('button', { name: 'Revenir à ma question' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Objet de la question').inputValue()).toBe(QUESTION);

    // Leaving without sending: the entry read is told to the API as a question avoided.
    const avoided = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/api/faq/suggest/avoided'));
    await page.getByRole('link', { name: '← Questions au département' }).click();
    const request = await avoided;
    expect(request.postDataJSON()).toEqual({ kind: 'FAQ', id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect((await request.response())?.status()).toBe(204);
    await page.getByRole('heading', { name: 'Questions au département' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('suggests FAQ entries and templates to the agent answering, and puts a link to an entry in the answer', async () => {
    const threadId = await ableigesThreadId(ANSWERED);
    const { context, page } = await newPage(browser, 'desktop');
    const errors = watchConsole(page);
    await signIn(page, AGENT);
    await page.goto(`/departement/questions/${threadId}`);
    await page.getByRole('heading', { name: ANSWERED }).waitFor();

    const panel = page.locator('pas-faq-suggestion-list');
    await panel.getByRole('heading', { name: 'Réponses de la FAQ et modèles' }).waitFor();
    await panel.locator('mark').first().waitFor();
    const answer = page.getByRole('textbox', { name: 'Réponse à la commune' });
    await answer.fill('Bonjour,\nVoyez la réponse de la FAQ.');
    await answer.evaluate((field: HTMLTextAreaElement) => field.setSelectionRange('Bonjour,\nVoyez'.length, 'Bonjour,\nVoyez'.length));

    const entry = panel.getByRole('listitem').filter({ hasText: 'Réponse de la FAQ' }).first();
    const title = (await entry.locator('.title').innerText()).trim();
    await entry.getByRole('button', { name: /^Insérer le lien/ }).click();
    const link = `[${title}](${baseUrl()}/espace/faq/`;
    const value = await answer.inputValue();
    expect(value.startsWith(`Bonjour,\nVoyez ${link}`)).toBe(true);
    expect(value.slice(`Bonjour,\nVoyez ${link}`.length)).toMatch(/^[0-9a-f-]{36}\) la réponse de la FAQ\.$/);
    await screenshot(page, 'faq-suggestions-agent-desktop');
    // The answer is not sent: the question stays as the demo data has it.
    await answer.fill('');
    expect(errors).toEqual([]);
    await context.close();
  });
});
