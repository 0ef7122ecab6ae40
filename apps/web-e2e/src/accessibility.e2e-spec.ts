import { AxeBuilder } from '@axe-core/playwright';
import type { Page as ListPage, ProjectDto, ProjectSummaryDto, PublicationDto, ThreadSummaryDto } from '@passerelle/shared/dto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser, networkSettled, screenshot, trackRequests } from './support/browser';
import { DEMO_PASSWORD, settleOverlay, sidewaysOverflow, signIn } from './support/flows';

/**
 * Every page of the app (apps/web/src/app/app.routes.ts), as the person who uses it: axe's WCAG 2.1 A and AA rules
 * at phone and desktop widths, with the page's error summary or dialog open; the pages reflow at 320 and 640 px
 * (no sideways scroll) with the account's entries within reach; a screenshot of each, to be looked at.
 */

const MAYOR = 'maire@ableiges.example';
const AGENT = 'agent.voirie@valdoise.example';
const ADMIN = 'admin@valdoise.example';
const INSEE = '95002';
/** A token no server ever issued: the pages that receive a link by mail must say it is no longer valid. */
const DEAD_TOKEN = 'jeton-perime-0123456789abcdef0123456789abcdef';

type Role = 'visitor' | 'mayor' | 'agent' | 'admin';

interface Ids {
  slug: string;
  project: string;
  communeThread: string;
  staffThread: string;
  publication: string;
  /** A project of the département: its id, and its public address. */
  deptProject: string;
  deptSlug: string;
}

interface PageState {
  /** Names the state in the failures and the screenshot. */
  name: string;
  open(page: Page): Promise<void>;
  /** Undoes what `open` did before the next state (a dialog to close); reloading the page is the default. */
  close?(page: Page): Promise<void>;
}

interface PageCheck {
  /** The screenshot's file name: `<name>-<width>.png`. */
  name: string;
  role: Role;
  path(ids: Ids): string;
  states?: PageState[];
}

/** Submits a form as it is (empty or untouched): the page must show what to correct. */
function submitEmpty(button?: string | RegExp): PageState {
  return {
    name: 'erreurs',
    async open(page) {
      const main = page.locator('main');
      const submit = button
        ? main.getByRole('button', { name: button, exact: true }).first()
        : main.locator('form button[type="submit"]').first();
      await submit.click();
      await main.locator('pas-error-summary .error-summary, mat-error, [role="alert"]').first().waitFor({ state: 'visible' });
    },
  };
}

/** Clicks a button that opens a confirmation dialog; Escape closes it again, and nothing is done. */
function confirmDialog(button: string | RegExp): PageState {
  return {
    name: 'dialogue',
    async open(page) {
      await page.locator('main').getByRole('button', { name: button }).first().click();
      await page.getByRole('dialog').waitFor();
      await settleOverlay(page);
    },
    async close(page) {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    },
  };
}

function clickTab(tab: string, then?: PageState): PageState {
  return {
    name: `onglet-${tab.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]+/g, '-')}`,
    async open(page) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(300);
      await then?.open(page);
    },
  };
}

/** The account's entries: the menu of the toolbar on a wide screen, the drawer below 960 px. */
const ACCOUNT_MENU: PageState = {
  name: 'menu-compte',
  async open(page) {
    const menuButton = page.getByRole('button', { name: 'Ouvrir le menu' });
    if (await menuButton.isVisible()) {
      await menuButton.click();
    } else {
      await page.getByRole('button', { name: /^Mon compte : / }).click();
    }
    await page.getByRole(await menuButton.isVisible() ? 'button' : 'menuitem', { name: 'Se déconnecter' }).waitFor();
    await settleOverlay(page);
    await page.waitForTimeout(400);
  },
  async close(page) {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(400);
  },
};

