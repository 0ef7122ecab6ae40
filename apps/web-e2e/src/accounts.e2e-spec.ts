import type { DemoAccountDto, DevMailDto, Page as ListPage, PublicConfigDto } from '@passerelle/shared/dto';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, screenshot } from './support/browser';
import { DEMO_PASSWORD, expectNoSidewaysScroll, getJson, settleOverlay, signIn } from './support/flows';

const COLLABORATOR_PASSWORD = 'une passerelle entre deux rives';

async function demoAccounts(): Promise<DemoAccountDto[]> {
  const config = await getJson<PublicConfigDto>('/api/config');
  return config.demoAccounts;
}

/** The link of the last mail sent to `to` whose path starts with `prefix` (mails are written to disk in demo mode). */
async function linkFromMail(to: string, prefix: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const mails = await getJson<ListPage<DevMailDto>>('/api/dev/mails?limit=100');
    const mail = mails.items.filter((m) => m.to === to).at(-1) ?? mails.items.find((m) => m.to === to);
    const link = mail?.text.match(new RegExp(`https?://\\S+(${prefix}[\\w-]+)`))?.[1];
    if (link) {
      return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no mail to ${to} with a ${prefix} link`);
}

describe('Accounts and commune workspaces', () => {
  let browser: Browser;
  let accounts: DemoAccountDto[];

  beforeAll(async () => {
    browser = await launchBrowser();
    accounts = await demoAccounts();
  });
  afterAll(async () => {
    await browser?.close();
  });

  function account(description: RegExp): DemoAccountDto {
    const found = accounts.find((a) => description.test(a.description));
    if (!found) {
      throw new Error(`no demo account described as ${description}`);
    }
    return found;
  }

  it('lets a mayor invite a collaborator, who joins and sees the team, then loses access when removed', async () => {
    const mayor = account(/^Maire /);
    const collaboratorEmail = `collaborateur.${Date.now()}@example.fr`;

    // The mayor signs in from the demo list and opens the team page.
    const { context: mayorContext, page: mayorPage } = await newPage(browser, 'desktop');
    await mayorPage.goto('/connexion');
    await mayorPage.getByRole('heading', { name: 'Comptes de démonstration' }).waitFor();
    await screenshot(mayorPage, 'sign-in-desktop');
    await mayorPage.getByRole('button', { name: new RegExp(`^Utiliser le compte de ${mayor.displayName}`) }).click();
    expect(await mayorPage.getByLabel('Adresse électronique').inputValue()).toBe(mayor.email);
    await mayorPage.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await mayorPage.getByRole('button', { name: 'Se connecter' }).click();
    await mayorPage.waitForURL('**/espace');
    expect(await mayorPage.title()).toBe('Espace commune — Passerelle');
    await mayorPage.getByText(/\d places? sur 4 occupées?/).waitFor();
    await screenshot(mayorPage, 'workspace-desktop');

    await mayorPage.getByRole('link', { name: "Gérer l’équipe" }).click();
    await mayorPage.waitForURL('**/espace/equipe');
    expect(await mayorPage.title()).toBe('Mon équipe — Passerelle');
    const seats = mayorPage.locator('.seat-count');
    await seats.waitFor();
    const usedBefore = Number((await seats.innerText()).match(/^(\d+)/)?.[1]);
    expect(await seats.innerText()).toMatch(/^\d places? sur 4 occupées?$/);

    await mayorPage.getByLabel('Adresse électronique du collaborateur').fill(collaboratorEmail);
    await mayorPage.getByRole('button', { name: "Envoyer l’invitation" }).click();
    await mayorPage.getByRole('status').filter({ hasText: `Invitation envoyée à ${collaboratorEmail}.` }).waitFor();
    await mayorPage.getByText(collaboratorEmail, { exact: true }).waitFor();
    expect(await seats.innerText()).toBe(`${usedBefore + 1} places sur 4 occupées`);
    await screenshot(mayorPage, 'team-mayor-desktop');

    // The collaborator opens the link of the mail in another browser, on a phone.
    const invitationPath = await linkFromMail(collaboratorEmail, '/invitation/');
    const { context: collaboratorContext, page: collaboratorPage } = await newPage(browser, 'phone');
    await collaboratorPage.goto(invitationPath);
    await collaboratorPage.getByText(`${mayor.displayName} vous invite à rejoindre`).waitFor();
    expect(await collaboratorPage.title()).toBe('Invitation — Passerelle');
    await expectNoSidewaysScroll(collaboratorPage, 'phone');
    await screenshot(collaboratorPage, 'invitation-phone');
    await collaboratorPage.getByLabel('Votre nom').fill('Camille Roux');
    await collaboratorPage.getByLabel('Mot de passe', { exact: true }).fill(COLLABORATOR_PASSWORD);
    await collaboratorPage.getByLabel('Confirmation du mot de passe').fill(COLLABORATOR_PASSWORD);
    await collaboratorPage.getByRole('button', { name: 'Créer mon compte' }).click();

    // Back on the sign-in page with the address filled in and a word of welcome.
    await collaboratorPage.waitForURL('**/connexion?**');
    await collaboratorPage.getByRole('status').filter({ hasText: 'Votre compte est créé.' }).waitFor();
    expect(await collaboratorPage.getByLabel('Adresse électronique').inputValue()).toBe(collaboratorEmail);
    await screenshot(collaboratorPage, 'sign-in-after-invitation-phone');
    await collaboratorPage.getByLabel('Mot de passe', { exact: true }).fill(COLLABORATOR_PASSWORD);
    await collaboratorPage.getByRole('button', { name: 'Se connecter' }).click();
    await collaboratorPage.waitForURL('**/espace');
    await collaboratorPage.getByRole('link', { name: "Voir l’équipe" }).click();
    await collaboratorPage.waitForURL('**/espace/equipe');
    await collaboratorPage.getByText('Camille Roux').waitFor();
    await collaboratorPage.getByText(mayor.displayName).first().waitFor();
    // Read-only for a collaborator.
    expect(await collaboratorPage.getByRole('button', { name: 'Retirer' }).count()).toBe(0);
    expect(await collaboratorPage.getByLabel('Adresse électronique du collaborateur').count()).toBe(0);
    await expectNoSidewaysScroll(collaboratorPage, 'phone');
    await screenshot(collaboratorPage, 'team-collaborator-phone');

    // The mayor removes the collaborator, after confirming.
    await mayorPage.reload();
    await mayorPage.getByRole('button', { name: 'Retirer Camille Roux de l’équipe' }).click();
    const dialog = mayorPage.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Retirer ce collaborateur ?' }).waitFor();
    await settleOverlay(mayorPage);
    await screenshot(mayorPage, 'team-remove-dialog-desktop', { fullPage: false });
    await dialog.getByRole('button', { name: 'Retirer' }).click();
    await mayorPage.getByRole('status').filter({ hasText: 'Camille Roux a été retiré de l’équipe.' }).waitFor();
    // The team is read again after the removal is announced: the seats follow a moment later.
    await seats.filter({ hasText: new RegExp(`^${usedBefore} places? sur 4 occupées?$`) }).waitFor();
    expect(await seats.innerText()).toMatch(new RegExp(`^${usedBefore} places? sur 4 occupées?$`));
    expect(await mayorPage.getByText(collaboratorEmail, { exact: true }).count()).toBe(0);

    // The collaborator's next action sends them to the sign-in page, which would bring them back.
    await collaboratorPage.getByRole('link', { name: '← Espace commune' }).click();
    await collaboratorPage.waitForURL('**/connexion?retour=**');
    expect(new URL(collaboratorPage.url()).searchParams.get('retour')).toBe('/espace');
    await collaboratorPage.getByRole('heading', { name: 'Connexion' }).waitFor();
    // Signed out: the sign-in form's button (the header has no second "Se connecter" on this page).
    await collaboratorPage.getByRole('button', { name: 'Se connecter' }).waitFor();

    await collaboratorContext.close();
    await mayorContext.close();
  });

  it('keeps the session across a reload, and sends visitors of a private page to the sign-in page and back', async () => {
    const mayor = account(/^Maire /);
    const { context, page } = await newPage(browser, 'desktop');
    await page.goto('/espace/equipe');
    await page.waitForURL('**/connexion?retour=%2Fespace%2Fequipe');
    await page.getByText('Connectez-vous pour accéder à cette page.').waitFor();
    await page.getByLabel('Adresse électronique').fill(mayor.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/espace/equipe');

    await page.reload();
    await page.locator('.seat-count').waitFor();
    expect(new URL(page.url()).pathname).toBe('/espace/equipe');

    // A mayor may not open the département's pages.
    await page.goto('/departement/administration');
    await page.getByRole('heading', { name: 'Accès réservé' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/departement/administration');
    expect(await page.title()).toBe('Accès réservé — Passerelle');
    await screenshot(page, 'access-denied-desktop');

    // Signing out from the account menu.
    await page.getByRole('button', { name: `Mon compte : ${mayor.displayName}` }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('banner').getByRole('link', { name: 'Se connecter' }).waitFor();
    await page.goto('/compte');
    await page.waitForURL('**/connexion?retour=%2Fcompte');
    await context.close();
  });

  it.each(['phone', 'desktop'] as const)('shows every page of the accounts on a %s', async (viewport) => {
    const mayor = account(/^Maire /);
    const admin = account(/^Administrat/);
    const { context, page } = await newPage(browser, viewport);
    const shoot = async (name: string) => {
      await expectNoSidewaysScroll(page, viewport);
      await screenshot(page, `${name}-${viewport}`);
    };

    await page.goto('/connexion');
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await shoot('sign-in');
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor();
    expect(await page.title()).toBe('Mot de passe oublié — Passerelle');
    await page.getByLabel('Adresse électronique').fill('personne@example.fr');
    await page.getByRole('button', { name: 'Recevoir le lien' }).click();
    await page.getByRole('status').filter({ hasText: 'Si un compte existe' }).waitFor();
    await shoot('forgot-password');

    await page.goto('/reinitialiser-mot-de-passe/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
    await page.getByRole('heading', { name: 'Nouveau mot de passe' }).waitFor();
    expect(await page.title()).toBe('Nouveau mot de passe — Passerelle');
    // A dead link says so before any password is typed.
    await page.getByRole('alert').filter({ hasText: 'Ce lien n’est plus valable' }).waitFor();
    await page.getByRole('link', { name: 'Demander un nouveau lien' }).waitFor();
    expect(await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).count()).toBe(0);
    await shoot('reset-password');

    await page.goto('/invitation/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
    await page.getByRole('alert').waitFor();
    await shoot('invitation-invalid');

    await signIn(page, mayor.email, DEMO_PASSWORD);
    await page.getByText(/places? sur 4 occupées?/).waitFor();
    await shoot('workspace');
    await page.goto('/espace/equipe');
    await page.locator('.seat-count').waitFor();
    await shoot('team-mayor');
    await page.goto('/compte');
    await page.getByRole('heading', { name: 'Sessions ouvertes' }).waitFor();
    await page.getByText('cette session').waitFor();
    await shoot('account-mayor');
    await page.getByRole('button', { name: 'Activer la double authentification' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    await shoot('account-totp-setup');

    // The département's administrator (second factor waived for the demo accounts in demo mode).
    await context.clearCookies();
    await signIn(page, admin.email, DEMO_PASSWORD);
    await page.waitForURL('**/departement');
    await page.locator('main').getByRole('link', { name: 'Administration', exact: true }).waitFor();
    await shoot('backoffice');
    await page.locator('main').getByRole('link', { name: 'Administration', exact: true }).click();
    await page.waitForURL('**/departement/administration');
    await page.getByRole('status').filter({ hasText: /communes? trouvées?/ }).waitFor();
    await shoot('administration-workspaces');
    await page.getByRole('button', { name: "Voir l’équipe" }).first().click();
    await page.getByRole('list', { name: "Membres de l’équipe" }).waitFor();
    await shoot('administration-workspace-team');
    await page.getByRole('button', { name: /^Ouvrir l’espace (de |d’|du |des )/ }).first().click();
    await page.getByRole('dialog').getByLabel('Adresse électronique du maire').waitFor();
    await settleOverlay(page);
    await screenshot(page, `administration-open-workspace-${viewport}`, { fullPage: false });
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Agents' }).click();
    await page.getByRole('heading', { name: /Agents et administrateurs/ }).waitFor();
    await page.getByText(admin.displayName).first().waitFor();
    await shoot('administration-agents');
    await page.goto('/compte');
    // The demo accounts are spared the second factor in demo mode (`totpRequired` is false for them).
    await page.getByRole('heading', { name: 'Double authentification' }).waitFor();
    await page.getByText('cette session').waitFor();
    await shoot('account-admin');
    await context.close();
  });
});
