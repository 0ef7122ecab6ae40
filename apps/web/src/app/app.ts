import { BreakpointObserver } from '@angular/cdk/layout';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, NavigationStart, Router, RouterLink, RouterOutlet } from '@angular/router';
import { ACCESSIBILITY_STATUS, COMMUNE_ROLES, DEPARTEMENT_ROLES } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';
import { API_BASE_URL } from '@passerelle/web/shared/data-access';
import { filter, map } from 'rxjs';
import { AccountMenu } from './account-menu';
import { DeletionCancelledBanner } from './deletion-cancelled-banner';
import { NotificationMenu } from './notification-menu';
import { focusPageHeading, pathOf } from './page-focus';
import { ServiceStatusBanner } from './service-status-banner';

/**
 * Below this width the navigation and the account's entries move into a drawer (Material's Small breakpoint and
 * below). A signed-in agent's toolbar (four links, the bell and their name) needs about 900 px: at Material's XSmall
 * limit (600 px) it scrolled sideways between 600 and 780 px, i.e. on a laptop zoomed to 200 % (WCAG 1.4.10).
 */
export const PHONE_QUERY = '(max-width: 959.98px)';

/**
 * The département's staff have more and longer links (« Projets des communes », « Projets du Département »…): about
 * 1 150 px with the bell and the name for an admin. Below this width their links move into the drawer.
 */
export const STAFF_DRAWER_QUERY = '(max-width: 1279.98px)';

export interface NavLink {
  path: string;
  label: string;
  /** Active on this very path only (the home page), rather than on everything under it. */
  exact: boolean;
}

/**
 * The link of the area the user is in: the most specific one whose path the address starts with. Angular's
 * `routerLinkActive` would light up both "Espace commune" and "Questions" on `/espace/questions/…`, since one path
 * holds the other.
 */
export function activeLinkPath(links: readonly NavLink[], url: string): string | null {
  const path = pathOf(url);
  let active: NavLink | null = null;
  for (const link of links) {
    const matches = link.exact ? path === link.path : path === link.path || path.startsWith(`${link.path}/`);
    if (matches && (active === null || link.path.length > active.path.length)) {
      active = link;
    }
  }
  return active?.path ?? null;
}

@Component({
  selector: 'app-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    MatToolbarModule,
    MatButtonModule,
    MatIconModule,
    AccountMenu,
    NotificationMenu,
    MatSidenavModule,
    ServiceStatusBanner,
    DeletionCancelledBanner,
  ],
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  private readonly router = inject(Router);
  protected readonly session = inject(AuthSession);

  /** Only the areas the user's role can open: a visitor sees the public pages and "Se connecter". */
  protected readonly links = computed<readonly NavLink[]>(() => {
    const role = this.session.role();
    const links: NavLink[] = [{ path: '/', label: 'Accueil', exact: true }];
    if (!role && this.session.restored()) {
      // Visitors come for the published projects; signed-in users have their own areas (and "Projets" of the
      // département's back office would be ambiguous beside a public "Projets"). Not while a previous session is
      // being looked for, so that a signed-in user's toolbar does not flash them.
      links.push({ path: '/carte', label: 'Carte', exact: false });
      links.push({ path: '/projets', label: 'Projets', exact: false });
      links.push({ path: '/faq', label: 'Questions fréquentes', exact: false });
    }
    if (role && COMMUNE_ROLES.includes(role)) {
      links.push({ path: '/espace', label: 'Espace commune', exact: false });
      links.push({ path: '/espace/questions', label: 'Questions', exact: false });
      links.push({ path: '/espace/faq', label: 'FAQ', exact: false });
      links.push({ path: '/espace/simulateur', label: 'Simulateur', exact: false });
    }
    if (role && DEPARTEMENT_ROLES.includes(role)) {
      // The département's home is the inbox of the communes' questions (and their threads and files below it).
      links.push({ path: '/departement', label: 'Questions', exact: false });
      links.push({ path: '/departement/projets', label: 'Projets des communes', exact: false });
      links.push({ path: '/departement/projets-du-departement', label: 'Projets du Département', exact: false });
      links.push({ path: '/departement/faq', label: 'FAQ', exact: false });
      links.push({ path: '/departement/faq/a-relire', label: 'À relire', exact: false });
    }
    if (role === 'ADMIN') {
      links.push({ path: '/departement/administration', label: 'Administration', exact: false });
    }
    return links;
  });

  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );
  protected readonly activePath = computed(() => activeLinkPath(this.links(), this.url()));

  private readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(PHONE_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  private readonly narrowForStaff = toSignal(
    inject(BreakpointObserver)
      .observe(STAFF_DRAWER_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** Whether the links go into the drawer: below the phone width, or the wider one for the département's staff. */
  protected readonly isPhone = computed(() => {
    const role = this.session.role();
    return role && DEPARTEMENT_ROLES.includes(role) ? this.narrowForStaff() : this.narrow();
  });

  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly injector = inject(Injector);

  /** On the sign-in page its form is the way in: a second "Se connecter" in the header would only repeat it. */
  protected readonly onSignInPage = computed(() => pathOf(this.url()) === '/connexion');
  protected readonly onAccountPage = computed(() => pathOf(this.url()) === '/compte');
  protected readonly onNotificationsPage = computed(() => pathOf(this.url()) === '/notifications');

  protected readonly drawerOpen = signal(false);

  protected readonly feedUrl = `${inject(API_BASE_URL)}/public/feed.atom`;
  protected readonly accessibilityStatus = ACCESSIBILITY_STATUS;

  constructor() {
    // The page loaded first keeps the browser's focus (at the top of the document, where a reader starts); later
    // navigations move it to the new page's heading (after sign-in too, which navigates to the asked-for page).
    let shownPath: string | null = this.router.navigated ? pathOf(this.router.url) : null;
    let stopWaiting = (): void => undefined;
    this.router.events.pipe(takeUntilDestroyed()).subscribe((event) => {
      if (event instanceof NavigationStart) {
        stopWaiting();
      }
      if (!(event instanceof NavigationEnd)) {
        return;
      }
      // Close the drawer once a link is followed, so the new page is not hidden behind it.
      this.drawerOpen.set(false);
      const path = pathOf(event.urlAfterRedirects);
      const previous = shownPath;
      shownPath = path;
      // A change of the query alone (search words, a filter, a page number) stays on the same page and the same field.
      if (previous !== null && previous !== path) {
        afterNextRender(() => (stopWaiting = focusPageHeading(this.main().nativeElement)), { injector: this.injector });
      }
    });
  }

  protected signOut(): void {
    this.session.logout().subscribe(() => void this.router.navigateByUrl('/'));
  }

  /**
   * The skip link would otherwise follow `href="#contenu"`, which the `<base href="/">` resolves to the home page
   * from any other route; focusing the main landmark directly keeps the reader where they are.
   */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    const main = this.main().nativeElement;
    main.focus();
    main.scrollIntoView();
  }
}
