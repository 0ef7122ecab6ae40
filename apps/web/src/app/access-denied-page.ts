import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ROLE_LABELS } from '@passerelle/shared/dto';
import { AuthSession, homeOf } from '@passerelle/web/auth/data-access';

/** Shown at the address of a page the signed-in user's role may not open (the guards keep that address). */
@Component({
  selector: 'app-access-denied-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>Accès réservé</h1>
    <p>
      Cette page est réservée à d’autres utilisateurs de Passerelle.
      @if (roleLabel()) {
        Vous êtes connecté en tant que {{ roleLabel() }}.
      }
    </p>
    @if (home(); as path) {
      <p><a [routerLink]="path">Aller à mon espace</a></p>
    } @else {
      <p><a routerLink="/connexion">Se connecter</a></p>
    }
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
export class AccessDeniedPage {
  private readonly session = inject(AuthSession);

  protected readonly roleLabel = computed(() => {
    const role = this.session.role();
    return role ? ROLE_LABELS[role].toLowerCase() : '';
  });
  protected readonly home = computed(() => {
    const role = this.session.role();
    return role ? homeOf(role) : null;
  });
}