const PAGES: PageCheck[] = [
  // Public pages, signed out.
  { name: 'accueil', role: 'visitor', path: () => '/' },
  { name: 'carte', role: 'visitor', path: () => '/carte' },
  { name: 'recherche', role: 'visitor', path: () => '/projets?q=lavoir' },
  { name: 'projet-public', role: 'visitor', path: (ids) => `/projets/${ids.slug}` },
  { name: 'projets-du-departement', role: 'visitor', path: () => '/projets-du-departement' },
  { name: 'projet-du-departement', role: 'visitor', path: (ids) => `/projets-du-departement/${ids.deptSlug}` },
  { name: 'lettre', role: 'visitor', path: () => '/lettre', states: [submitEmpty('S’inscrire')] },
  { name: 'lettre-confirmation', role: 'visitor', path: () => `/lettre/confirmation/${DEAD_TOKEN}` },
  { name: 'lettre-desabonnement', role: 'visitor', path: () => `/lettre/desabonnement/${DEAD_TOKEN}` },
  { name: 'communes', role: 'visitor', path: () => '/communes' },
  { name: 'donnees-ouvertes', role: 'visitor', path: () => '/donnees-ouvertes' },
  { name: 'indicateurs', role: 'visitor', path: () => '/indicateurs' },
  { name: 'accessibilite', role: 'visitor', path: () => '/accessibilite' },
  { name: 'mentions-legales', role: 'visitor', path: () => '/mentions-legales' },
  { name: 'donnees-personnelles', role: 'visitor', path: () => '/donnees-personnelles' },
  { name: 'suppression-du-compte', role: 'visitor', path: () => '/suppression-du-compte?date=2027-01-06' },
  { name: 'connexion', role: 'visitor', path: () => '/connexion', states: [submitEmpty('Se connecter')] },
  { name: 'mot-de-passe-oublie', role: 'visitor', path: () => '/mot-de-passe-oublie', states: [submitEmpty('Recevoir le lien')] },
  { name: 'reinitialiser-mot-de-passe', role: 'visitor', path: () => `/reinitialiser-mot-de-passe/${DEAD_TOKEN}` },
  { name: 'invitation', role: 'visitor', path: () => `/invitation/${DEAD_TOKEN}` },
  { name: 'desabonnement', role: 'visitor', path: () => `/desabonnement/${DEAD_TOKEN}` },
  { name: 'acces-reserve', role: 'visitor', path: () => '/acces-reserve' },
  { name: 'page-introuvable', role: 'visitor', path: () => '/cette-page-n-existe-pas' },
  // The commune's workspace, as its mayor.
  { name: 'espace', role: 'mayor', path: () => '/espace', states: [ACCOUNT_MENU] },
  {
    name: 'espace-equipe',
    role: 'mayor',
    path: () => '/espace/equipe',
    states: [submitEmpty('Envoyer l’invitation'), confirmDialog(/^Retirer/)],
  },
  { name: 'espace-questions', role: 'mayor', path: () => '/espace/questions' },
  { name: 'espace-question-nouvelle', role: 'mayor', path: () => '/espace/questions/nouvelle', states: [submitEmpty()] },
  { name: 'espace-question', role: 'mayor', path: (ids) => `/espace/questions/${ids.communeThread}`, states: [submitEmpty('Envoyer')] },
  { name: 'espace-projet-nouveau', role: 'mayor', path: () => '/espace/projets/nouveau', states: [submitEmpty('Créer le projet')] },
  { name: 'espace-projet', role: 'mayor', path: (ids) => `/espace/projets/${ids.project}`, states: [confirmDialog(/^Supprimer$/)] },
  { name: 'espace-projet-modifier', role: 'mayor', path: (ids) => `/espace/projets/${ids.project}/modifier` },
  { name: 'compte', role: 'mayor', path: () => '/compte', states: [submitEmpty('Changer le mot de passe')] },
  { name: 'notifications', role: 'mayor', path: () => '/notifications' },
  // The département, as an agent.
  { name: 'departement', role: 'agent', path: () => '/departement', states: [ACCOUNT_MENU] },
  {
    name: 'departement-question',
    role: 'agent',
    path: (ids) => `/departement/questions/${ids.staffThread}`,
    states: [confirmDialog('Fermer la question')],
  },
  { name: 'departement-commune', role: 'agent', path: () => `/departement/communes/${INSEE}` },
  {
    name: 'departement-modeles',
    role: 'agent',
    path: () => '/departement/modeles-de-reponse',
    states: [
      {
        name: 'nouveau-modele',
        async open(page) {
          await page.getByRole('button', { name: 'Nouveau modèle' }).click();
          await submitEmpty('Enregistrer').open(page);
        },
      },
    ],
  },
  { name: 'departement-projets', role: 'agent', path: () => '/departement/projets' },
  { name: 'departement-projet', role: 'agent', path: (ids) => `/departement/projets/${ids.project}` },
  { name: 'departement-projets-du-departement', role: 'agent', path: () => '/departement/projets-du-departement' },
  { name: 'departement-projet-du-departement', role: 'agent', path: (ids) => `/departement/projets-du-departement/${ids.deptProject}` },
  {
    name: 'departement-projet-du-departement-nouveau',
    role: 'agent',
    path: () => '/departement/projets-du-departement/nouveau',
    states: [submitEmpty('Créer le projet')],
  },
  {
    name: 'departement-projet-du-departement-modifier',
    role: 'agent',
    path: (ids) => `/departement/projets-du-departement/${ids.deptProject}/modifier`,
  },
  { name: 'departement-publications', role: 'agent', path: () => '/departement/publications' },
  {
    name: 'departement-publication',
    role: 'agent',
    path: (ids) => `/departement/publications/${ids.publication}`,
    states: [confirmDialog('Approuver et publier')],
  },
  // The département's administration, as its administrator.
  {
    name: 'departement-administration',
    role: 'admin',
    path: () => '/departement/administration',
    states: [
      ACCOUNT_MENU,
      clickTab('Agents', submitEmpty('Inviter')),
      clickTab('Questions des communes'),
      clickTab('Courriels non distribués'),
    ],
  },
  { name: 'departement-indicateurs', role: 'agent', path: () => '/departement/indicateurs' },
  { name: 'departement-axes', role: 'admin', path: () => '/departement/administration/axes' },
  { name: 'departement-donnees-personnelles', role: 'admin', path: () => '/departement/administration/donnees-personnelles' },
  { name: 'departement-admin-questions', role: 'admin', path: () => '/departement' },
];

