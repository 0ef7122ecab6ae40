import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Stands in for the département back office until sign-in exists, and tells visitors what is coming. */
@Component({
  selector: 'lib-backoffice-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Espace du département — bientôt disponible</h1>
    <p>Les agents du département trouveront ici leur espace de travail pour&nbsp;:</p>
    <ul>
      <li>répondre aux questions des communes et suivre les délais de réponse&nbsp;;</li>
      <li>suivre le dossier de chaque commune et l'avancement de ses projets&nbsp;;</li>
      <li>relire et publier les projets terminés que les maires acceptent de partager&nbsp;;</li>
      <li>tenir à jour la foire aux questions, les dispositifs d'aide et les indicateurs.</li>
    </ul>
    <p>L'accès sera réservé aux agents et administrateurs du département.</p>
  `,
  styles: `
    :host {
      display: block;
      max-width: 72ch;
    }
    h1 {
      font: var(--mat-sys-headline-medium);
    }
    p,
    li {
      font: var(--mat-sys-body-large);
    }
  `,
})
export class BackofficeHomePage {}
