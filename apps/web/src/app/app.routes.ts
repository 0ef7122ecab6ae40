import type { Route } from '@angular/router';

/** One lazy chunk per area, so that the public home page does not download the workspaces. */
export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Accueil',
    loadComponent: () => import('@passerelle/web/territory/feature-home').then((m) => m.HomePage),
  },
  {
    path: 'espace',
    title: 'Espace commune',
    loadComponent: () => import('@passerelle/web/workspace/feature-home').then((m) => m.WorkspaceHomePage),
  },
  {
    path: 'departement',
    title: 'Espace du département',
    loadComponent: () => import('@passerelle/web/backoffice/feature-home').then((m) => m.BackofficeHomePage),
  },
  {
    path: '**',
    title: 'Page introuvable',
    loadComponent: () => import('./not-found-page').then((m) => m.NotFoundPage),
  },
];
