import type { DemoAccountDto, PublicConfigDto } from '@passerelle/shared/dto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser, newPage, screenshot } from './support/browser';
import { expectNoSidewaysScroll, settleOverlay, signIn, squash, watchConsole } from './support/flows';

const COLLABORATOR = 'secretariat@ableiges.example';
const AGENT = 'agent.voirie@valdoise.example';

async function demoAccount(email: string): Promise<DemoAccountDto> {
  const response = await fetch(`${baseUrl()}/api/config`);
  const config = (await response.json()) as PublicConfigDto;
  const account = config.demoAccounts.find((a) => a.email === email);
  if (!account) {
    throw new Error(`${email} is not a demo account`);
  }
  return account;
}

/**
 * Two points of the location map in page coordinates: one inside the commune outline (the nearest to the middle of
 * its bounding box), one inside the map but outside the outline. Found with the SVG path's own hit test.
 */
async function mapPoints(page: Page): Promise<{ inside: { x: number; y: number }; outside: { x: number; y: number } }> {
  const map = page.locator('pas-location-map .map');
  await map.locator('path').first().waitFor();
  // The map zooms onto the commune once its outline is drawn: measure after it has stopped moving.
  let before = '';
  for (let i = 0; i < 20; i++) {
    const now = JSON.stringify(await map.locator('path').first().boundingBox());
    if (now === before) {
      break;
    }
    before = now;
    await page.waitForTimeout(150);
  }
  return map.evaluate((container) => {
    const path = container.querySelector('path') as SVGPathElement;
    const inverse = (path.getScreenCTM() as DOMMatrix).inverse();
    const inFill = (x: number, y: number) => path.isPointInFill(new DOMPoint(x, y).matrixTransform(inverse));
    const box = path.getBoundingClientRect();
    const middle = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    let inside: { x: number; y: number; d: number } | null = null;
    for (let i = 1; i < 30; i++) {
      for (let j = 1; j < 30; j++) {
        const x = box.left + (box.width * i) / 30;
        const y = box.top + (box.height * j) / 30;
        const d = (x - middle.x) ** 2 + (y - middle.y) ** 2;
        if (inFill(x, y) && (!inside || d < inside.d)) {
          inside = { x, y, d };
        }
      }
    }
    const frame = container.getBoundingClientRect();
    const candidates = [
      { x: frame.right - 12, y: frame.top + 12 },
      { x: frame.left + 60, y: frame.bottom - 30 },
      { x: frame.right - 12, y: frame.bottom - 40 },
      { x: frame.left + 60, y: frame.top + 12 },
    ];
    const outside = candidates.find((p) => !inFill(p.x, p.y));
    if (!inside || !outside) {
      throw new Error('no point found inside and outside the outline');
    }
    return { inside: { x: inside.x, y: inside.y }, outside };
  });
}

/** A section of the fiche's edit page, by the id of its heading (`s-costs` → `costs`). */
function section(page: Page, id: string) {
  return page.locator(`section[aria-labelledby="s-${id}"]`);
}

/** Saves one section of the fiche with its own button and waits for its confirmation. */
async function saveSection(page: Page, id: string): Promise<void> {
  const part = section(page, id);
  await part.getByRole('button', { name: /^Enregistrer cette section/ }).click();
  await part.getByRole('status').filter({ hasText: 'Section enregistrée.' }).waitFor();
}

/** A small but valid PDF, padded so that its upload takes long enough to watch under a throttled network. */
function pdfFile(paddingBytes: number): Buffer {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    `% ${'0'.repeat(paddingBytes)}`,
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
  return Buffer.from(body, 'latin1');
}

/** A real PNG drawn in the page (a canvas), as a phone camera would not, but as the server's checks accept. */
async function pngFile(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 800;
    canvas.height = 600;
    const g = canvas.getContext('2d') as CanvasRenderingContext2D;
    const sky = g.createLinearGradient(0, 0, 0, 600);
    sky.addColorStop(0, '#7fb2e5');
    sky.addColorStop(1, '#e9f1fb');
    g.fillStyle = sky;
    g.fillRect(0, 0, 800, 600);
    g.fillStyle = '#5b8c3a';
    g.fillRect(0, 420, 800, 180);
    g.fillStyle = '#8a8f98';
    g.beginPath();
    g.moveTo(300, 600);
    g.lineTo(380, 420);
    g.lineTo(420, 420);
    g.lineTo(520, 600);
    g.fill();
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

/** Slows the uploads down (CDP), so that the progress bar is visible for a moment. */
async function throttleUploads(context: BrowserContext, page: Page, bytesPerSecond: number | null): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond ?? -1,
  });
}

