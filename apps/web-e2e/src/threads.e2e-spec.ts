import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { expectNoSidewaysScroll, mailsTo, settleOverlay, signIn, squash, watchConsole } from './support/flows';

const COLLABORATOR = 'secretariat@ableiges.example';
/** Receives the new FUNDING questions (routing rule of the demo data). */
const AGENT = 'agent.financements@valdoise.example';
const NOTE = 'Note interne : dossier à croiser avec la demande de DETR de 2025.';

/** A small real PDF. */
function pdfFile(): Buffer {
  return Buffer.from(
    ['%PDF-1.4', '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj', '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj', 'trailer << /Root 1 0 R >>', '%%EOF', ''].join('\n'),
    'latin1',
  );
}

async function waitForMail(to: string, subjectPart: string): Promise<string> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const mail = (await mailsTo(to)).find((m) => m.subject.includes(subjectPart));
    if (mail) {
      return mail.text;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no mail to ${to} about "${subjectPart}"`);
}

async function conversationText(page: Page): Promise<string> {
  return squash(await page.locator('main').innerText());
}

describe('Questions to the département', () => {
  let browser: Browser;
  const subject = `Cumul des aides pour le préau de l’école ${Date.now()}`;
  let threadId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets a collaborator ask a question with an attachment, keeping a draft when the page is left', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    const errors = watchConsole(page);
    await signIn(page, COLLABORATOR);
    await page.goto('/espace/questions');
    await page.getByRole('heading', { name: 'Questions au département' }).waitFor();
    await page.getByRole('link', { name: 'Poser une question' }).first().click();
    await page.waitForURL('**/espace/questions/nouvelle');
    expect(await page.title()).toBe('Poser une question — Passerelle');

    await page.getByLabel('Objet de la question').fill(subject);
    await page.getByRole('combobox', { name: 'Catégorie' }).click();
    await page.getByRole('option', { name: 'Financement', exact: true }).click();
    await page.getByRole('textbox', { name: 'Votre question' }).fill('Bonjour,\n\nPouvons-nous cumuler la **DETR** et l’aide du Département pour le préau ? Le devis est joint.');

    // Leave the page and come back: the draft is there.
    await page.goto('/espace/questions');
    await page.goto('/espace/questions/nouvelle');
    expect(await page.getByLabel('Objet de la question').inputValue()).toBe(subject);
    expect(await page.getByRole('textbox', { name: 'Votre question' }).inputValue()).toContain('cumuler la **DETR**');

    await page.locator('input[type="file"]').setInputFiles({ name: 'devis-preau.pdf', mimeType: 'application/pdf', buffer: pdfFile() });
    await page.getByRole('list', { name: 'Pièces jointes à envoyer' }).getByText('devis-preau.pdf').waitFor();
    await page.getByRole('button', { name: 'Retirer devis-preau.pdf' }).waitFor();
    await screenshot(page, 'question-new-desktop');
    await page.getByRole('button', { name: 'Envoyer la question' }).click();
    await page.waitForURL(/\/espace\/questions\/[0-9a-f-]{36}$/);
    threadId = new URL(page.url()).pathname.split('/').pop() as string;
    await page.getByRole('heading', { name: subject }).waitFor();
    expect(await conversationText(page)).toContain('devis-preau.pdf');
    expect(await page.locator('strong', { hasText: 'DETR' }).count()).toBeGreaterThan(0);

    // The draft was cleared by sending.
    await page.goto('/espace/questions/nouvelle');
    expect(await page.getByLabel('Objet de la question').inputValue()).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets the routed agent, told by e-mail, answer with a template and add an internal note', async () => {
    const mail = await waitForMail(AGENT, subject);
    expect(mail).toContain(`/departement/questions/${threadId}`);

    const { context, page } = await newPage(browser, 'desktop');
    const errors = watchConsole(page);
    await signIn(page, AGENT);
    await page.goto(new URL(mail.match(/https?:\/\/\S+\/departement\/questions\/\S+/)?.[0] as string).pathname);
    await page.getByRole('heading', { name: subject }).waitFor();
    await page.getByRole('complementary', { name: 'Dossier de la commune' }).getByText('Ableiges').first().waitFor();

    await page.getByRole('button', { name: 'Insérer un modèle de réponse' }).click();
    await settleOverlay(page);
    await page.getByRole('menuitem', { name: 'Pièces d’une demande de DETR' }).click();
    const answer = page.getByRole('textbox', { name: 'Réponse à la commune' });
    // The template's variables are filled in for this commune and its mayor.
    expect(await answer.inputValue()).toContain('Pour votre demande de DETR à Ableiges, la préfecture attend');
    expect(await answer.inputValue()).not.toContain('{{');
    await page.getByRole('button', { name: 'Répondre', exact: true }).click();
    await page.locator('article', { hasText: 'la préfecture attend' }).waitFor();

    await page.getByRole('radio', { name: 'Note interne' }).click();
    await page.getByRole('textbox', { name: 'Note interne' }).fill(NOTE);
    await page.getByRole('button', { name: 'Enregistrer la note interne' }).click();
    await page.getByText(NOTE).waitFor();
    expect(await conversationText(page)).toContain('invisible pour la commune');
    await screenshot(page, 'question-agent-desktop');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the answer but not the note to the collaborator, who replies, resolves and rates', async () => {
    const { context, page } = await newPage(browser, 'phone');
    const errors = watchConsole(page);
    await signIn(page, COLLABORATOR);
    await page.goto(`/espace/questions/${threadId}`);
    await page.getByRole('heading', { name: subject }).waitFor();
    await page.getByText('la préfecture attend').waitFor();
    const text = await conversationText(page);
    expect(text).not.toContain(NOTE);
    expect(text).not.toContain('Note interne');

    await page.getByRole('textbox', { name: 'Votre message' }).fill('Merci, nous déposons le dossier cette semaine.');
    // The reply being written survives leaving the page.
    await page.goto('/espace/questions');
    await page.goto(`/espace/questions/${threadId}`);
    await page.getByRole('heading', { name: subject }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Votre message' }).inputValue()).toBe('Merci, nous déposons le dossier cette semaine.');
    await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await page.getByText('nous déposons le dossier cette semaine').waitFor();

    await page.getByRole('button', { name: 'Marquer comme résolue' }).click();
    await page.getByText('Avez-vous obtenu facilement ce dont vous aviez besoin ?').waitFor();
    await page.getByRole('radio', { name: 'Facilement', exact: true }).check();
    await page.getByLabel('Commentaire (facultatif)').fill('Réponse claire et rapide.');
    // The filled form, its label floated above the outline, fits the phone too.
    await expectNoSidewaysScroll(page, 'phone');
    await page.getByRole('button', { name: 'Envoyer mon avis' }).click();
    await page.getByText('Merci pour votre réponse').waitFor();
    await expectNoSidewaysScroll(page, 'phone');
    await screenshot(page, 'question-commune-phone');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the agent the satisfaction score in the commune’s file', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await signIn(page, AGENT);
    await page.goto('/departement/communes/95002');
    const satisfaction = page.locator('section.satisfaction');
    await satisfaction.getByText(subject).waitFor();
    const text = squash(await satisfaction.innerText());
    expect(text).toContain('4/5 — Facilement');
    expect(text).toContain('Réponse claire et rapide.');
    await screenshot(page, 'commune-file-desktop');

    // The inbox finds it without accents, among closed questions.
    await page.goto('/departement?etat=toutes&q=preau');
    await page.getByRole('link', { name: subject }).first().waitFor();
    await context.close();
  });
});
