import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>Page introuvable</h1>
    <p>L’adresse demandée ne correspond à aucune page de Passerelle. Elle a peut-être été déplacée ou mal saisie.</p>
    <p><a routerLink="/">Revenir à l’accueil</a></p>
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-medium);
    }
    p {
      font: var(--mat-sys-body-large);
    }
  `,
})
export class NotFoundPage {}