describe('Projects (fiche projet)', () => {
  let browser: Browser;
  const title = `Réfection du chemin des Vignes ${Date.now()}`;
  let projectPath = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets a collaborator create a project, place it, upload a document and a photo, and edit it', async () => {
    const collaborator = await demoAccount(COLLABORATOR);
    const { context, page } = await newPage(browser, 'desktop');
    const errors = watchConsole(page);
    await signIn(page, collaborator.email);
    await page.waitForURL('**/espace');
    await page.getByRole('heading', { name: 'Projets de la commune' }).waitFor();
    await page.getByText(/places? sur 4 occupées?/).waitFor();

    await page.getByRole('link', { name: 'Créer un projet' }).first().click();
    await page.waitForURL('**/espace/projets/nouveau');
    expect(await page.title()).toBe('Nouveau projet — Passerelle');
    // One short screen: title, theme, status.
    await page.getByLabel('Titre du projet').fill(title);
    await page.getByRole('combobox', { name: 'Thème' }).click();
    await page.getByRole('option', { name: 'Voirie', exact: true }).click();
    await page.getByRole('combobox', { name: 'Statut' }).click();
    await page.getByRole('option', { name: 'En cours', exact: true }).click();
    expect(await page.locator('textarea').count()).toBe(0);
    await screenshot(page, 'project-create-desktop');
    await page.getByRole('button', { name: 'Créer le projet' }).click();

    // Then the fiche, section by section, each saved on its own.
    await page.waitForURL(/\/espace\/projets\/[0-9a-f-]{36}\/modifier$/);
    const created = page.getByRole('status').filter({ hasText: 'Projet créé. Complétez la fiche section par section' });
    await created.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'created-notice');
    expect(await page.getByLabel('Titre du projet').inputValue()).toBe(title);
    // The progress took the default of the status.
    expect(await page.locator('#field-progress').inputValue()).toBe('25');

    await page.getByLabel('Résumé').fill('Reprise de la chaussée et des fossés sur 800 mètres.');
    await saveSection(page, 'summary');
    await page.getByLabel('Porteur du projet').fill('Commune d’Ableiges');
    // Enter in a one-line field saves its section.
    await page.getByLabel('Porteur du projet').press('Enter');
    await section(page, 'lead').getByRole('status').filter({ hasText: 'Section enregistrée.' }).waitFor();
    await page.getByLabel('Coût prévisionnel HT').fill('10000');
    await saveSection(page, 'costs');

    // A click outside the commune is refused; inside, it places the project (the map in view: the page has scrolled
    // down to the sections saved so far).
    await page.locator('pas-location-map .map').scrollIntoViewIfNeeded();
    const { inside, outside } = await mapPoints(page);
    await page.mouse.click(outside.x, outside.y);
    await page.getByRole('status').filter({ hasText: 'en dehors de la commune' }).waitFor();
    await page.mouse.click(inside.x, inside.y);
    await page.getByRole('status').filter({ hasText: 'Emplacement placé sur la carte.' }).waitFor();
    await page.getByRole('button', { name: 'Retirer l’emplacement' }).waitFor();
    expect(await page.locator('pas-location-map path').count()).toBe(2);
    await page.getByLabel('Adresse (facultatif)').fill('Chemin des Vignes');
    await saveSection(page, 'location');

    await page.getByRole('button', { name: 'Ajouter une étape' }).click();
    // Typed the French way, whatever the browser's language.
    await page.getByLabel('Date de l’étape 1').fill('15/04/2027');
    await page.getByLabel('Intitulé de l’étape 1').fill('Début des travaux');
    await page.getByRole('button', { name: 'Ajouter un financement' }).click();
    await page.getByLabel('Dispositif').fill('DETR');
    await page.getByLabel('Montant demandé HT').fill('4 000');
    // Two sections changed, one saved: the other stays marked in the table of contents.
    await saveSection(page, 'milestones');
    const toc = page.getByRole('navigation', { name: 'Sections de la fiche' });
    expect(squash(await toc.locator('li').filter({ hasText: 'non enregistrée' }).innerText())).toBe('Financements (non enregistrée)');
    await screenshot(page, 'project-new-desktop');
    await saveSection(page, 'funding');
    expect(await toc.getByText('non enregistrée').count()).toBe(0);

    await page.getByRole('link', { name: 'Terminer et voir la fiche' }).click();
    await page.waitForURL(/\/espace\/projets\/[0-9a-f-]{36}$/);
    projectPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: title }).waitFor();
    expect(squash(await page.locator('.forecast-cost').innerText())).toBe('10 000,00 €');
    await page.getByText('Chemin des Vignes').first().waitFor();
    await page.getByText('15/04/2027').first().waitFor();

    // A document, slowly enough to see the progress bar.
    await throttleUploads(context, page, 400 * 1024);
    await page.locator('input[type="file"]').setInputFiles({ name: 'devis.pdf', mimeType: 'application/pdf', buffer: pdfFile(700_000) });
    await page.getByText(/Envoi de « devis\.pdf »\s:\s\d+\s%/).waitFor();
    await page.getByRole('progressbar', { name: 'Envoi de devis.pdf' }).waitFor();
    await page.locator('.upload').scrollIntoViewIfNeeded();
    await screenshot(page, 'project-upload-progress-desktop', { fullPage: false });
    await page.getByRole('status').filter({ hasText: '« devis.pdf » a été ajouté.' }).waitFor({ timeout: 20_000 });
    await throttleUploads(context, page, null);
    await page.getByRole('list', { name: 'Documents du projet' }).getByText('devis.pdf').waitFor();
    await page.getByText(/PDF — 68\d,\d\sko/).waitFor();

    // A photo, then its thumbnail, then the full image.
    const png = await pngFile(page);
    await page.locator('input[type="file"]').setInputFiles({ name: 'chantier.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('status').filter({ hasText: '« chantier.png » a été ajouté.' }).waitFor({ timeout: 20_000 });
    const thumbnail = page.getByRole('list', { name: 'Photos du projet' }).locator('img');
    await thumbnail.waitFor();
    expect(await thumbnail.getAttribute('src')).toMatch(/^blob:/);
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.gallery img');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    await page.getByRole('button', { name: 'Agrandir la photo chantier.png' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('img').waitFor();
    await settleOverlay(page);
    await screenshot(page, 'project-photo-dialog-desktop', { fullPage: false });
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await screenshot(page, 'project-page-desktop');

    // Edit the forecast cost; the history shows the change in euros.
    await page.getByRole('link', { name: 'Modifier' }).click();
    await page.waitForURL(`**${projectPath}/modifier`);
    await page.getByLabel('Coût prévisionnel HT').waitFor();
    expect(squash(await page.getByLabel('Coût prévisionnel HT').inputValue())).toBe('10 000,00');
    await page.getByLabel('Coût prévisionnel HT').fill('12 345,67');
    await screenshot(page, 'project-edit-desktop');
    await saveSection(page, 'costs');
    await page.getByRole('link', { name: 'Terminer et voir la fiche' }).click();
    await page.waitForURL(`**${projectPath}`);
    await page.waitForFunction(() => document.querySelector('.forecast-cost')?.textContent?.includes('12'));
    expect(squash(await page.locator('.forecast-cost').innerText())).toBe('12 345,67 €');
    const history = page.locator('section[aria-labelledby="d-history"]');
    // Saved section by section, the fiche's history has the first cost too: the change to 12 345,67 € is the one.
    const change = history.locator('li:not(.entry)').filter({ hasText: 'Coût prévisionnel HT' }).filter({ hasText: /12\s345,67/ });
    await change.waitFor();
    expect(squash(await change.locator('.before').innerText())).toBe('10 000,00 €');
    expect(squash(await change.locator('.after').innerText())).toBe('12 345,67 €');

    // The project is on the dashboard, with its progress and cover.
    await page.getByRole('link', { name: '← Espace commune' }).click();
    await page.waitForURL('**/espace');
    const card = page.getByRole('link', { name: new RegExp(title) });
    await card.waitFor();
    expect(squash(await card.innerText())).toContain('25 %');
    await page.waitForFunction(() => !!document.querySelector('pas-project-card img[src^="blob:"]'));
    await screenshot(page, 'projects-list-desktop');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the list, the project page and the form on a phone', async () => {
    const { context, page } = await newPage(browser, 'phone');
    const errors = watchConsole(page);
    await signIn(page, COLLABORATOR);
    await page.getByRole('heading', { name: 'Projets de la commune' }).waitFor();
    await page.getByRole('link', { name: new RegExp(title) }).waitFor();
    await expectNoSidewaysScroll(page, 'phone');
    await screenshot(page, 'projects-list-phone');

    await page.goto(projectPath);
    await page.getByRole('heading', { name: title }).waitFor();
    await page.locator('.gallery img[src^="blob:"]').waitFor();
    await expectNoSidewaysScroll(page, 'phone');
    await screenshot(page, 'project-page-phone');

    await page.goto('/espace/projets/nouveau');
    await page.getByLabel('Titre du projet').waitFor();
    await expectNoSidewaysScroll(page, 'phone');
    // The short screen fits on a phone with its button, without scrolling.
    const create = await page.getByRole('button', { name: 'Créer le projet' }).boundingBox();
    expect((create?.y ?? Infinity) + (create?.height ?? 0)).toBeLessThanOrEqual(844);
    await screenshot(page, 'project-create-phone');

    // The page's own access token (kept in memory), to play the other person below.
    const ficheRequest = page.waitForRequest((r) => /\/api\/projects\/[0-9a-f-]{36}$/.test(r.url()) && !!r.headers()['authorization']);
    await page.goto(`${projectPath}/modifier`);
    const authorization = (await ficheRequest).headers()['authorization'];
    await page.getByLabel('Titre du projet').waitFor();
    await page.locator('pas-location-map path').nth(1).waitFor();
    await expectNoSidewaysScroll(page, 'phone');
    // The table of contents leads to a section far down, focus on its heading.
    await page.getByRole('navigation', { name: 'Sections de la fiche' }).getByRole('link', { name: 'Coûts HT' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 's-costs');
    await page.getByLabel('Coût final HT').fill('12 000');
    await saveSection(page, 'costs');
    await screenshot(page, 'project-sections-phone');

    // Someone else saves the fiche meanwhile: the next section's save shows what they changed, where the user is.
    const id = projectPath.split('/').pop() as string;
    const headers = { authorization };
    const current = (await (await page.request.get(`/api/projects/${id}`, { headers })).json()) as { version: number };
    const other = await page.request.patch(`/api/projects/${id}`, {
      headers,
      data: { partners: 'Syndicat intercommunal', version: current.version },
    });
    expect(other.status()).toBe(200);
    await page.getByRole('textbox', { name: 'Évaluation' }).fill('Chaussée refaite, fossés curés.');
    await section(page, 'evaluation').getByRole('button', { name: /^Enregistrer cette section/ }).click();
    const conflict = section(page, 'evaluation').getByRole('alert');
    await conflict.getByText('Partenaires').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'conflict');
    await screenshot(page, 'project-conflict-phone', { fullPage: false });
    await conflict.getByRole('button', { name: 'Reprendre mes modifications sur la nouvelle version' }).click();
    expect(await page.getByRole('textbox', { name: 'Partenaires' }).inputValue()).toBe('Syndicat intercommunal');
    await page.waitForFunction(() => document.activeElement?.id === 'save-evaluation');
    await saveSection(page, 'evaluation');
    // The browser logs the refused save (409) itself; nothing else may fail.
    expect(errors.filter((error) => !error.includes('409 (Conflict)'))).toEqual([]);
    await context.close();
  });

  it.each(['desktop', 'phone'] as const)(
    'lets an agent find the project by commune and read it without changing it (%s)',
    async (viewport) => {
      const agent = await demoAccount(AGENT);
      const { context, page } = await newPage(browser, viewport);
      const errors = watchConsole(page);
      await signIn(page, agent.email);
      await page.waitForURL('**/departement');
      // The main navigation on a desktop, the inbox's shortcuts on a phone (the drawer is closed): both lead there.
      await page.getByRole('link', { name: 'Projets des communes' }).first().click();
      await page.waitForURL('**/departement/projets');
      expect(await page.title()).toBe('Projets des communes — Passerelle');
      await page.getByRole('status').filter({ hasText: /projets? trouvés?/ }).waitFor();

      await page.getByRole('combobox', { name: 'Commune' }).fill('Ableig');
      await page.getByRole('option', { name: /^Ableiges/ }).click();
      await page.getByRole('button', { name: 'Retirer le filtre Ableiges' }).waitFor();
      // A table on a desktop (one row per project), cards on a phone: the title's link leads to the fiche either way.
      const entry =
        viewport === 'desktop'
          ? page.getByRole('row', { name: new RegExp(title) })
          : page.getByRole('link', { name: new RegExp(title) });
      await entry.waitFor();
      expect(squash(await entry.innerText())).toContain('Ableiges');
      await expectNoSidewaysScroll(page, viewport);
      await screenshot(page, `backoffice-projects-${viewport}`);

      await page.getByRole('link', { name: new RegExp(title) }).click();
      await page.waitForURL(/\/departement\/projets\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: title }).waitFor();
      await page.getByRole('list', { name: 'Documents du projet' }).getByText('devis.pdf').waitFor();
      await page.locator('.gallery img[src^="blob:"]').waitFor();
      // Read-only: no edit, delete or upload controls.
      expect(await page.getByRole('link', { name: 'Modifier' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Supprimer/ }).count()).toBe(0);
      expect(await page.locator('input[type="file"]').count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Télécharger devis\.pdf/ }).count()).toBe(1);
      await page.getByRole('link', { name: '← Projets des communes' }).waitFor();
      await expectNoSidewaysScroll(page, viewport);
      await screenshot(page, `backoffice-project-${viewport}`);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