const EMAILS: Record<Exclude<Role, 'visitor'>, string> = { mayor: MAYOR, agent: AGENT, admin: ADMIN };

/** The API as one of the demo accounts (bearer token of a sign-in made for the purpose). */
async function apiAs(email: string): Promise<<T>(path: string, body?: unknown) => Promise<T>> {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl()}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${accessToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    }
    return (await response.json()) as T;
  };
}

/**
 * Real ids of the demo data. The review page needs a project awaiting review: the mayor completes one of their own
 * for the purpose and asks for its publication, leaving the demo's projects to the other browser tests (they share
 * one database).
 */
async function demoIds(): Promise<Ids> {
  const mayor = await apiAs(MAYOR);
  const agent = await apiAs(AGENT);
  const projects = await mayor<ListPage<ProjectSummaryDto>>(`/api/communes/${INSEE}/projects?limit=50`);
  const ongoing = projects.items.find((p) => p.status !== 'COMPLETED');
  if (!ongoing) {
    throw new Error('no ongoing demo project in Ableiges');
  }
  const toReview = await mayor<ProjectDto>(`/api/communes/${INSEE}/projects`, {
    title: `Abri du lavoir, relu pour l’accessibilité ${Date.now()}`,
    theme: 'CULTURE_PATRIMOINE',
    status: 'COMPLETED',
  });
  const publication = await mayor<PublicationDto>(`/api/projects/${toReview.id}/publication`);
  await mayor(`/api/projects/${toReview.id}/publication`, { action: 'request', version: publication.previewVersion });
  // Other browser tests run alongside and close Ableiges' questions: the reply form is audited on one still open.
  const threads = await mayor<ListPage<ThreadSummaryDto>>(`/api/communes/${INSEE}/threads`);
  const communeThread = threads.items.find((t) => t.state !== 'CLOSED');
  const inbox = await agent<ListPage<ThreadSummaryDto>>('/api/inbox');
  const open = inbox.items.find((t) => t.state !== 'CLOSED') ?? inbox.items[0];
  const published = (await (await fetch(`${baseUrl()}/api/public/projects`)).json()) as ListPage<{ slug: string }>;
  // A project of the département the agent leads (the demo's college), so that its page shows the report form.
  const deptProjects = await agent<ListPage<{ id: string; slug: string | null }>>('/api/departements/95/projects?lead=me&limit=50');
  const deptProject = deptProjects.items.find((p) => p.slug !== null);
  if (!communeThread || !open || !published.items[0] || !deptProject?.slug) {
    throw new Error('demo data missing: a commune question, an open question, a published project or a project of the département');
  }
  return {
    slug: published.items[0].slug,
    project: ongoing.id,
    communeThread: communeThread.id,
    staffThread: open.id,
    publication: toReview.id,
    deptProject: deptProject.id,
    deptSlug: deptProject.slug,
  };
}

