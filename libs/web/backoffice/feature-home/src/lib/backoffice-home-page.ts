import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { ROLE_LABELS } from '@passerelle/shared/dto';
import { AuthSession } from '@passerelle/web/auth/data-access';

/** `/departement`: the staff's home. Administration for admins; the rest of the back office comes next. */
@Component({
  selector: 'lib-backoffice-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule],
  template: `
    <p class="kicker">Espace du département</p>
    <h1>{{ user()?.departement?.name }}</h1>
    @if (user(); as current) {
      <p>Bonjour {{ current.displayName }} — {{ roleLabel() }}.</p>
    }

    <section class="card" aria-labelledby="projects-title">
      <h2 id="projects-title">Projets des communes</h2>
      <p>Suivez l'avancement, les coûts et les financements des projets de toutes les communes du département.</p>
      <a mat-flat-button routerLink="/departement/projets">Voir les projets</a>
    </section>

    @if (isAdmin()) {
      <section class="card" aria-labelledby="admin-title">
        <h2 id="admin-title">Administration</h2>
        <p>Gérez les agents du département et ouvrez les espaces des communes en invitant leur maire.</p>
        <a mat-flat-button routerLink="/departement/administration">Ouvrir l'administration</a>
      </section>
    }

    <section class="card" aria-labelledby="soon-title">
      <h2 id="soon-title">Bientôt dans cet espace</h2>
      <ul>
        <li>répondre aux questions des communes et suivre les délais de réponse&nbsp;;</li>
        <li>suivre le dossier de chaque commune&nbsp;;</li>
        <li>relire et publier les projets terminés que les maires acceptent de partager&nbsp;;</li>
        <li>tenir à jour la foire aux questions, les dispositifs d'aide et les indicateurs.</li>
      </ul>
    </section>
  `,
  styles: `
    :host {
      display: block;
      max-width: 72ch;
    }
    .kicker {
      margin: 0;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      text-transform: uppercase;
      letter-spacing: 0.05em;
    }
    h1 {
      font: var(--mat-sys-headline-medium);
      margin: 4px 0 8px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 12px;
    }
    p,
    li {
      font: var(--mat-sys-body-large);
    }
    .card {
      margin-top: 24px;
      padding: 20px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container-low);
      border: 1px solid var(--mat-sys-outline-variant);
    }
  `,
})
export class BackofficeHomePage {
  private readonly session = inject(AuthSession);

  protected readonly user = this.session.user;
  protected readonly isAdmin = computed(() => this.session.role() === 'ADMIN');
  protected readonly roleLabel = computed(() => {
    const role = this.session.role();
    return role ? ROLE_LABELS[role].toLowerCase() : '';
  });
}
