import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Stands in for the commune workspace until sign-in exists, and tells visitors what is coming. */
@Component({
  selector: 'lib-workspace-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Espace commune — bientôt disponible</h1>
    <p>
      Chaque petite commune disposera ici de son espace de travail, réservé à son maire et à trois collaborateurs au
      plus. Il permettra de&nbsp;:
    </p>
    <ul>
      <li>suivre tous les projets de la commune dans des fiches projet (état d'avancement, coûts, financements)&nbsp;;</li>
      <li>poser des questions aux agents du département sur les prochaines étapes, les financements ou les interlocuteurs&nbsp;;</li>
      <li>simuler les aides auxquelles un projet peut prétendre&nbsp;;</li>
      <li>publier, avec l'accord du maire, un projet terminé pour en faire profiter d'autres communes.</li>
    </ul>
    <p>La connexion sera ouverte par le département, qui invitera le maire de chaque commune.</p>
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
export class WorkspaceHomePage {}