/** The page has drawn its heading and stopped loading. */
async function ready(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await networkSettled(page);
  await page.waitForFunction(() => !document.querySelector('main mat-progress-bar, main mat-spinner, main mat-progress-spinner'), null, {
    timeout: 5_000,
  }).catch(() => undefined);
}

/** Material fades errors and dialogs in: axe measures contrast once they are opaque. */
async function settled(page: Page): Promise<void> {
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity), null, {
      timeout: 3_000,
    })
    .catch(() => undefined);
}

async function violations(page: Page): Promise<string[]> {
  await settled(page);
  const { violations: found } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return found.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

async function signedInContext(browser: Browser, role: Role, width: number, height: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'fr-FR', timezoneId: 'Europe/Paris', baseURL: baseUrl() });
  const page = await context.newPage();
  trackRequests(page);
  // Eight pages load at once (the audits, then the reflows): a busy machine may take longer than a click.
  page.setDefaultTimeout(20_000);
  if (role !== 'visitor') {
    await signIn(page, EMAILS[role]);
  }
  return { context, page };
}

const REFLOW_HEIGHT = 700;

/** Nothing to scroll sideways at `width`, and (signed in) the drawer's « Se déconnecter » within the viewport. */
async function reflowFailures(page: Page, where: string, width: number, signedIn: boolean): Promise<string[]> {
  const failures: string[] = [];
  // The layout follows the new width on the next frames.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const { documentWidth, drawerOverflow } = await sidewaysOverflow(page);
  if (documentWidth > width || drawerOverflow > 0) {
    failures.push(`${where}: scrolls sideways (document ${documentWidth} px wide, sidenav content ${drawerOverflow} px too wide)`);
    await screenshot(page, `reflow/${where.replace(/[^a-z0-9]+/gi, '-')}`);
  }
  if (signedIn) {
    await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
    const signOut = page.getByRole('button', { name: 'Se déconnecter' });
    await signOut.scrollIntoViewIfNeeded();
    const box = await signOut.boundingBox();
    if (!box || box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > REFLOW_HEIGHT) {
      failures.push(`${where}: « Se déconnecter » out of the viewport (${JSON.stringify(box)})`);
    }
    await page.keyboard.press('Escape');
    await signOut.waitFor({ state: 'detached' });
  }
  return failures;
}

const ROLES: Role[] = ['visitor', 'mayor', 'agent', 'admin'];

/** Each of the role's pages at 320 and 640 px: the failures, as lines to read. */
async function reflow(browser: Browser, ids: Ids, role: Role): Promise<string[]> {
  const failures: string[] = [];
  const { context, page } = await signedInContext(browser, role, 320, REFLOW_HEIGHT);
  for (const check of PAGES.filter((p) => p.role === role)) {
    await page.setViewportSize({ width: 320, height: REFLOW_HEIGHT });
    let step = 'loading the page';
    try {
      await page.goto(check.path(ids));
      // Four roles load their pages at once: on a busy machine the first heading may take longer than a click.
      await page.locator('main h1').first().waitFor({ timeout: 30_000 });
      await ready(page);
      for (const width of [320, 640]) {
        step = `at ${width} px`;
        await page.setViewportSize({ width, height: REFLOW_HEIGHT });
        failures.push(...(await reflowFailures(page, `${role}: ${check.name} @${width}`, width, role !== 'visitor')));
      }
    } catch (error) {
      await screenshot(page, `reflow/error-${role}-${check.name}`);
      failures.push(`${role}: ${check.name} (${step}): ${(error as Error).message.split('\n')[0]}`);
    }
  }
  await context.close();
  return failures;
}

