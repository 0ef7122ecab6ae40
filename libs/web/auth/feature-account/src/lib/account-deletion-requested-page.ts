import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { formatDate } from '@passerelle/web/shared/util-format';

/**
 * `/suppression-du-compte?date=…`: where the user lands after asking for their account to be deleted, signed out.
 * Says when the account will be deleted and how to cancel (signing in again before that day).
 */
@Component({
  selector: 'pas-account-deletion-requested-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink],
  template: `
    <h1>{{ title() }}</h1>
    <p class="lead">
      Votre compte est désactivé et vous avez été déconnecté de tous vos appareils.
      @if (day(); as day) {
        Le {{ day }}, votre nom, votre adresse électronique et vos préférences seront effacés.
      } @else {
        À la fin du délai de grâce, votre nom, votre adresse électronique et vos préférences seront effacés.
      }
      Ce que vous avez écrit pour votre commune ou le département reste, sans votre nom.
    </p>
    <section aria-labelledby="cancel-title">
      <h2 id="cancel-title">Vous avez changé d’avis&nbsp;?</h2>
      <p>
        Reconnectez-vous
        @if (day(); as day) {
          avant le {{ day }}
        }
        avec votre adresse électronique et votre mot de passe&nbsp;: la suppression sera annulée et votre compte
        retrouvera son accès.
      </p>
      <a mat-flat-button routerLink="/connexion">Se connecter</a>
    </section>
  `,
  styles: `
    :host {
      display: block;
      max-width: 68ch;
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0 0 16px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 24px 0 8px;
    }
    .lead,
    p {
      font: var(--mat-sys-body-large);
    }
  `,
})
export class AccountDeletionRequestedPage {
  /** The day of the deletion (ISO instant), from the query (router input binding). */
  readonly date = input<string>();

  protected readonly day = computed(() => {
    const value = this.date();
    return value && !Number.isNaN(Date.parse(value)) ? formatDate(value) : null;
  });
  protected readonly title = computed(() => {
    const day = this.day();
    return day ? `Votre compte sera supprimé le ${day}` : 'Votre compte sera supprimé';
  });
}
