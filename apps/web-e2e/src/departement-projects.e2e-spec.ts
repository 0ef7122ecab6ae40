import { AxeBuilder } from '@axe-core/playwright';
import type { Page as ListPage, PublicDeptProjectSummaryDto } from '@passerelle/shared/dto';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { expectNoSidewaysScroll, getJson, mailsTo, signIn, watchConsole } from './support/flows';

/** A demo project of the département led by the voirie agent, located by its three cantons only. */
const TITLE = 'Scandibérique : véloroute de la vallée de l’Oise de Pontoise à L’Isle-Adam';
const LEAD = 'agent.voirie@valdoise.example';
const REVIEWER = 'agent.financements@valdoise.example';
/** Unique to this run: the report can only be found once this test has written and approved it. */
const DONE = `Pose des panneaux de jalonnement entre Auvers-sur-Oise et Butry-sur-Oise (essai ${Date.now()}).`;
const PARTNER = `partenaire.${Date.now()}@exemple.fr`;

async function expectAccessible(page: Page, name: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect([name, summary]).toEqual([name, []]);
}

describe('The département’s own projects: a report written, reviewed by another agent, found by a visitor', () => {
  let browser: Browser;
  let projectPath = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the project lead write a progress report and send it to review', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await signIn(page, LEAD);
    await page.goto('/departement');
    await page.getByRole('link', { name: 'Projets du Département' }).first().click();
    await page.getByRole('link', { name: new RegExp(TITLE.slice(0, 30)) }).first().click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    projectPath = new URL(page.url()).pathname;

    await page.getByRole('button', { name: 'Nouveau point d’avancement' }).click();
    await page.getByLabel('Réalisé').fill(DONE);
    await page.getByLabel('Difficultés rencontrées').fill('Deux panneaux livrés endommagés, remplacés sous huit jours.');
    await page.getByLabel('Prochaines étapes').fill('Ouverture du tronçon jusqu’à L’Isle-Adam.');
    await page.getByLabel('Avancement du projet (%)').fill('70');
    await page.getByRole('button', { name: 'Envoyer en relecture' }).first().click();
    await page.getByText('Point d’avancement envoyé en relecture.').waitFor({ state: 'attached' });
    await page.getByText(DONE).first().waitFor();
    // The author never reviews their own report.
    const report = page.locator('article').filter({ hasText: DONE });
    await report.getByText('En attente de relecture').first().waitFor();
    expect(await report.getByRole('button', { name: 'Approuver et publier' }).count()).toBe(0);
    await screenshot(page, 'dept-project-report-sent-desktop');
    await context.close();

    // Not public before its review.
    const slug = await projectSlug();
    const before = await getJson<{ reports: { done: string }[] }>(`/api/public/dept-projects/${slug}`);
    expect(before.reports.map((r) => r.done)).not.toContain(DONE);
  });

  it('lets another agent find it in the review queue and approve it', async () => {
    const { context, page } = await newPage(browser, 'desktop');
    await signIn(page, REVIEWER);
    await page.goto('/departement/publications');
    const section = page.getByRole('region', { name: 'Points d’avancement des projets du Département' });
    await section.getByRole('link', { name: new RegExp(TITLE.slice(0, 30)) }).first().click();
    await page.waitForURL(`**${projectPath}**`);
    const report = page.locator('article').filter({ hasText: DONE });
    await report.getByRole('button', { name: 'Approuver et publier' }).click();
    await report.getByText('Publié').first().waitFor();
    await screenshot(page, 'dept-project-report-approved-desktop');
    await context.close();
  });

  it('lets a visitor find it on the map by canton, read the report and subscribe for the canton', async () => {
    const { context, page } = await newPage(browser, 'phone');
    const errors = watchConsole(page);
    const slug = await projectSlug();
    const project = await getJson<{ cantons: { code: string; name: string }[] }>(`/api/public/dept-projects/${slug}`);
    // L'Isle-Adam's canton has no other project of the département: one marker, never a cluster.
    const canton = project.cantons.find((c) => /Isle-Adam/.test(c.name)) ?? project.cantons[project.cantons.length - 1];

    await page.goto('/carte');
    // On a phone the filters fold into a panel.
    await page.getByRole('button', { name: /^Filtres/ }).click();
    await page.getByRole('radio', { name: 'Projets du Département' }).check();
    await page.getByRole('combobox', { name: 'Canton' }).click();
    await page.getByRole('option', { name: canton.name, exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('canton') === canton.code && url.searchParams.get('kind') === 'DEPARTEMENT');
    const marker = page.locator('.leaflet-marker-icon[aria-label$="— Projet du Département"]');
    await marker.first().waitFor();
    expect(await marker.count()).toBe(1);
    expect(await marker.getAttribute('aria-label')).toContain('Scandibérique');
    await marker.click();
    const link = page.locator('.leaflet-popup').getByRole('link', { name: new RegExp(TITLE.slice(0, 30)) });
    await link.waitFor();
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.leaflet-popup') as Element).opacity === '1');
    await expectAccessible(page, 'carte-departement');
    await screenshot(page, 'dept-project-map-phone');
    await link.click();

    await page.waitForURL(`**/projets-du-departement/${slug}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText(DONE).first().waitFor();
    expect(await page.locator('iframe, embed, object, video').count()).toBe(0);
    await expectAccessible(page, 'projet-du-departement');
    await expectNoSidewaysScroll(page, 'phone');
    await screenshot(page, 'dept-project-page-phone');

    // « Suivre ce projet »: one link per canton, to the subscription form with the canton chosen.
    await page.getByRole('region', { name: 'Suivre ce projet' }).locator(`a[href="/lettre?canton=${canton.code}"]`).click();
    await page.waitForURL(`**/lettre?canton=${canton.code}`);
    await page.getByLabel('Adresse électronique').fill(PARTNER);
    await page.getByRole('button', { name: 'S’inscrire' }).click();
    await page.getByText('Vérifiez votre boîte aux lettres', { exact: false }).first().waitFor();
    await expectAccessible(page, 'lettre');

    const [mail] = await waitForMail(PARTNER);
    const confirmation = /\/lettre\/confirmation\/[^\s"<>]+/.exec(mail.text)?.[0];
    expect(confirmation).toBeDefined();
    await page.goto(confirmation as string);
    await page.getByRole('heading', { level: 1, name: 'Confirmation de votre inscription' }).waitFor();
    await page.getByText(canton.name).first().waitFor();
    await screenshot(page, 'newsletter-confirmed-phone');
    expect(errors).toEqual([]);
    await context.close();
  });
});

async function projectSlug(): Promise<string> {
  const list = await getJson<ListPage<PublicDeptProjectSummaryDto>>(`/api/public/dept-projects?q=${encodeURIComponent('Scandibérique')}`);
  const project = list.items.find((p) => p.title === TITLE);
  if (!project) {
    throw new Error('the demo project is not public');
  }
  return project.slug;
}

async function waitForMail(to: string): Promise<Awaited<ReturnType<typeof mailsTo>>> {
  for (let i = 0; i < 50; i++) {
    const mails = await mailsTo(to);
    if (mails.length > 0) {
      return mails;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${to}`);
}