/** axe on each of the role's pages and their states at one width; the failures, as lines to read. */
async function audit(browser: Browser, ids: Ids, role: Role, width: number): Promise<string[]> {
  const failures: string[] = [];
  const { context, page } = await signedInContext(browser, role, width, width < 960 ? 844 : 900);
  for (const check of PAGES.filter((p) => p.role === role)) {
    const where = `${check.name} @${width}`;
    try {
      await page.goto(check.path(ids));
      await ready(page);
      failures.push(...(await violations(page)).map((v) => `${where}: ${v}`));
      await screenshot(page, `pages/${check.name}-${width}`);
      const states = check.states ?? [];
      for (const [index, state] of states.entries()) {
        let opened = false;
        try {
          await state.open(page);
          opened = true;
          failures.push(...(await violations(page)).map((v) => `${where} [${state.name}]: ${v}`));
          await screenshot(page, `pages/${check.name}-${state.name}-${width}`, { fullPage: false });
        } catch (error) {
          failures.push(`${where} [${state.name}]: could not open: ${(error as Error).message.split('\n')[0]}`);
        }
        // After the last state, the next page's load starts afresh anyway.
        if (index === states.length - 1) {
          break;
        }
        if (state.close && opened) {
          await state.close(page);
        } else {
          await page.goto(check.path(ids));
          await ready(page);
        }
      }
    } catch (error) {
      failures.push(`${where}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  await context.close();
  return failures;
}


describe('Every page, for everyone (RGAA / WCAG 2.1 AA)', () => {
  let browser: Browser;
  let ids: Ids;

  beforeAll(async () => {
    browser = await launchBrowser();
    ids = await demoIds();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('covers every route of the app', () => {
    // A new route needs a line here: the count of app.routes.ts's pages (the project page counted once per area).
    expect(new Set(PAGES.map((p) => p.name)).size).toBe(PAGES.length);
    expect(PAGES.length).toBeGreaterThanOrEqual(45);
  });

  it('reports what axe finds, rule and element (the checks below are not blind)', async () => {
    const { context, page } = await signedInContext(browser, 'visitor', 390, 844);
    await page.goto('/mentions-legales');
    await ready(page);
    await page.locator('main h1').evaluate((h1) => h1.insertAdjacentHTML('afterend', '<img id="sans-alternative" src="/favicon.ico">'));
    expect(await violations(page)).toContainEqual(expect.stringMatching(/^image-alt \(critical\): #sans-alternative$/));
    await context.close();
  });

  // Every role at both widths at once: eight pages of one browser. An audit mostly waits for pages to settle, so
  // the suite takes about the time of the longest role instead of the sum of the four.
  it('has no axe violation for any role, at 390 and 1366 px, with its dialogs and errors open', async () => {
    const audits = ROLES.flatMap((role) =>
      [390, 1366].map(async (width) => (await audit(browser, ids, role, width)).map((failure) => `${role}: ${failure}`)),
    );
    expect((await Promise.all(audits)).flat()).toEqual([]);
  }, 600_000);

  // One load of each page, measured at both widths: resizing is enough for the layout (breakpoints follow the viewport).
  // The four roles at once, as above.
  it('reflows at 320 and 640 px for every role: nothing scrolls sideways, Se déconnecter within reach', async () => {
    const failures = (await Promise.all(ROLES.map((role) => reflow(browser, ids, role)))).flat();
    expect(failures).toEqual([]);
  }, 300_000);
});
