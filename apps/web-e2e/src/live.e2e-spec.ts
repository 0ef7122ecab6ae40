import type { AuthenticatedResponse, ThreadDto } from '@passerelle/shared/dto';
import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser, newPage } from './support/browser';
import { DEMO_PASSWORD, signIn, watchConsole } from './support/flows';

const COLLABORATOR = 'secretariat@ableiges.example';
const AGENT = 'agent.financements@valdoise.example';

/** A request of another person, through the API (no second browser needed to act as them). */
async function api<T>(token: string | null, method: string, path: string, body?: object): Promise<T> {
  const response = await fetch(`${baseUrl()}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

async function tokenOf(email: string): Promise<string> {
  return (await api<AuthenticatedResponse>(null, 'POST', '/auth/login', { email, password: DEMO_PASSWORD })).accessToken;
}

describe('Live pages', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the agent’s reply on the commune’s open thread page without a reload, the answer being typed kept', async () => {
    const subject = `Question suivie en direct ${Date.now()}`;
    const thread = await api<ThreadDto>(await tokenOf(COLLABORATOR), 'POST', '/communes/95002/threads', {
      subject,
      category: 'FUNDING',
      body: 'Où en est notre dossier de subvention ?',
    });

    const { context, page } = await newPage(browser, 'desktop');
    const errors = watchConsole(page);
    await signIn(page, COLLABORATOR);
    await page.goto(`/espace/questions/${thread.id}`);
    await page.getByRole('heading', { name: subject }).waitFor();
    const box = page.getByRole('textbox', { name: 'Votre message' });
    await box.fill('Merci, nous attendons votre retour');
    // The stream is open once the page shows its user's data; a reload would be seen in the navigation count.
    await page.waitForResponse((response) => response.url().endsWith('/api/events'), { timeout: 10_000 }).catch(() => undefined);
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));

    await api(await tokenOf(AGENT), 'POST', `/threads/${thread.id}/messages`, { body: 'Le dossier passe en commission jeudi.' });

    await page.getByText('Le dossier passe en commission jeudi.').waitFor({ timeout: 10_000 });
    expect(navigations).toEqual([]);
    expect(await box.inputValue()).toBe('Merci, nous attendons votre retour');
    // Said once to screen readers, in a status line that does not take the focus from the answer being typed.
    expect(await page.getByRole('status').filter({ hasText: 'Nouveau message' }).count()).toBe(1);
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a new question in the agent’s open inbox and raises the bell’s count, without a reload', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    const errors = watchConsole(page);
    await signIn(page, AGENT);
    // The latest activity first: the demo's year of questions fills the first pages of the default order (by due date).
    await page.goto('/departement?tri=activite');
    await page.getByRole('heading', { name: 'Questions des communes' }).first().waitFor();
    const badge = page.locator('.bell .badge');
    const before = (await badge.count()) === 0 ? 0 : Number(await badge.innerText());
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));

    const subject = `Nouvelle question en direct ${Date.now()}`;
    // A FUNDING question is routed to this agent (demo data): they are notified.
    await api(await tokenOf(COLLABORATOR), 'POST', '/communes/95002/threads', { subject, category: 'FUNDING', body: 'Une question de plus.' });

    await page.getByText(subject).first().waitFor({ timeout: 10_000 });
    await page.waitForFunction((count) => Number(document.querySelector('.bell .badge')?.textContent ?? 0) > count, before, { timeout: 10_000 });
    expect(navigations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
