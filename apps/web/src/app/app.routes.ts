import type { Route } from '@angular/router';
import {
  adminGuard,
  communeMemberGuard,
  departementStaffGuard,
  signedInGuard,
  signedOutGuard,
} from '@passerelle/web/auth/data-access';

/**
 * One lazy chunk per page, so that the public home page downloads neither the workspaces nor the forms. The guards
 * are small and already in the first download with the session they read.
 */
export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Accueil',
    loadComponent: () => import('@passerelle/web/territory/feature-home').then((m) => m.HomePage),
  },
  {
    path: 'connexion',
    title: 'Connexion',
    canActivate: [signedOutGuard],
    loadComponent: () => import('@passerelle/web/auth/feature-sign-in').then((m) => m.SignInPage),
  },
  {
    path: 'mot-de-passe-oublie',
    title: 'Mot de passe oublié',
    loadComponent: () => import('@passerelle/web/auth/feature-sign-in').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'reinitialiser-mot-de-passe/:token',
    title: 'Nouveau mot de passe',
    loadComponent: () => import('@passerelle/web/auth/feature-sign-in').then((m) => m.ResetPasswordPage),
  },
  {
    path: 'invitation/:token',
    title: 'Invitation',
    loadComponent: () => import('@passerelle/web/auth/feature-sign-in').then((m) => m.InvitationPage),
  },
  {
    path: 'compte',
    title: 'Mon compte',
    canActivate: [signedInGuard],
    loadComponent: () => import('@passerelle/web/auth/feature-account').then((m) => m.AccountPage),
  },
  {
    path: 'espace',
    canActivate: [communeMemberGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Espace commune',
        loadComponent: () => import('@passerelle/web/workspace/feature-home').then((m) => m.WorkspaceHomePage),
      },
      {
        path: 'equipe',
        title: 'Mon équipe',
        loadComponent: () => import('@passerelle/web/workspace/feature-team').then((m) => m.TeamPage),
      },
    ],
  },
  {
    path: 'departement',
    canActivate: [departementStaffGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Espace du département',
        loadComponent: () => import('@passerelle/web/backoffice/feature-home').then((m) => m.BackofficeHomePage),
      },
      {
        path: 'administration',
        title: 'Administration',
        canActivate: [adminGuard],
        loadComponent: () =>
          import('@passerelle/web/backoffice/feature-administration').then((m) => m.AdministrationPage),
      },
    ],
  },
  {
    path: 'acces-reserve',
    title: 'Accès réservé',
    loadComponent: () => import('./access-denied-page').then((m) => m.AccessDeniedPage),
  },
  {
    path: '**',
    title: 'Page introuvable',
    loadComponent: () => import('./not-found-page').then((m) => m.NotFoundPage),
  },
];
