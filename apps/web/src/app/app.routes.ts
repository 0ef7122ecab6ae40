import type { Route } from '@angular/router';
import {
  adminGuard,
  communeMemberGuard,
  departementStaffGuard,
  signedInGuard,
  signedOutGuard,
} from '@passerelle/web/auth/data-access';
// Types only: the guard calls the page's own check, and the page's code stays in its lazy chunk.
import type { FaqEditorPage } from '@passerelle/web/faq/feature-faq';
import type { DeptProjectEditPage } from '@passerelle/web/departement-projects/feature-staff';
import type { ProjectCreatePage, ProjectEditPage } from '@passerelle/web/projects/feature-edit';
import type { AidSchemeEditorPage } from '@passerelle/web/simulator/feature-aid-schemes';

/**
 * One lazy chunk per page, so that the public home page downloads neither the workspaces nor the forms. The guards
 * are small and already in the first download with the session they read.
 */
export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Accueil',
    loadComponent: () => import('@passerelle/web/public/feature-home').then((m) => m.PublicHomePage),
  },
  {
    path: 'carte',
    title: 'Carte des projets',
    loadComponent: () => import('@passerelle/web/public/feature-map').then((m) => m.ProjectMapPage),
  },
  {
    path: 'projets',
    title: 'Rechercher un projet',
    loadComponent: () => import('@passerelle/web/public/feature-project').then((m) => m.ProjectSearchPage),
  },
  {
    path: 'projets/:slug',
    title: 'Projet',
    loadComponent: () => import('@passerelle/web/public/feature-project').then((m) => m.PublicProjectPage),
  },
  {
    path: 'projets-du-departement',
    title: 'Projets du Département',
    loadComponent: () => import('@passerelle/web/public/feature-dept-projects').then((m) => m.DeptProjectListPage),
  },
  {
    path: 'projets-du-departement/:slug',
    title: 'Projet du Département',
    loadComponent: () => import('@passerelle/web/public/feature-dept-projects').then((m) => m.DeptProjectPage),
  },
  {
    path: 'lettre',
    title: 'Lettre d’information',
    loadComponent: () => import('@passerelle/web/public/feature-newsletter').then((m) => m.NewsletterSubscribePage),
  },
  {
    path: 'lettre/confirmation/:token',
    title: 'Confirmation de l’inscription',
    loadComponent: () => import('@passerelle/web/public/feature-newsletter').then((m) => m.NewsletterConfirmPage),
  },
  {
    path: 'lettre/desabonnement/:token',
    title: 'Désinscription de la lettre d’information',
    loadComponent: () => import('@passerelle/web/public/feature-newsletter').then((m) => m.NewsletterUnsubscribePage),
  },
  {
    path: 'faq',
    title: 'Questions fréquentes',
    data: { area: 'public' },
    loadComponent: () => import('@passerelle/web/faq/feature-faq').then((m) => m.FaqListPage),
  },
  {
    path: 'faq/:id',
    title: 'Question fréquente',
    data: { area: 'public' },
    loadComponent: () => import('@passerelle/web/faq/feature-faq').then((m) => m.FaqEntryPage),
  },
  {
    path: 'communes',
    title: 'Les communes',
    loadComponent: () => import('@passerelle/web/territory/feature-home').then((m) => m.HomePage),
  },
  {
    path: 'indicateurs',
    title: 'Délais de réponse aux communes',
    loadComponent: () => import('@passerelle/web/indicators/feature-indicators').then((m) => m.PublicIndicatorsPage),
  },
  {
    path: 'donnees-ouvertes',
    title: 'Données ouvertes',
    loadComponent: () => import('@passerelle/web/public/feature-pages').then((m) => m.OpenDataPage),
  },
  {
    path: 'accessibilite',
    title: 'Accessibilité',
    loadComponent: () => import('@passerelle/web/public/feature-pages').then((m) => m.AccessibilityPage),
  },
  {
    path: 'mentions-legales',
    title: 'Mentions légales',
    loadComponent: () => import('@passerelle/web/public/feature-pages').then((m) => m.LegalNoticePage),
  },
  {
    path: 'donnees-personnelles',
    title: 'Données personnelles',
    loadComponent: () => import('@passerelle/web/privacy/feature-privacy').then((m) => m.PrivacyNoticePage),
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
    path: 'suppression-du-compte',
    title: 'Suppression de votre compte',
    loadComponent: () => import('@passerelle/web/auth/feature-account').then((m) => m.AccountDeletionRequestedPage),
  },
  {
    path: 'notifications',
    title: 'Notifications',
    canActivate: [signedInGuard],
    loadComponent: () => import('@passerelle/web/notifications/feature-notifications').then((m) => m.NotificationsPage),
  },
  {
    path: 'desabonnement/:token',
    title: 'Se désabonner des courriels',
    loadComponent: () => import('@passerelle/web/notifications/feature-notifications').then((m) => m.UnsubscribePage),
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
      {
        path: 'questions',
        title: 'Questions au département',
        loadComponent: () => import('@passerelle/web/threads/feature-commune').then((m) => m.CommuneThreadsPage),
      },
      {
        path: 'questions/nouvelle',
        title: 'Poser une question',
        loadComponent: () => import('@passerelle/web/threads/feature-commune').then((m) => m.AskQuestionPage),
      },
      {
        path: 'questions/:id',
        title: 'Question au département',
        loadComponent: () => import('@passerelle/web/threads/feature-commune').then((m) => m.CommuneThreadPage),
      },
      {
        path: 'faq',
        title: 'Questions fréquentes',
        data: { area: 'commune' },
        loadComponent: () => import('@passerelle/web/faq/feature-faq').then((m) => m.FaqListPage),
      },
      {
        path: 'faq/:id',
        title: 'Question fréquente',
        data: { area: 'commune' },
        loadComponent: () => import('@passerelle/web/faq/feature-faq').then((m) => m.FaqEntryPage),
      },
      {
        path: 'simulateur',
        title: 'Simuler les aides',
        data: { area: 'commune' },
        loadComponent: () => import('@passerelle/web/simulator/feature-simulator').then((m) => m.SimulatorPage),
      },
      {
        path: 'projets/:id/simulateur',
        title: 'Simuler les aides du projet',
        data: { area: 'commune' },
        loadComponent: () => import('@passerelle/web/simulator/feature-simulator').then((m) => m.SimulatorPage),
      },
      {
        path: 'projets/nouveau',
        title: 'Nouveau projet',
        canDeactivate: [(page: ProjectCreatePage) => page.confirmLeave()],
        loadComponent: () => import('@passerelle/web/projects/feature-edit').then((m) => m.ProjectCreatePage),
      },
      {
        path: 'projets/:id',
        title: 'Fiche projet',
        data: { area: 'commune' },
        loadChildren: () => import('@passerelle/web/projects/feature-detail').then((m) => m.projectDetailRoutes),
      },
      {
        path: 'projets/:id/modifier',
        title: 'Modifier la fiche projet',
        canDeactivate: [(page: ProjectEditPage) => page.confirmLeave()],
        loadComponent: () => import('@passerelle/web/projects/feature-edit').then((m) => m.ProjectEditPage),
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
        title: 'Questions des communes',
        loadComponent: () => import('@passerelle/web/threads/feature-inbox').then((m) => m.InboxPage),
      },
      {
        path: 'questions/:id',
        title: 'Question d’une commune',
        loadComponent: () => import('@passerelle/web/threads/feature-staff-thread').then((m) => m.StaffThreadPage),
      },
      {
        path: 'communes/:insee',
        title: 'Dossier de la commune',
        loadComponent: () => import('@passerelle/web/threads/feature-inbox').then((m) => m.CommuneFilePage),
      },
      {
        path: 'modeles-de-reponse',
        title: 'Modèles de réponse',
        loadComponent: () => import('@passerelle/web/threads/feature-inbox').then((m) => m.AnswerTemplatesPage),
      },
      {
        path: 'projets',
        title: 'Projets des communes',
        loadComponent: () =>
          import('@passerelle/web/staff/feature-projects').then((m) => m.BackofficeProjectsPage),
      },
      {
        path: 'projets-du-departement',
        title: 'Projets du Département',
        loadComponent: () =>
          import('@passerelle/web/departement-projects/feature-staff').then((m) => m.DeptProjectListPage),
      },
      {
        path: 'projets-du-departement/nouveau',
        title: 'Nouveau projet du Département',
        canDeactivate: [(page: DeptProjectEditPage) => page.confirmLeave()],
        loadComponent: () =>
          import('@passerelle/web/departement-projects/feature-staff').then((m) => m.DeptProjectEditPage),
      },
      {
        path: 'projets-du-departement/:id',
        title: 'Projet du Département',
        loadComponent: () => import('@passerelle/web/departement-projects/feature-staff').then((m) => m.DeptProjectPage),
      },
      {
        path: 'projets-du-departement/:id/modifier',
        title: 'Modifier un projet du Département',
        canDeactivate: [(page: DeptProjectEditPage) => page.confirmLeave()],
        loadComponent: () =>
          import('@passerelle/web/departement-projects/feature-staff').then((m) => m.DeptProjectEditPage),
      },
      {
        path: 'projets/:id',
        title: 'Fiche projet',
        data: { area: 'departement' },
        loadChildren: () => import('@passerelle/web/projects/feature-detail').then((m) => m.projectDetailRoutes),
      },
      {
        path: 'simulateur',
        title: 'Simuler les aides',
        data: { area: 'departement' },
        loadComponent: () => import('@passerelle/web/simulator/feature-simulator').then((m) => m.SimulatorPage),
      },
      {
        path: 'publications',
        title: 'Publications à relire',
        loadComponent: () =>
          import('@passerelle/web/publication/feature-review').then((m) => m.PublicationQueuePage),
      },
      {
        path: 'publications/:id',
        title: 'Relecture avant publication',
        loadComponent: () =>
          import('@passerelle/web/publication/feature-review').then((m) => m.PublicationReviewPage),
      },
      {
        path: 'faq',
        title: 'FAQ des communes',
        data: { area: 'departement' },
        loadComponent: () => import('@passerelle/web/faq/feature-faq').then((m) => m.FaqListPage),
      },
      {
        path: 'faq/nouvelle',
        title: 'Nouvelle réponse de la FAQ',
        canDeactivate: [(page: FaqEditorPage) => page.confirmLeave()],
        loadComponent: () => import('@passerelle/web/faq/feature-faq').then((m) => m.FaqEditorPage),
      },
      {
        path: 'faq/a-relire',
        title: 'Réponses de la FAQ à relire',
        loadComponent: () => import('@passerelle/web/faq/feature-faq').then((m) => m.FaqReviewQueuePage),
      },
      {
        path: 'faq/:id',
        title: 'Réponse de la FAQ',
        data: { area: 'departement' },
        loadComponent: () => import('@passerelle/web/faq/feature-faq').then((m) => m.FaqEntryPage),
      },
      {
        path: 'faq/:id/modifier',
        title: 'Modifier une réponse de la FAQ',
        canDeactivate: [(page: FaqEditorPage) => page.confirmLeave()],
        loadComponent: () => import('@passerelle/web/faq/feature-faq').then((m) => m.FaqEditorPage),
      },
      {
        path: 'dispositifs',
        title: 'Dispositifs d’aide',
        loadComponent: () => import('@passerelle/web/simulator/feature-aid-schemes').then((m) => m.AidSchemesPage),
      },
      {
        path: 'dispositifs/nouveau',
        title: 'Nouveau dispositif d’aide',
        canActivate: [adminGuard],
        canDeactivate: [(page: AidSchemeEditorPage) => page.confirmLeave()],
        loadComponent: () => import('@passerelle/web/simulator/feature-aid-schemes').then((m) => m.AidSchemeEditorPage),
      },
      {
        path: 'dispositifs/import',
        title: 'Importer les subventions DETR et DSIL',
        canActivate: [adminGuard],
        loadComponent: () => import('@passerelle/web/simulator/feature-aid-schemes').then((m) => m.AidGrantImportsPage),
      },
      {
        path: 'dispositifs/:id',
        title: 'Dispositif d’aide',
        loadComponent: () => import('@passerelle/web/simulator/feature-aid-schemes').then((m) => m.AidSchemePage),
      },
      {
        path: 'dispositifs/:id/modifier',
        title: 'Modifier un dispositif d’aide',
        canActivate: [adminGuard],
        canDeactivate: [(page: AidSchemeEditorPage) => page.confirmLeave()],
        loadComponent: () => import('@passerelle/web/simulator/feature-aid-schemes').then((m) => m.AidSchemeEditorPage),
      },
      {
        path: 'indicateurs',
        title: 'Indicateurs du département',
        loadComponent: () => import('@passerelle/web/indicators/feature-indicators').then((m) => m.DepartementIndicatorsPage),
      },
      {
        path: 'administration',
        title: 'Administration',
        canActivate: [adminGuard],
        loadComponent: () => import('./administration-page').then((m) => m.AdministrationPage),
      },
      {
        path: 'administration/axes',
        title: 'Axes du programme',
        canActivate: [adminGuard],
        loadComponent: () => import('@passerelle/web/departement-projects/feature-staff').then((m) => m.AxesPage),
      },
      {
        path: 'administration/donnees-personnelles',
        title: 'Données personnelles',
        canActivate: [adminGuard],
        loadComponent: () =>
          import('@passerelle/web/privacy/feature-privacy').then((m) => m.PersonalDataAdminPage),
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
