import { BreakpointObserver, type BreakpointState } from '@angular/cdk/layout';
import { Component, provideAppInitializer } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { MeDto, Role } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { BehaviorSubject, of } from 'rxjs';
import { activeLinkPath, App, type NavLink, PHONE_QUERY } from './app';
import { registerIcons } from './icons';

@Component({ template: '<h1>Page</h1>' })
class Blank {}

@Component({ template: '<h1>Autre page</h1><input aria-label="Recherche" />' })
class Other {}

describe(App.name, () => {
  let phone: BehaviorSubject<BreakpointState>;

  function user(role: Role): MeDto {
    return {
      id: 'u1',
      email: 'jeanne@ableiges.fr',
      displayName: 'Jeanne Martin',
      role,
      state: 'ACTIVE',
      departement: { code: '95', name: "Val-d'Oise" },
      commune: role === 'MAYOR' || role === 'COLLABORATOR' ? { insee: '95002', name: 'Ableiges' } : null,
      totpEnabled: false,
      totpRequired: false,
      installationAdmin: false,
      createdAt: '2026-01-01T00:00:00Z',
      lastSignInAt: null,
    };
  }

  function inlineLinks(element: HTMLElement): (string | undefined)[] {
    return Array.from(element.querySelectorAll('.inline-nav a')).map((a) => a.textContent?.trim());
  }

  async function render(isPhone: boolean, role: Role | null = null) {
    phone = new BehaviorSubject<BreakpointState>({ matches: isPhone, breakpoints: { [PHONE_QUERY]: isPhone } });
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: '', component: Blank },
          { path: 'espace', component: Blank },
          { path: 'espace/questions/:id', component: Blank },
          { path: 'departement/projets/:id', component: Blank },
          { path: 'departement/projets-du-departement/:id', component: Blank },
          { path: 'projets/:slug', component: Blank },
          { path: 'connexion', component: Blank },
          { path: 'autre', component: Other },
          { path: 'compte', component: Blank },
          { path: 'notifications', component: Blank },
        ]),
        { provide: BreakpointObserver, useValue: { observe: () => phone } },
        provideAppInitializer(registerIcons),
      ],
    });
    const session = TestBed.inject(AuthSession);
    // As after the start-up look for a previous session: signed in as `role` (the API left its session hint
    // cookie), or a visitor (no hint, no request).
    if (role) {
      document.cookie = 'passerelle_session=1; path=/';
    }
    const restoring = session.restore();
    if (role) {
      TestBed.inject(HttpTestingController)
        .expectOne('/api/auth/refresh')
        .flush({ status: 'AUTHENTICATED', accessToken: 't', expiresIn: 900, user: user(role) });
    }
    document.cookie = 'passerelle_session=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    await restoring;
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('shows a labelled menu button and no inline links on a phone', async () => {
    const { element } = await render(true);
    expect(element.querySelector('button[aria-label="Ouvrir le menu"]')).not.toBeNull();
    expect(element.querySelector('.inline-nav')).toBeNull();
  });

  it('opens the drawer with the menu button and closes it after navigating', async () => {
    const { fixture, element } = await render(true, 'MAYOR');
    element.querySelector<HTMLButtonElement>('button[aria-label="Ouvrir le menu"]')?.click();
    await fixture.whenStable();
    expect(element.querySelector('button[aria-label="Ouvrir le menu"]')?.getAttribute('aria-expanded')).toBe('true');
    expect(element.querySelector('mat-sidenav')?.textContent).toContain('Espace commune');

    await TestBed.inject(Router).navigateByUrl('/espace');
    await fixture.whenStable();
    expect(element.querySelector('button[aria-label="Ouvrir le menu"]')?.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows the links inline on larger screens', async () => {
    const { element } = await render(false, 'MAYOR');
    expect(inlineLinks(element)).toEqual(['Accueil', 'Espace commune', 'Questions', 'FAQ', 'Simulateur']);
    expect(element.querySelector('button[aria-label="Ouvrir le menu"]')).toBeNull();
    expect(element.querySelector('mat-sidenav')).toBeNull();
  });

  it('offers a visitor the public pages and "Se connecter" only', async () => {
    const { element } = await render(false);
    expect(inlineLinks(element)).toEqual(['Accueil', 'Carte', 'Projets', 'Questions fréquentes']);
    expect(Array.from(element.querySelectorAll('.inline-nav a')).map((a) => a.getAttribute('href'))).toEqual([
      '/',
      '/carte',
      '/projets',
      '/faq',
    ]);
    const signIn = Array.from(element.querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Se connecter');
    expect(signIn?.getAttribute('href')).toBe('/connexion');
  });

  it.each<[Role, string[]]>([
    ['COLLABORATOR', ['Accueil', 'Espace commune', 'Questions', 'FAQ', 'Simulateur']],
    ['AGENT', ['Accueil', 'Questions', 'Projets des communes', 'Projets du Département', 'FAQ', 'À relire']],
    ['ADMIN', ['Accueil', 'Questions', 'Projets des communes', 'Projets du Département', 'FAQ', 'À relire', 'Administration']],
  ])('shows a %s only the areas their role can open', async (role, expected) => {
    const { fixture, element } = await render(false, role);
    expect(inlineLinks(element)).toEqual(expected);
    expect(element.textContent).not.toContain('Se connecter');
    // The account menu is a deferred block: let it load and render.
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.querySelector('header button[aria-label="Mon compte : Jeanne Martin"]')).not.toBeNull();
    expect(element.querySelector('header')?.textContent).toContain('Jeanne Martin');
  });

  it.each<[Role, string, string]>([
    ['MAYOR', '/espace/questions/t1', 'Questions'],
    ['MAYOR', '/espace', 'Espace commune'],
    ['AGENT', '/departement/projets/p1', 'Projets des communes'],
    ['AGENT', '/departement/projets-du-departement/d1', 'Projets du Département'],
  ])('marks only the most specific link as the current area (%s on %s)', async (role, url, current) => {
    const { fixture, element } = await render(false, role);
    await TestBed.inject(Router).navigateByUrl(url);
    await fixture.whenStable();
    const active = Array.from(element.querySelectorAll('.inline-nav a[aria-current="page"]')).map((a) =>
      a.textContent?.trim(),
    );
    expect(active).toEqual([current]);
  });

  it('shows a signed-in user the bell with their unread count', async () => {
    const { fixture, element } = await render(false, 'MAYOR');
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.inject(HttpTestingController).expectOne('/api/notifications/unread-count').flush({ unread: 3 });
    await fixture.whenStable();
    expect(element.querySelector('header pas-notification-bell button')?.getAttribute('aria-label')).toBe(
      'Notifications, 3 non lues',
    );
  });

  it('shows no bell to a visitor', async () => {
    const { fixture, element } = await render(false);
    await fixture.whenStable();
    expect(element.querySelector('pas-notification-bell')).toBeNull();
  });

  it('switches to the drawer when the screen becomes narrow', async () => {
    const { fixture, element } = await render(false);
    phone.next({ matches: true, breakpoints: { [PHONE_QUERY]: true } });
    await fixture.whenStable();
    expect(element.querySelector('button[aria-label="Ouvrir le menu"]')).not.toBeNull();
  });

  it('starts with a skip link that moves focus to the main content', async () => {
    const { element } = await render(false);
    const focusable = element.querySelectorAll<HTMLElement>('a[href], button');
    const skip = focusable[0];
    expect(skip.textContent?.trim()).toBe('Aller au contenu');
    expect(skip.getAttribute('href')).toBe('#contenu');

    const main = element.querySelector<HTMLElement>('main#contenu');
    if (!main) {
      throw new Error('no main landmark');
    }
    expect(main.getAttribute('tabindex')).toBe('-1');
    main.scrollIntoView = jest.fn();
    skip.click();
    expect(document.activeElement).toBe(main);
  });

  it('gives a visitor on a phone the public pages in the drawer', async () => {
    const { fixture, element } = await render(true);
    element.querySelector<HTMLButtonElement>('button[aria-label="Ouvrir le menu"]')?.click();
    await fixture.whenStable();
    expect(Array.from(element.querySelectorAll('.drawer-nav a')).map((a) => a.textContent?.trim())).toEqual([
      'Accueil',
      'Carte',
      'Projets',
      'Questions fréquentes',
    ]);
  });

  it('marks "Projets" as the current area on a public project page', async () => {
    const { fixture, element } = await render(false);
    await TestBed.inject(Router).navigateByUrl('/projets/lavoir-ableiges');
    await fixture.whenStable();
    const active = Array.from(element.querySelectorAll('.inline-nav a[aria-current="page"]')).map((a) =>
      a.textContent?.trim(),
    );
    expect(active).toEqual(['Projets']);
  });

  it('links the footer to the open data, the indicators, the accessibility statement, the legal notice, the personal data, the feed and the communes', async () => {
    const { element } = await render(false);
    const nav = element.querySelector('footer nav[aria-label]');
    const links = Array.from(nav?.querySelectorAll('a') ?? []).map((a) => [
      a.textContent?.replace(/\u00a0/g, ' ').trim(),
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['Les communes', '/communes'],
      ['Questions fréquentes', '/faq'],
      ['Données ouvertes', '/donnees-ouvertes'],
      ['Indicateurs', '/indicateurs'],
      ['Projets du Département', '/projets-du-departement'],
      ['Lettre d’information', '/lettre'],
      ['Flux des publications (Atom)', '/api/public/feed.atom'],
      ['Accessibilité : non conforme', '/accessibilite'],
      ['Mentions légales', '/mentions-legales'],
      ['Données personnelles', '/donnees-personnelles'],
    ]);
  });

  it('credits the data sources in the footer', async () => {
    const { element } = await render(false);
    const footer = element.querySelector('footer')?.textContent ?? '';
    expect(footer).toContain('INSEE');
    expect(footer).toContain('IGN Admin Express');
    expect(footer).toContain('Licence Ouverte 2.0');
  });

  it('gives a signed-in user on a narrow screen their account in the drawer, not in the toolbar', async () => {
    const { fixture, element } = await render(true, 'MAYOR');
    const logout = jest.spyOn(TestBed.inject(AuthSession), 'logout').mockReturnValue(of(undefined));
    element.querySelector<HTMLButtonElement>('button[aria-label="Ouvrir le menu"]')?.click();
    await fixture.whenStable();
    fixture.detectChanges();
    const entries = Array.from(element.querySelectorAll('.drawer-account a, .drawer-account button'));
    expect(entries.map((entry) => entry.textContent?.trim())).toEqual(['Mon compte', 'Notifications', 'Se déconnecter']);
    expect(entries.map((entry) => entry.getAttribute('href'))).toEqual(['/compte', '/notifications', null]);
    expect(element.querySelector('header app-account-menu')).toBeNull();

    (entries[2] as HTMLButtonElement).click();
    expect(logout).toHaveBeenCalled();
  });

  it('shows no second "Se connecter" in the header on the sign-in page', async () => {
    const { fixture, element } = await render(false);
    const headerSignIn = () =>
      Array.from(element.querySelectorAll('header a')).filter((a) => a.textContent?.trim() === 'Se connecter');
    expect(headerSignIn()).toHaveLength(1);
    await TestBed.inject(Router).navigateByUrl('/connexion');
    await fixture.whenStable();
    expect(headerSignIn()).toHaveLength(0);
  });

  describe('focus after a navigation', () => {
    it('leaves the first page alone, then moves focus to the heading of each new page', async () => {
      const { fixture, element } = await render(false);
      const router = TestBed.inject(Router);
      await router.navigateByUrl('/');
      await fixture.whenStable();
      expect(document.activeElement).toBe(document.body);

      await router.navigateByUrl('/autre');
      await fixture.whenStable();
      const heading = element.querySelector('main h1');
      expect(heading?.textContent).toBe('Autre page');
      expect(document.activeElement).toBe(heading);
      expect(heading?.getAttribute('tabindex')).toBe('-1');
    });

    it('keeps the focus where it is when only the query changes', async () => {
      const { fixture, element } = await render(false);
      const router = TestBed.inject(Router);
      await router.navigateByUrl('/');
      await router.navigateByUrl('/autre');
      await fixture.whenStable();
      // Outside the page (a field inside it would keep the focus anyway).
      const brand = element.querySelector<HTMLElement>('header a.brand');
      brand?.focus();
      await router.navigateByUrl('/autre?q=lavoir');
      await fixture.whenStable();
      expect(document.activeElement).toBe(brand);
    });
  });
});

describe(activeLinkPath.name, () => {
  const staff: NavLink[] = [
    { path: '/', label: 'Accueil', exact: true },
    { path: '/departement', label: 'Questions', exact: false },
    { path: '/departement/faq', label: 'FAQ', exact: false },
    { path: '/departement/faq/a-relire', label: 'À relire', exact: false },
  ];

  it('lights the most specific area: the FAQ under the inbox, the review queue under the FAQ', () => {
    expect(activeLinkPath(staff, '/departement/questions/q1')).toBe('/departement');
    expect(activeLinkPath(staff, '/departement/faq?q=detr')).toBe('/departement/faq');
    expect(activeLinkPath(staff, '/departement/faq/e1/modifier')).toBe('/departement/faq');
    expect(activeLinkPath(staff, '/departement/faq/a-relire')).toBe('/departement/faq/a-relire');
  });
});
